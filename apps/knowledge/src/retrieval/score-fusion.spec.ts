import { interpolate, reciprocalRankFusion } from './score-fusion.js';

describe('score fusion', () => {
  it('interpolates and ignores negative cosines', () => {
    expect(interpolate(0.8, 0.4, 0.5)).toBeCloseTo(0.6, 12);
    expect(interpolate(0.8, -0.4, 0.5)).toBeCloseTo(0.4, 12);
  });

  it('rewards agreement between rankings in reciprocal-rank fusion', () => {
    const fused = reciprocalRankFusion(Float64Array.of(3, 2, 1), Float64Array.of(0.1, 0.9, 0.2), 0.5);
    expect(fused[1]).toBeGreaterThan(fused[0]);
    expect(fused[0]).toBeGreaterThan(fused[2]);
  });
});
