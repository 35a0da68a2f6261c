/** A sparse vector: parallel arrays of column indices and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Compressed sparse rows: one row per document, one column per feature. */
export class CsrMatrix {
  private constructor(
    readonly rows: number,
    readonly columns: number,
    private readonly rowStart: Int32Array,
    private readonly indices: Int32Array,
    private readonly values: Float64Array,
  ) {}

  static fromRows(rows: readonly SparseVector[], columns: number): CsrMatrix {
    const rowStart = new Int32Array(rows.length + 1);
    rows.forEach((r, i) => (rowStart[i + 1] = rowStart[i] + r.indices.length));
    const indices = new Int32Array(rowStart[rows.length]);
    const values = new Float64Array(rowStart[rows.length]);
    rows.forEach((r, i) => {
      indices.set(r.indices, rowStart[i]);
      values.set(r.values, rowStart[i]);
    });
    return new CsrMatrix(rows.length, columns, rowStart, indices, values);
  }

  /** this * M, for M with one row per column of this, `width` columns, row-major; the result is row-major too. */
  multiplyDense(m: Float64Array, width: number): Float64Array {
    const out = new Float64Array(this.rows * width);
    for (let r = 0; r < this.rows; r++) {
      const target = r * width;
      for (let p = this.rowStart[r]; p < this.rowStart[r + 1]; p++) {
        const v = this.values[p];
        const source = this.indices[p] * width;
        for (let c = 0; c < width; c++) out[target + c] += v * m[source + c];
      }
    }
    return out;
  }

  /** this^T * Y, for Y with one row per row of this, `width` columns, row-major. */
  transposeMultiplyDense(y: Float64Array, width: number): Float64Array {
    const out = new Float64Array(this.columns * width);
    for (let r = 0; r < this.rows; r++) {
      const source = r * width;
      for (let p = this.rowStart[r]; p < this.rowStart[r + 1]; p++) {
        const v = this.values[p];
        const target = this.indices[p] * width;
        for (let c = 0; c < width; c++) out[target + c] += v * y[source + c];
      }
    }
    return out;
  }
}
