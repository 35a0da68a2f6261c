import { originalId, queriesWithTypos, scaledCorpus, titlesAsQueries } from './pseudo-queries.js';

const docs = [
  { id: 'a', title: 'Reset a password', body: 'Use the link.\n\nCheck your email.' },
  { id: 'b', title: 'Delete an account', body: 'Open privacy settings.' },
];

describe('pseudo-queries', () => {
  it('turns titles into queries and hides them from the articles', () => {
    const { documents, queries } = titlesAsQueries(docs);
    expect(queries).toEqual([
      { id: 'title-a', query: 'Reset a password', relevant: ['a'] },
      { id: 'title-b', query: 'Delete an account', relevant: ['b'] },
    ]);
    expect(documents.every((d) => d.title === '')).toBe(true);
  });

  it('adds the same typos for the same seed', () => {
    const queries = [{ id: 'q', query: 'please reset my forgotten password quickly', relevant: [] }];
    expect(queriesWithTypos(queries, 3)).toEqual(queriesWithTypos(queries, 3));
    expect(queriesWithTypos(queries, 3)[0].query).not.toBe(queries[0].query);
  });

  it('blows a corpus up to the requested size with distinct ids', () => {
    const big = scaledCorpus(docs, 7);
    expect(big).toHaveLength(7);
    expect(new Set(big.map((d) => d.id)).size).toBe(7);
    expect(new Set(big.map((d) => originalId(d.id)))).toEqual(new Set(['a', 'b']));
  });
});
