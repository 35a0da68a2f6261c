import { percentile } from './percentile.js';

describe('percentile', () => {
  it('takes the nearest rank of the sorted values and leaves the input as it was', () => {
    const values = [40, 10, 30, 20];
    expect([percentile(values, 0), percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([
      10, 30, 40, 40,
    ]);
    expect(values).toEqual([40, 10, 30, 20]);
  });

  it('has none for no values', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});
