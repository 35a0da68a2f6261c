import { FieldClassifier, type FieldClassifierOptions } from './field-classifier.js';
import type { SparseVector } from './vectorizer.js';

// features 0-1 are words (group 0, `w`), 2-3 char n-grams (group 2, `c`)
const groupOf = Uint8Array.from([0, 0, 2, 2]);
const vector = (values: number[]): SparseVector => ({
  indices: Int32Array.from(values.flatMap((v, i) => (v ? [i] : []))),
  values: Float64Array.from(values.filter((v) => v)),
});
// the words say the label; the char n-grams say it too, but for one example the other way round
const rows: [number[], string][] = [
  [[1, 0, 1, 0], 'a'],
  [[0.9, 0, 1, 0], 'a'],
  [[1, 0, 0, 1], 'a'],
  [[0.8, 0, 1, 0], 'a'],
  [[0, 1, 0, 1], 'b'],
  [[0, 0.9, 0, 1], 'b'],
  [[0, 1, 1, 0], 'b'],
  [[0, 0.8, 0, 1], 'b'],
];
const options: FieldClassifierOptions = {
  algorithm: 'svm',
  c: [1],
  balanced: [false],
  nbWeight: [0],
  groupScales: [{ c: 0 }],
  folds: 2,
  seed: 3,
  maxIterations: 100,
};
const train = (o: FieldClassifierOptions) =>
  FieldClassifier.train(
    rows.map(([v]) => vector(v)),
    rows.map(([, l]) => l),
    4,
    o,
    groupOf,
  );

describe('FieldClassifier group scales', () => {
  it('folds a chosen group scale into the weights, so unscaled vectors score as scaled ones did', () => {
    const silentChars = train(options);
    expect(silentChars.chosen.groupScale).toEqual({ c: 0 });
    // with the char group at 0, a vector of char n-grams only carries no evidence at all
    expect(silentChars.predict(vector([0, 0, 1, 1])).probabilities).toEqual(
      silentChars.predict(vector([0, 0, 0, 0])).probabilities,
    );
    expect(silentChars.predict(vector([1, 0, 0, 1])).label).toBe('a');
    const restored = FieldClassifier.fromJSON(JSON.parse(JSON.stringify(silentChars.toJSON())));
    // stored weights are float32
    expect(restored.predict(vector([0, 1, 1, 0])).confidence).toBeCloseTo(
      silentChars.predict(vector([0, 1, 1, 0])).confidence,
      5,
    );
    expect(restored.predict(vector([0, 1, 1, 0])).label).toBe('b');
  });

  it('keeps the vectorizer weights when no scale is better in cross-validation', () => {
    const chosen = train({ ...options, groupScales: [{}, { w: 1 }] }).chosen;
    expect(chosen.groupScale).toBeUndefined();
  });
});
