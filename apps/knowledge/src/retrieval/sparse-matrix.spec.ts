import { CsrMatrix } from './sparse-matrix.js';

// [[1, 0, 2],
//  [0, 3, 0]]
const x = CsrMatrix.fromRows(
  [
    { indices: Int32Array.of(0, 2), values: Float64Array.of(1, 2) },
    { indices: Int32Array.of(1), values: Float64Array.of(3) },
  ],
  3,
);

describe('CsrMatrix', () => {
  it('multiplies a dense row-major block', () => {
    // M = [[1, 10], [2, 20], [3, 30]]
    expect(Array.from(x.multiplyDense(Float64Array.of(1, 10, 2, 20, 3, 30), 2))).toEqual([7, 70, 6, 60]);
  });

  it('multiplies its transpose with a dense row-major block', () => {
    // Y = [[1, 2], [3, 4]]
    expect(Array.from(x.transposeMultiplyDense(Float64Array.of(1, 2, 3, 4), 2))).toEqual([1, 2, 9, 12, 2, 4]);
  });
});
