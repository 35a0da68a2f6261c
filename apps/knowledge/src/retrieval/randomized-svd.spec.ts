import { truncatedSvd } from './randomized-svd.js';
import { CsrMatrix } from './sparse-matrix.js';

const row = (entries: [number, number][]) => ({
  indices: Int32Array.from(entries.map(([i]) => i)),
  values: Float64Array.from(entries.map(([, v]) => v)),
});

describe('truncatedSvd', () => {
  // Block-diagonal: singular values 5 (rows 0-1 on columns 0-1) and 3 (row 2 on column 2), exactly.
  const x = CsrMatrix.fromRows(
    [
      row([
        [0, 3],
        [1, 4],
      ]),
      row([]),
      row([[2, 3]]),
    ],
    4,
  );

  it('recovers the leading singular values and right vectors', () => {
    const svd = truncatedSvd(x, { rank: 2, seed: 1 });
    expect(svd.singularValues[0]).toBeCloseTo(5, 8);
    expect(svd.singularValues[1]).toBeCloseTo(3, 8);
    expect(Array.from(svd.rightVectors[0]).map((v) => Math.abs(v))).toEqual([
      expect.closeTo(0.6, 8),
      expect.closeTo(0.8, 8),
      expect.closeTo(0, 8),
      expect.closeTo(0, 8),
    ]);
  });

  it('is deterministic for a seed', () => {
    const a = truncatedSvd(x, { rank: 2, seed: 7 });
    const b = truncatedSvd(x, { rank: 2, seed: 7 });
    expect(Array.from(a.rightVectors[1])).toEqual(Array.from(b.rightVectors[1]));
  });
});
