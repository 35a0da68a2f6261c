import { meanMetrics, scoreRanking } from './ranking-metrics.js';

describe('scoreRanking', () => {
  it('scores a relevant article in second place', () => {
    const m = scoreRanking(['x', 'a', 'y'], ['a']);
    expect(m).toEqual({ hitAt1: 0, hitAt3: 1, reciprocalRank: 0.5, averagePrecision: 0.5, ndcgAt3: 1 / Math.log2(3) });
  });

  it('averages precision over several relevant articles', () => {
    const m = scoreRanking(['a', 'x', 'b'], ['a', 'b']);
    expect(m.averagePrecision).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(m.ndcgAt3).toBeCloseTo((1 + 0.5) / (1 + 1 / Math.log2(3)), 12);
  });

  it('gives zero when nothing relevant is ranked', () => {
    expect(scoreRanking(['x'], ['a']).reciprocalRank).toBe(0);
  });
});

describe('meanMetrics', () => {
  it('averages each metric', () => {
    const m = meanMetrics([scoreRanking(['a'], ['a']), scoreRanking(['x', 'a'], ['a'])]);
    expect(m.reciprocalRank).toBeCloseTo(0.75, 12);
    expect(m.hitAt1).toBe(0.5);
  });
});
