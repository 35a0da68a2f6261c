import { stratifiedFolds } from './folds.js';
import {
  argmax,
  fitTemperature,
  type LinearModel,
  scores,
  softmax,
  topContributions,
  trainComplementNaiveBayes,
  trainLinearSvm,
  trainLogisticRegression,
  type TrainingSet,
} from './linear-classifier.js';
import { evaluate } from './metrics.js';
import { FEATURE_GROUPS, type FeatureGroup } from './text-features.js';
import type { SparseVector } from './vectorizer.js';

/** Multipliers of the vectorizer's feature-group weights; a group left out keeps its weight. */
export type GroupScale = Partial<Record<FeatureGroup, number>>;

/** Candidate values are tried by k-fold cross-validation on the training data; the best macro-F1 wins. */
export interface FieldClassifierOptions {
  /** softmax regression (L-BFGS) or one-vs-rest linear SVM (dual coordinate descent, much faster) */
  algorithm: 'logistic' | 'svm';
  c: number[];
  balanced: boolean[];
  /** weight of complement naive Bayes scores added to the regression's logits; 0 = regression alone */
  nbWeight: number[];
  /**
   * How loud each feature group is for this field. Fields listen to different things (urgency
   * to what the words say rather than to character fragments), so each field picks its own.
   */
  groupScales: GroupScale[];
  folds: number;
  seed: number;
  maxIterations: number;
}

export const DEFAULT_FIELD_OPTIONS: FieldClassifierOptions = {
  algorithm: 'svm',
  c: [0.3, 1, 3],
  balanced: [false, true],
  nbWeight: [0, 0.05, 0.2],
  groupScales: [{}, { c: 0.6, t: 2 }],
  folds: 5,
  seed: 7,
  maxIterations: 300,
};

export interface FieldClassifierJSON {
  labels: string[];
  chosen: { c: number; balanced: boolean; nbWeight: number; groupScale?: GroupScale; cvMacroF1: number };
  temperature: number;
  regression: EncodedModel;
  naiveBayes?: EncodedModel;
}

interface EncodedModel {
  classes: number;
  features: number;
  /** float32, little-endian, base64: a twentieth of the size of a JSON number array */
  weights: string;
  bias: number[];
}

function encode(model: LinearModel): EncodedModel {
  const weights = Buffer.from(Float32Array.from(model.weights).buffer).toString('base64');
  return { classes: model.classes, features: model.features, weights, bias: Array.from(model.bias) };
}

function decode(json: EncodedModel): LinearModel {
  const bytes = Buffer.from(json.weights, 'base64');
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return {
    classes: json.classes,
    features: json.features,
    weights: Float64Array.from(floats),
    bias: Float64Array.from(json.bias),
  };
}

export interface FieldClassifierState {
  labels: string[];
  chosen: FieldClassifierJSON['chosen'];
  temperature: number;
  regression: LinearModel;
  naiveBayes: LinearModel | undefined;
}

export interface FieldPrediction {
  label: string;
  /** calibrated probability of `label` */
  confidence: number;
  probabilities: Float64Array;
}

/** One label set (urgency, component, ...): regression, optional naive Bayes blend, temperature. */
export class FieldClassifier {
  private constructor(
    readonly labels: string[],
    readonly chosen: FieldClassifierJSON['chosen'],
    private readonly temperature: number,
    private readonly regression: LinearModel,
    private readonly naiveBayes: LinearModel | undefined,
  ) {}

  /**
   * `groupOf` names each feature's group (vectorizer order), for `options.groupScales`. A group
   * scale is applied to the training vectors and then folded into the learnt weights, so the
   * stored model scores the vectorizer's vectors as they are.
   */
  static train(
    vectors: SparseVector[],
    labels: string[],
    features: number,
    options: FieldClassifierOptions,
    groupOf?: Uint8Array,
  ): FieldClassifier {
    const labelSet = [...new Set(labels)].sort();
    const targets = Int32Array.from(labels, (l) => labelSet.indexOf(l));
    const fit = (s: TrainingSet, c: number, balanced: boolean) =>
      options.algorithm === 'svm'
        ? trainLinearSvm(s, { c, balanced, maxPasses: options.maxIterations, seed: options.seed })
        : trainLogisticRegression(s, { c, balanced, maxIterations: options.maxIterations });

    const scales = groupOf && options.groupScales?.length ? options.groupScales : [{}];
    const candidates = scales.map((groupScale) => {
      const multiplier = groupOf && Object.keys(groupScale).length > 0 ? multipliers(groupOf, groupScale) : undefined;
      const set: TrainingSet = {
        vectors: multiplier ? vectors.map((x) => scaled(x, multiplier)) : vectors,
        targets,
        classes: labelSet.length,
        features,
      };
      const { chosen, heldOutLogits } = selectByCrossValidation(set, labels, labelSet, options, fit);
      return { chosen: multiplier ? { ...chosen, groupScale } : chosen, heldOutLogits, set, multiplier };
    });
    // ties keep the earlier candidate: the vectorizer's own weights come first
    const { chosen, heldOutLogits, set, multiplier } = candidates.reduce((best, next) =>
      next.chosen.cvMacroF1 > best.chosen.cvMacroF1 ? next : best,
    );
    const temperature = heldOutLogits ? fitTemperature(heldOutLogits, set.targets) : 1;
    const regression = foldIn(fit(set, chosen.c, chosen.balanced), multiplier);
    const naiveBayes = chosen.nbWeight > 0 ? foldIn(trainComplementNaiveBayes(set), multiplier) : undefined;
    return new FieldClassifier(labelSet, chosen, temperature, regression, naiveBayes);
  }

  /** A trained classifier as plain data a worker thread can post back, without toJSON's float32 rounding. */
  state(): FieldClassifierState {
    const { labels, chosen, temperature, regression, naiveBayes } = this;
    return { labels, chosen, temperature, regression, naiveBayes };
  }

  static fromState(state: FieldClassifierState): FieldClassifier {
    return new FieldClassifier(state.labels, state.chosen, state.temperature, state.regression, state.naiveBayes);
  }

  static fromJSON(json: FieldClassifierJSON): FieldClassifier {
    return new FieldClassifier(
      json.labels,
      json.chosen,
      json.temperature,
      decode(json.regression),
      json.naiveBayes ? decode(json.naiveBayes) : undefined,
    );
  }

  toJSON(): FieldClassifierJSON {
    return {
      labels: this.labels,
      chosen: this.chosen,
      temperature: this.temperature,
      regression: encode(this.regression),
      naiveBayes: this.naiveBayes ? encode(this.naiveBayes) : undefined,
    };
  }

  predict(x: SparseVector): FieldPrediction {
    const logits = blend(this.regression, this.naiveBayes, this.chosen.nbWeight, x);
    const probabilities = softmax(logits, this.temperature);
    const best = argmax(probabilities);
    return { label: this.labels[best], confidence: probabilities[best], probabilities };
  }

  /** Feature indices that pushed `x` towards `label` in the regression, strongest first. */
  explain(x: SparseVector, label: string, limit: number): number[] {
    const target = this.labels.indexOf(label);
    if (target < 0) return [];
    return topContributions(this.regression, x, target, limit).map((c) => c.feature);
  }
}

function blend(regression: LinearModel, naiveBayes: LinearModel | undefined, nbWeight: number, x: SparseVector): Float64Array {
  const logits = scores(regression, x);
  if (naiveBayes && nbWeight > 0) {
    const nb = scores(naiveBayes, x);
    for (let c = 0; c < logits.length; c++) logits[c] += nbWeight * nb[c];
  }
  return logits;
}

function multipliers(groupOf: Uint8Array, scale: GroupScale): Float64Array {
  const byIndex = FEATURE_GROUPS.map((g) => scale[g] ?? 1);
  return Float64Array.from(groupOf, (g) => byIndex[g]);
}

function scaled(x: SparseVector, multiplier: Float64Array): SparseVector {
  return { indices: x.indices, values: Float64Array.from(x.values, (v, p) => v * multiplier[x.indices[p]]) };
}

/** Weights learnt on scaled vectors, rewritten to score unscaled ones: w·(m∘x) = (m∘w)·x. */
function foldIn(model: LinearModel, multiplier: Float64Array | undefined): LinearModel {
  if (!multiplier) return model;
  const weights = Float64Array.from(model.weights, (w, i) => w * multiplier[Math.floor(i / model.classes)]);
  return { ...model, weights };
}

function subset(set: TrainingSet, rows: number[]): TrainingSet {
  return { ...set, vectors: rows.map((i) => set.vectors[i]), targets: Int32Array.from(rows, (i) => set.targets[i]) };
}

/**
 * Held-out logits for every candidate setting, and the setting with the best macro-F1 over them.
 * Candidates are compared on the same folds; ties keep the earlier (simpler, stronger-regularised)
 * candidate, because the lists are written from strong to weak regularisation.
 */
function selectByCrossValidation(
  set: TrainingSet,
  labels: string[],
  labelSet: string[],
  options: FieldClassifierOptions,
  fit: (s: TrainingSet, c: number, balanced: boolean) => LinearModel,
): { chosen: FieldClassifierJSON['chosen']; heldOutLogits?: Float64Array[] } {
  const first = { c: options.c[0], balanced: options.balanced[0], nbWeight: options.nbWeight[0], cvMacroF1: NaN };
  if (options.folds < 2 || labelSet.length < 2) return { chosen: first };
  const fold = stratifiedFolds(labels, options.folds, options.seed);
  const splits = Array.from({ length: options.folds }, (_, f) => {
    const train: number[] = [];
    const test: number[] = [];
    fold.forEach((k, i) => (k === f ? test : train).push(i));
    return { train, test };
  });
  const naiveBayes = options.nbWeight.some((w) => w > 0)
    ? splits.map((s) => trainComplementNaiveBayes(subset(set, s.train)))
    : [];
  let best = first;
  let bestLogits: Float64Array[] | undefined;
  for (const balanced of options.balanced) {
    for (const c of options.c) {
      const models = splits.map((s) => fit(subset(set, s.train), c, balanced));
      for (const nbWeight of options.nbWeight) {
        const logits = new Array<Float64Array>(labels.length);
        splits.forEach((s, f) => s.test.forEach((i) => (logits[i] = blend(models[f], naiveBayes[f], nbWeight, set.vectors[i]))));
        const predicted = logits.map((z) => labelSet[argmax(z)]);
        const macroF1 = evaluate(labels, predicted).macroF1;
        if (!bestLogits || macroF1 > best.cvMacroF1) {
          best = { c, balanced, nbWeight, cvMacroF1: macroF1 };
          bestLogits = logits;
        }
      }
    }
  }
  return { chosen: best, heldOutLogits: bestLogits };
}
