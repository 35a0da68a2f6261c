/** Dense matrices are stored as arrays of columns: the algorithms below all work column by column. */
export type Columns = Float64Array[];

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Modified Gram-Schmidt, twice ("twice is enough"): one pass loses orthogonality when the columns
 * are nearly dependent, which power iteration makes them. A column that vanishes stays zero.
 */
export function orthonormalizeColumns(columns: Columns): Columns {
  const q = columns.map((c) => Float64Array.from(c));
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < q.length; j++) {
      for (let i = 0; i < j; i++) {
        const r = dot(q[i], q[j]);
        if (r !== 0) for (let t = 0; t < q[j].length; t++) q[j][t] -= r * q[i][t];
      }
      const norm = Math.sqrt(dot(q[j], q[j]));
      if (norm > 1e-12) for (let t = 0; t < q[j].length; t++) q[j][t] /= norm;
      else q[j].fill(0);
    }
  }
  return q;
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Returns eigenvalues in
 * descending order and the matching eigenvectors as columns.
 */
export function symmetricEigen(matrix: readonly Float64Array[]): { values: number[]; vectors: Columns } {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const v: Columns = Array.from({ length: n }, (_, i) => {
    const col = new Float64Array(n);
    col[i] = 1;
    return col;
  });
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[p][k];
          const vkq = v[q][k];
          v[p][k] = c * vkp - s * vkq;
          v[q][k] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => v[i]) };
}
