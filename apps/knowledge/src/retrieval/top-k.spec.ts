import { topIndices } from './top-k.js';
import { seededRandom } from './seeded-random.js';

describe('topIndices', () => {
  it('agrees with a full sort, ties broken by index', () => {
    const random = seededRandom(3);
    const scores = Float64Array.from({ length: 500 }, () => Math.floor(random() * 50));
    const sorted = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
    expect(topIndices(scores, 6)).toEqual(sorted.slice(0, 6));
    expect(topIndices(scores, 400)).toEqual(sorted.slice(0, 400));
  });

  it('copes with k larger than the list or zero', () => {
    expect(topIndices([1, 3, 2], 10)).toEqual([1, 2, 0]);
    expect(topIndices([1, 3, 2], 0)).toEqual([]);
  });
});
