import {
  argmax,
  fitTemperature,
  scores,
  softmax,
  topContributions,
  trainComplementNaiveBayes,
  trainLinearSvm,
  trainLogisticRegression,
  type TrainingSet,
} from './linear-classifier.js';
import type { SparseVector } from './vectorizer.js';

const vector = (entries: [number, number][]): SparseVector => ({
  indices: Int32Array.from(entries, ([i]) => i),
  values: Float64Array.from(entries, ([, v]) => v),
});

// three classes, each marked by its own feature (0, 1, 2); feature 3 is noise shared by all
const set: TrainingSet = {
  vectors: [
    vector([
      [0, 0.9],
      [3, 0.4],
    ]),
    vector([[0, 1]]),
    vector([
      [1, 0.9],
      [3, 0.4],
    ]),
    vector([[1, 1]]),
    vector([
      [2, 0.9],
      [3, 0.4],
    ]),
    vector([[2, 1]]),
  ],
  targets: Int32Array.from([0, 0, 1, 1, 2, 2]),
  classes: 3,
  features: 4,
};

describe('linear classifiers', () => {
  it('logistic regression learns the marker features and gives probabilities that sum to one', () => {
    const model = trainLogisticRegression(set, { c: 10, balanced: false, maxIterations: 200 });
    set.vectors.forEach((x, i) => expect(argmax(scores(model, x))).toBe(set.targets[i]));
    const p = softmax(scores(model, vector([[1, 1]])));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(argmax(p)).toBe(1);
    expect(
      topContributions(
        model,
        vector([
          [1, 1],
          [3, 0.4],
        ]),
        1,
        3,
      )[0].feature,
    ).toBe(1);
  });

  it('a stronger L2 penalty (smaller C) gives smaller weights and less confident probabilities', () => {
    const weak = trainLogisticRegression(set, { c: 100, balanced: false, maxIterations: 200 });
    const strong = trainLogisticRegression(set, { c: 0.1, balanced: false, maxIterations: 200 });
    const x = vector([[2, 1]]);
    expect(Math.max(...softmax(scores(strong, x)))).toBeLessThan(Math.max(...softmax(scores(weak, x))));
  });

  it('warm start from a solution converges to the same predictions', () => {
    const cold = trainLogisticRegression(set, { c: 10, balanced: true, maxIterations: 200 });
    const warm = trainLogisticRegression(set, { c: 10, balanced: true, maxIterations: 200, start: cold });
    set.vectors.forEach((x) => expect(argmax(scores(warm, x))).toBe(argmax(scores(cold, x))));
  });

  it('the linear SVM separates the data and is repeatable for a seed', () => {
    const options = { c: 1, balanced: false, maxPasses: 100, seed: 5 };
    const model = trainLinearSvm(set, options);
    set.vectors.forEach((x, i) => expect(argmax(scores(model, x))).toBe(set.targets[i]));
    expect(Array.from(trainLinearSvm(set, options).weights)).toEqual(Array.from(model.weights));
    // the marker feature of class 2 has the largest weight for class 2
    expect(
      topContributions(
        model,
        vector([
          [2, 1],
          [3, 1],
        ]),
        2,
        1,
      )[0].feature,
    ).toBe(2);
  });

  it('complement naive Bayes separates the same data', () => {
    const model = trainComplementNaiveBayes(set);
    set.vectors.forEach((x, i) => expect(argmax(scores(model, x))).toBe(set.targets[i]));
  });

  it('fits a temperature above one for over-confident logits and below one for timid ones', () => {
    // right 60 % of the time yet 99 % sure: calibration must soften
    const sure = Float64Array.from([5, 0]);
    const logits = Array.from({ length: 10 }, () => sure);
    const targets = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    expect(fitTemperature(logits, targets)).toBeGreaterThan(3);
    const timid = Array.from({ length: 10 }, () => Float64Array.from([0.1, 0]));
    expect(fitTemperature(timid, Array(10).fill(0))).toBeLessThan(0.1);
  });
});
