import { type Columns, dot, orthonormalizeColumns, symmetricEigen } from './dense-linear-algebra.js';
import { seededGaussian } from './seeded-random.js';
import type { CsrMatrix } from './sparse-matrix.js';

export interface TruncatedSvdOptions {
  rank: number;
  /** Extra random directions: the top `rank` come out accurate only if the sketch is a bit wider. */
  oversampling?: number;
  /** Power iterations sharpen a slowly decaying spectrum, which term-document matrices have. */
  powerIterations?: number;
  seed?: number;
}

export interface TruncatedSvd {
  /** Singular values, descending. */
  singularValues: number[];
  /** Right singular vectors (one entry per matrix column, i.e. per feature), one per singular value. */
  rightVectors: Columns;
}

/**
 * Halko, Martinsson & Tropp's randomized SVD: sketch the range of X with Gaussian probes, refine it
 * with power iterations, then solve the small problem exactly. X is documents x features. The sketch
 * is kept row-major so each product streams the sparse matrix once instead of once per probe.
 */
export function truncatedSvd(x: CsrMatrix, options: TruncatedSvdOptions): TruncatedSvd {
  const width = Math.min(options.rank + (options.oversampling ?? 10), x.rows, x.columns);
  const gaussian = seededGaussian(options.seed ?? 42);
  const probes = new Float64Array(x.columns * width);
  for (let c = 0; c < width; c++) for (let f = 0; f < x.columns; f++) probes[f * width + c] = gaussian();
  let range = orthonormalRowMajor(x.multiplyDense(probes, width), width);
  // Re-orthonormalising on the document side only is enough in float64 for a few iterations, and
  // skips the costly Gram-Schmidt over the (much longer) feature side.
  for (let i = 0; i < (options.powerIterations ?? 4); i++) {
    range = orthonormalRowMajor(x.multiplyDense(x.transposeMultiplyDense(range, width), width), width);
  }
  // B = Q^T X, kept as its transpose (features x width); the eigenvectors of B B^T are B's left vectors.
  const bt = toColumns(x.transposeMultiplyDense(range, width), width);
  const gram = bt.map((bi) => Float64Array.from(bt, (bj) => dot(bi, bj)));
  const eigen = symmetricEigen(gram);
  const rank = Math.min(options.rank, width);
  const singularValues: number[] = [];
  const rightVectors: Columns = [];
  for (let c = 0; c < rank; c++) {
    const sigma = Math.sqrt(Math.max(0, eigen.values[c]));
    if (sigma < 1e-10) break;
    // v_c = B^T w_c / sigma_c
    const v = new Float64Array(x.columns);
    const w = eigen.vectors[c];
    for (let i = 0; i < width; i++) {
      const wi = w[i] / sigma;
      if (wi !== 0) for (let t = 0; t < v.length; t++) v[t] += bt[i][t] * wi;
    }
    fixSign(v);
    singularValues.push(sigma);
    rightVectors.push(v);
  }
  return { singularValues, rightVectors };
}

function toColumns(rowMajor: Float64Array, width: number): Columns {
  const rows = rowMajor.length / width;
  return Array.from({ length: width }, (_, c) => Float64Array.from({ length: rows }, (_, r) => rowMajor[r * width + c]));
}

function orthonormalRowMajor(rowMajor: Float64Array, width: number): Float64Array {
  const columns = orthonormalizeColumns(toColumns(rowMajor, width));
  const out = new Float64Array(rowMajor.length);
  columns.forEach((col, c) => col.forEach((v, r) => (out[r * width + c] = v)));
  return out;
}

/** An eigenvector's sign is arbitrary; pin it so saved models compare equal. */
function fixSign(v: Float64Array): void {
  let largest = 0;
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(largest)) largest = v[i];
  if (largest < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i];
}
