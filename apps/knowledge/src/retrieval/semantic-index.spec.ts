import { FakeEmbeddings } from '@langchain/core/utils/testing';
import { SemanticIndex } from './semantic-index.js';

const meta = (docNo: number, component = 'a', tags: string[] = []) => ({ docNo, component, product: 'p', tags });

describe('SemanticIndex', () => {
  const build = () => {
    const index = new SemanticIndex(new FakeEmbeddings(), 'm1', 2, 1);
    index.set(meta(1), [1, 0]);
    index.set(meta(2, 'b', ['x']), [0, 3]);
    index.set(meta(3), [1, 1]);
    return index;
  };

  it('returns the nearest articles by cosine, best first, growing as articles are added', () => {
    const found = build().nearest(Float32Array.from([1, 0]), 2);
    expect(found.docNos).toEqual([1, 3]);
    expect(found.cosines[0]).toBeCloseTo(1, 6);
    expect(found.cosines[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('applies component and tag filters before taking the top k', () => {
    const index = build();
    expect(index.nearest(Float32Array.from([1, 0]), 2, { component: 'b' }).docNos).toEqual([2]);
    expect(index.nearest(Float32Array.from([1, 0]), 5, { tags: ['x', 'y'] }).docNos).toEqual([]);
  });

  it('replaces and drops articles without retraining', () => {
    const index = build();
    index.set(meta(1), [0, 1]);
    index.delete(3);
    expect(index.size).toBe(2);
    expect(index.has(3)).toBe(false);
    expect(index.nearest(Float32Array.from([0, 1]), 3).docNos).toEqual([1, 2]);
    expect(() => index.set(meta(4), [1, 2, 3])).toThrow('dimensions');
  });
});
