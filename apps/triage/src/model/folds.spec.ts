import { seededRandom, stratifiedFolds } from './folds.js';

describe('folds', () => {
  it('is deterministic for a seed and different for another', () => {
    expect([1, 2, 3].map(seededRandom(1))).toEqual([1, 2, 3].map(seededRandom(1)));
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });

  it('spreads every label evenly over the folds', () => {
    const labels = [...Array(10).fill('a'), ...Array(5).fill('b')] as string[];
    const folds = stratifiedFolds(labels, 5, 3);
    for (let f = 0; f < 5; f++) {
      expect(labels.filter((l, i) => l === 'a' && folds[i] === f)).toHaveLength(2);
      expect(labels.filter((l, i) => l === 'b' && folds[i] === f)).toHaveLength(1);
    }
    expect(Array.from(stratifiedFolds(labels, 5, 3))).toEqual(Array.from(folds));
  });
});
