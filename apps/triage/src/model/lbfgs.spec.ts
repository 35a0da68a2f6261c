import { minimise } from './lbfgs.js';

describe('L-BFGS', () => {
  it('finds the minimum of an ill-conditioned quadratic', () => {
    const scale = [1, 10, 100];
    const centre = [3, -2, 0.5];
    const x = minimise(
      (p, g) => {
        let f = 0;
        for (let i = 0; i < 3; i++) {
          f += 0.5 * scale[i] * (p[i] - centre[i]) ** 2;
          g[i] = scale[i] * (p[i] - centre[i]);
        }
        return f;
      },
      new Float64Array(3),
      { maxIterations: 100, tolerance: 1e-9, relativeDecrease: 0, window: 5, memory: 5 },
    );
    x.forEach((v, i) => expect(v).toBeCloseTo(centre[i], 5));
  });
});
