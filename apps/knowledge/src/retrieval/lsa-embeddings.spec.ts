import { Embeddings } from '@langchain/core/embeddings';
import { LsaEmbeddings } from './lsa-embeddings.js';

// "remove" only ever appears next to "account"; "theme" words form a second topic.
const corpus = [
  'delete account permanently',
  'remove account data and delete account',
  'account deletion removes your account',
  'change colour theme',
  'dark theme colour settings',
  'theme colours in the terminal',
];

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('LsaEmbeddings', () => {
  const model = LsaEmbeddings.fit(corpus, { dimensions: 2, dimensionsPerDocument: 1, featurizer: { charNgramWeight: 0 } });

  it('is a LangChain embedding model producing unit vectors', async () => {
    expect(model).toBeInstanceOf(Embeddings);
    const [vector] = await model.embedDocuments(['delete account']);
    expect(vector).toHaveLength(model.dimensions);
    expect(cosine(vector, vector)).toBeCloseTo(1, 10);
  });

  it('places a word near the topic it co-occurs with, without sharing the query word', async () => {
    const query = await model.embedQuery('remove');
    const [account, theme] = await model.embedDocuments(['delete account', 'dark colour theme']);
    expect(cosine(query, account)).toBeGreaterThan(cosine(query, theme) + 0.5);
  });

  it('returns zeros for a text with no known feature', async () => {
    expect((await model.embedQuery('zzz qqq')).every((x) => x === 0)).toBe(true);
  });

  it('is reproducible and survives a JSON round trip', async () => {
    const again = LsaEmbeddings.fit(corpus, { dimensions: 2, dimensionsPerDocument: 1, featurizer: { charNgramWeight: 0 } });
    const restored = LsaEmbeddings.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    const expected = await model.embedQuery('account theme');
    expect(await again.embedQuery('account theme')).toEqual(expected);
    (await restored.embedQuery('account theme')).forEach((x, i) => expect(x).toBeCloseTo(expected[i], 12));
  });

  it('matches a misspelt word through character n-grams', async () => {
    const withGrams = LsaEmbeddings.fit(corpus, {
      dimensions: 2,
      dimensionsPerDocument: 1,
      featurizer: { charNgramWeight: 0.5 },
    });
    const query = await withGrams.embedQuery('acount');
    const [account, theme] = await withGrams.embedDocuments(['account', 'theme']);
    expect(cosine(query, account)).toBeGreaterThan(cosine(query, theme));
  });

  it('caps the rank by the number of training texts', () => {
    expect(LsaEmbeddings.fit(corpus, { dimensions: 50, dimensionsPerDocument: 0.5 }).dimensions).toBe(3);
  });
});
