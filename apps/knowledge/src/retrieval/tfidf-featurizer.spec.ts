import { TfidfFeaturizer } from './tfidf-featurizer.js';

const texts = ['reset the password', 'delete the account', 'password rules for the account'];
const squaredNorm = (values: Float64Array) => values.reduce((s, v) => s + v * v, 0);

describe('TfidfFeaturizer', () => {
  it('gives unit vectors split between words and character n-grams by the configured share', () => {
    const featurizer = TfidfFeaturizer.fit(texts, { charNgramWeight: 0.25, charNgramMinDf: 1 });
    const x = featurizer.transform('password reset');
    expect(squaredNorm(x.values)).toBeCloseTo(1, 12);
    const wordOnly = TfidfFeaturizer.fit(texts, { charNgramWeight: 0 }).transform('password reset');
    expect(wordOnly.indices).toHaveLength(2);
    expect(x.indices.length).toBeGreaterThan(2);
  });

  it('weights a rare word above a common one', () => {
    const featurizer = TfidfFeaturizer.fit(texts, { charNgramWeight: 0 });
    const x = featurizer.transform('password delete');
    const byValue = Array.from(x.values).sort((a, b) => b - a);
    // "delete" is in one text, "password" in two
    expect(byValue[0]).toBeGreaterThan(byValue[1]);
  });

  it('survives a JSON round trip', () => {
    const featurizer = TfidfFeaturizer.fit(texts, { charNgramWeight: 0.5, charNgramMinDf: 1 });
    const restored = TfidfFeaturizer.fromJSON(JSON.parse(JSON.stringify(featurizer.toJSON())));
    expect(restored.transform('account password')).toEqual(featurizer.transform('account password'));
  });
});
