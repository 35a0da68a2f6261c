import { DEFAULT_FEATURE_OPTIONS } from './text-features.js';
import { TfidfVectorizer, type VectorizerOptions } from './vectorizer.js';

const options: VectorizerOptions = {
  features: { ...DEFAULT_FEATURE_OPTIONS, charMin: 3, charMax: 3 },
  minDf: 2,
  maxFeaturesPerGroup: 1000,
  groupWeights: { w: 1, t: 0.5, c: 1, g: 1 },
};
const corpus = [
  { subject: 'crash on start', body: 'the app crashes on start' },
  { subject: 'crash in plugin', body: 'plugin crashes the app' },
  { subject: 'theme colours', body: 'the colours are wrong in the app' },
];
const fitted = () => TfidfVectorizer.fit(corpus, options);

describe('TfidfVectorizer', () => {
  it('keeps features seen in at least min-df documents', () => {
    const v = fitted();
    expect(v.vocabulary).toContain('w:app');
    expect(v.vocabulary).toContain('t:crash');
    expect(v.vocabulary).not.toContain('w:wrong');
  });

  it('gives unit-length vectors and ignores words it never saw', () => {
    const v = fitted();
    const x = v.vectorize('crash', 'the app zzzunknown');
    const norm = Math.sqrt(x.values.reduce((s, a) => s + a * a, 0));
    expect(norm).toBeCloseTo(1);
    expect(x.indices.every((i) => !v.vocabulary[i].includes('zzz'))).toBe(true);
    expect(v.vectorize('', 'qqq').indices).toHaveLength(0);
  });

  it('weights a rare word above a common one (idf) and damps repeats (sublinear tf)', () => {
    const v = fitted();
    const x = v.vectorize('', 'app app app app crashes');
    const value = (f: string) => x.values[Array.from(x.indices).indexOf(v.vocabulary.indexOf(f))];
    // app: in all 3 documents, 4 times here; crashes: in 2 documents, once here
    const app = (1 + Math.log(4)) * (Math.log(4 / 4) + 1);
    const crashes = 1 * (Math.log(4 / 3) + 1);
    expect(value('w:app') / value('w:crashes')).toBeCloseTo(app / crashes, 10);
  });

  it('caps each feature group at max-features, most frequent first', () => {
    const v = TfidfVectorizer.fit(corpus, { ...options, maxFeaturesPerGroup: 1 });
    expect(v.vocabulary.filter((f) => f.startsWith('w:'))).toEqual(['w:app']);
  });

  it('adds source-specific word features only for inquiries that name their source', () => {
    const grouped = [...corpus.map((t) => ({ ...t, group: 'repo-a' })), { subject: 'crash', body: 'app crash', group: 'repo-b' }];
    const v = TfidfVectorizer.fit(grouped, options);
    expect(v.vocabulary).toContain('g:repo-a w:app');
    expect(v.vocabulary).not.toContain('g:repo-b w:app');
    const names = (x: { indices: Int32Array }) => Array.from(x.indices, (i) => v.vocabulary[i]);
    expect(names(v.vectorize('crash', 'the app', 'repo-a'))).toContain('g:repo-a w:app');
    expect(names(v.vectorize('crash', 'the app')).some((f) => f.startsWith('g:'))).toBe(false);
  });

  it('survives a JSON round trip unchanged', () => {
    const v = fitted();
    const copy = TfidfVectorizer.fromJSON(JSON.parse(JSON.stringify(v.toJSON())));
    expect(copy.vectorize('crash', 'plugin app')).toEqual(v.vectorize('crash', 'plugin app'));
  });
});
