import { seededRandom } from './folds.js';
import { DEFAULT_LBFGS_OPTIONS, minimise } from './lbfgs.js';
import type { SparseVector } from './vectorizer.js';

/** Scores are `x · weights[:, k] + bias[k]`; weights are stored feature-major (feature * classes + class). */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainingSet {
  vectors: SparseVector[];
  /** class index per vector */
  targets: Int32Array;
  classes: number;
  features: number;
}

export interface LogisticRegressionOptions {
  /** inverse L2 strength, as in liblinear/scikit-learn: objective = ½‖W‖² + C·Σ log-loss */
  c: number;
  /** weight each example by n / (classes · count of its class), so rare labels count in macro-F1 */
  balanced: boolean;
  maxIterations: number;
  /** a solution for a nearby C to start from (warm start); zeros otherwise */
  start?: LinearModel;
}

export function scores(model: LinearModel, x: SparseVector, out = new Float64Array(model.classes)): Float64Array {
  const k = model.classes;
  out.set(model.bias);
  for (let p = 0; p < x.indices.length; p++) {
    const base = x.indices[p] * k;
    const v = x.values[p];
    for (let c = 0; c < k; c++) out[c] += v * model.weights[base + c];
  }
  return out;
}

export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z / temperature);
  const out = Float64Array.from(logits, (z) => Math.exp(z / temperature - max));
  const sum = out.reduce((a, b) => a + b, 0);
  for (let c = 0; c < out.length; c++) out[c] /= sum;
  return out;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function exampleWeights(set: TrainingSet, balanced: boolean): Float64Array {
  const n = set.targets.length;
  if (!balanced) return new Float64Array(n).fill(1);
  const counts = new Float64Array(set.classes);
  for (const t of set.targets) counts[t]++;
  return Float64Array.from(set.targets, (t) => n / (set.classes * counts[t]));
}

/** Multinomial (softmax) logistic regression with an L2 penalty, fitted by L-BFGS. */
export function trainLogisticRegression(set: TrainingSet, options: LogisticRegressionOptions): LinearModel {
  const { classes: k, features: d, vectors, targets } = set;
  const n = vectors.length;
  const weightOf = exampleWeights(set, options.balanced);
  // the objective divided by C·n keeps its scale (and the line search) independent of C and n
  const l2 = 1 / (options.c * n);
  const z = new Float64Array(k);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    const biasOffset = d * k;
    for (let i = 0; i < n; i++) {
      const x = vectors[i];
      for (let c = 0; c < k; c++) z[c] = theta[biasOffset + c];
      for (let p = 0; p < x.indices.length; p++) {
        const base = x.indices[p] * k;
        const v = x.values[p];
        for (let c = 0; c < k; c++) z[c] += v * theta[base + c];
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(z[c] - max);
      const logSum = max + Math.log(sum);
      const w = weightOf[i] / n;
      loss += w * (logSum - z[targets[i]]);
      // z becomes the residual p - y, scaled by the example's weight
      for (let c = 0; c < k; c++) z[c] = w * (Math.exp(z[c] - logSum) - (c === targets[i] ? 1 : 0));
      for (let c = 0; c < k; c++) gradient[biasOffset + c] += z[c];
      for (let p = 0; p < x.indices.length; p++) {
        const base = x.indices[p] * k;
        const v = x.values[p];
        for (let c = 0; c < k; c++) gradient[base + c] += v * z[c];
      }
    }
    let penalty = 0;
    for (let j = 0; j < d * k; j++) {
      penalty += theta[j] * theta[j];
      gradient[j] += l2 * theta[j];
    }
    return loss + 0.5 * l2 * penalty;
  };
  const theta = minimise(objective, new Float64Array(d * k + k), {
    ...DEFAULT_LBFGS_OPTIONS,
    maxIterations: options.maxIterations,
  });
  return { classes: k, features: d, weights: theta.subarray(0, d * k), bias: theta.slice(d * k) };
}

export interface LinearSvmOptions {
  c: number;
  balanced: boolean;
  /** upper bound on passes over the data; the dual gap usually closes far sooner */
  maxPasses: number;
  /** example order is shuffled every pass with this seed, so training is repeatable */
  seed: number;
}

/**
 * One-vs-rest linear SVM with the squared hinge loss (L2-loss, as liblinear's default),
 * trained by dual coordinate descent (Hsieh et al. 2008). Each pass touches every non-zero once
 * per class, so it trains an order of magnitude faster than the softmax regression on long texts.
 * The bias is a constant feature of value 1 and is regularised with the weights, as in liblinear.
 */
export function trainLinearSvm(set: TrainingSet, options: LinearSvmOptions): LinearModel {
  const { classes: k, features: d, vectors, targets } = set;
  const n = vectors.length;
  const weightOf = exampleWeights(set, options.balanced);
  const weights = new Float64Array(d * k);
  const bias = new Float64Array(k);
  const squaredNorm = Float64Array.from(vectors, (x) => x.values.reduce((s, v) => s + v * v, 1));
  const random = seededRandom(options.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const w = new Float64Array(d);
  const alpha = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    w.fill(0);
    alpha.fill(0);
    let b = 0;

    const diagonal = Float64Array.from(weightOf, (weight) => 1 / (2 * options.c * weight));
    for (let pass = 0; pass < options.maxPasses; pass++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      let maxGradient = -Infinity;
      let minGradient = Infinity;
      for (const i of order) {
        const x = vectors[i];
        const y = targets[i] === c ? 1 : -1;
        let margin = b;
        for (let p = 0; p < x.indices.length; p++) margin += w[x.indices[p]] * x.values[p];
        const gradient = y * margin - 1 + diagonal[i] * alpha[i];
        const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
        maxGradient = Math.max(maxGradient, projected);
        minGradient = Math.min(minGradient, projected);
        if (projected === 0) continue;
        const next = Math.max(alpha[i] - gradient / (squaredNorm[i] + diagonal[i]), 0);
        const delta = (next - alpha[i]) * y;
        alpha[i] = next;
        for (let p = 0; p < x.indices.length; p++) w[x.indices[p]] += delta * x.values[p];
        b += delta;
      }
      // liblinear's stopping rule and tolerance: tighter changed no cross-validated score, only doubled the time
      if (maxGradient - minGradient < 0.1) break;
    }
    for (let j = 0; j < d; j++) weights[j * k + c] = w[j];
    bias[c] = b;
  }
  return { classes: k, features: d, weights, bias };
}

/**
 * Complement naive Bayes (Rennie et al. 2003) on TF-IDF vectors: each class is scored by how
 * unlike the other classes' text the document is, which copes better with skewed classes than
 * multinomial NB. Returned as a linear model so it scores and explains like the regression.
 */
export function trainComplementNaiveBayes(set: TrainingSet, smoothing = 0.3): LinearModel {
  const { classes: k, features: d } = set;
  const perClass = new Float64Array(d * k);
  const total = new Float64Array(d);
  set.vectors.forEach((x, i) => {
    const t = set.targets[i];
    for (let p = 0; p < x.indices.length; p++) {
      perClass[x.indices[p] * k + t] += x.values[p];
      total[x.indices[p]] += x.values[p];
    }
  });
  const weights = new Float64Array(d * k);
  for (let c = 0; c < k; c++) {
    let complementSum = 0;
    for (let j = 0; j < d; j++) complementSum += total[j] - perClass[j * k + c];
    const denominator = Math.log(complementSum + smoothing * d);
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const w = Math.log(total[j] - perClass[j * k + c] + smoothing) - denominator;
      weights[j * k + c] = -w;
      norm += Math.abs(w);
    }
    // weight normalisation keeps long documents and big classes from dominating (Rennie §3.2)
    for (let j = 0; j < d; j++) weights[j * k + c] /= norm / d;
  }
  return { classes: k, features: d, weights, bias: new Float64Array(k) };
}

/** Temperature that minimises the log-loss of held-out logits: the calibration step. */
export function fitTemperature(logits: Float64Array[], targets: ArrayLike<number>): number {
  const nll = (t: number) => logits.reduce((sum, z, i) => sum - Math.log(Math.max(1e-12, softmax(z, t)[targets[i]])), 0);
  // golden-section search over log T in [1/20, 20]; the loss is unimodal in T
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** The features that pushed `x` towards `target` most, relative to the average class. */
export function topContributions(
  model: LinearModel,
  x: SparseVector,
  target: number,
  limit: number,
): { feature: number; weight: number }[] {
  const k = model.classes;
  const contributions: { feature: number; weight: number }[] = [];
  for (let p = 0; p < x.indices.length; p++) {
    const base = x.indices[p] * k;
    let mean = 0;
    for (let c = 0; c < k; c++) mean += model.weights[base + c];
    const weight = x.values[p] * (model.weights[base + target] - mean / k);
    if (weight > 0) contributions.push({ feature: x.indices[p], weight });
  }
  return contributions.sort((a, b) => b.weight - a.weight || a.feature - b.feature).slice(0, limit);
}
