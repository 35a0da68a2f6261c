export interface CalibrationSample {
  features: readonly number[];
  relevant: boolean;
}

/** p(relevant | features) = 1 / (1 + exp(-(weights . features + intercept))): Platt scaling, several inputs. */
export interface LogisticCalibration {
  weights: readonly number[];
  intercept: number;
}

export function calibrate(calibration: LogisticCalibration, features: readonly number[]): number {
  let z = calibration.intercept;
  calibration.weights.forEach((w, i) => (z += w * (features[i] ?? 0)));
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits the logistic model by Newton's method. A small L2 penalty on the weights keeps them finite
 * when the dev data happen to be separable, which with a few dozen questions they often are.
 */
export function fitCalibration(samples: readonly CalibrationSample[], l2 = 1e-3): LogisticCalibration {
  const n = (samples[0]?.features.length ?? 0) + 1;
  const beta = new Array<number>(n).fill(0);
  const row = (s: CalibrationSample) => [...s.features, 1];
  for (let iter = 0; iter < 100; iter++) {
    const gradient = beta.map((b, i) => (i < n - 1 ? l2 * b : 0));
    const hessian = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? (i < n - 1 ? l2 : 1e-9) : 0)),
    );
    for (const s of samples) {
      const x = row(s);
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * beta[i], 0)));
      const w = p * (1 - p);
      for (let i = 0; i < n; i++) {
        gradient[i] += (p - (s.relevant ? 1 : 0)) * x[i];
        for (let j = 0; j < n; j++) hessian[i][j] += w * x[i] * x[j];
      }
    }
    const step = solve(hessian, gradient);
    if (!step) break;
    let change = 0;
    for (let i = 0; i < n; i++) {
      beta[i] -= step[i];
      change += Math.abs(step[i]);
    }
    if (change < 1e-10) break;
  }
  return { weights: beta.slice(0, n - 1), intercept: beta[n - 1] };
}

/** Gaussian elimination with partial pivoting; undefined for a singular system. */
function solve(matrix: number[][], rhs: number[]): number[] | undefined {
  const n = rhs.length;
  const a = matrix.map((r, i) => [...r, rhs[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-14) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((r, i) => r[n] / r[i]);
}

export interface ThresholdSample {
  /** The calibrated score of the query's best hit. */
  topScore: number;
  /** Whether some article answers the query at all. */
  answerable: boolean;
}

/**
 * The "no good answer" cut that best balances keeping answerable questions against rejecting
 * unanswerable ones (balanced accuracy, so the usual majority of answerable questions does not
 * push the cut to zero). Returns the midpoint of the best gap between observed scores.
 */
export function chooseThreshold(samples: readonly ThresholdSample[]): number {
  const answerable = samples.filter((s) => s.answerable).length;
  const unanswerable = samples.length - answerable;
  if (answerable === 0 || unanswerable === 0) return 0.5;
  const scores = [...new Set(samples.map((s) => s.topScore))].sort((a, b) => a - b);
  const cuts = [scores[0] - 1e-9, ...scores.slice(1).map((s, i) => (s + scores[i]) / 2), scores[scores.length - 1] + 1e-9];
  let best = { cut: 0.5, value: -1 };
  for (const cut of cuts) {
    const kept = samples.filter((s) => s.answerable && s.topScore >= cut).length / answerable;
    const rejected = samples.filter((s) => !s.answerable && s.topScore < cut).length / unanswerable;
    const value = (kept + rejected) / 2;
    if (value > best.value) best = { cut, value };
  }
  return best.cut;
}
