import { dot, orthonormalizeColumns, symmetricEigen } from './dense-linear-algebra.js';

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix into descending eigenpairs', () => {
    const m = [Float64Array.of(4, 1, 0), Float64Array.of(1, 3, 0), Float64Array.of(0, 0, 1)];
    const { values, vectors } = symmetricEigen(m);
    expect(values[0]).toBeCloseTo((7 + Math.sqrt(5)) / 2, 10);
    expect(values[1]).toBeCloseTo((7 - Math.sqrt(5)) / 2, 10);
    expect(values[2]).toBeCloseTo(1, 10);
    vectors.forEach((v, k) => {
      const mv = m.map((row) => dot(row, v));
      mv.forEach((x, i) => expect(x).toBeCloseTo(values[k] * v[i], 10));
    });
  });
});

describe('orthonormalizeColumns', () => {
  it('returns orthonormal columns spanning the same space', () => {
    const q = orthonormalizeColumns([Float64Array.of(1, 1, 0), Float64Array.of(1, 0, 1)]);
    expect(dot(q[0], q[0])).toBeCloseTo(1, 12);
    expect(dot(q[1], q[1])).toBeCloseTo(1, 12);
    expect(dot(q[0], q[1])).toBeCloseTo(0, 12);
  });

  it('zeroes a dependent column instead of dividing by nothing', () => {
    const q = orthonormalizeColumns([Float64Array.of(1, 2), Float64Array.of(2, 4)]);
    expect(Array.from(q[1])).toEqual([0, 0]);
  });
});
