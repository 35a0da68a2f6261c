/** Fills `gradient` at `x` and returns the objective there. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** stops when the gradient's max-norm falls below this */
  tolerance: number;
  /** stops when the objective fell by less than this fraction over the last `window` iterations */
  relativeDecrease: number;
  window: number;
  /** how many past steps approximate the inverse Hessian */
  memory: number;
}

export const DEFAULT_LBFGS_OPTIONS: LbfgsOptions = {
  maxIterations: 300,
  tolerance: 1e-5,
  relativeDecrease: 1e-4,
  window: 5,
  memory: 8,
};

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives.
 * Deterministic: the same start and objective give the same result bit for bit. Classifiers need
 * stable predictions, not the last digit of the optimum, hence the relative-decrease stop.
 */
export function minimise(objective: Objective, start: Float64Array, options: LbfgsOptions = DEFAULT_LBFGS_OPTIONS): Float64Array {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  let fx = objective(x, g);
  const history: number[] = [fx];
  // ring buffer of the last `memory` steps s and gradient changes y
  const s = Array.from({ length: options.memory }, () => new Float64Array(n));
  const y = Array.from({ length: options.memory }, () => new Float64Array(n));
  const rho = new Float64Array(options.memory);
  const alpha = new Float64Array(options.memory);
  let stored = 0;
  let newest = -1;
  const direction = new Float64Array(n);
  for (let iteration = 0; iteration < options.maxIterations && maxAbs(g) > options.tolerance; iteration++) {
    // two-loop recursion: direction = -H g
    for (let i = 0; i < n; i++) direction[i] = -g[i];
    for (let back = 0; back < stored; back++) {
      const k = (newest - back + options.memory) % options.memory;
      alpha[k] = rho[k] * dot(s[k], direction);
      const yk = y[k];
      for (let i = 0; i < n; i++) direction[i] -= alpha[k] * yk[i];
    }
    const gamma = stored > 0 ? 1 / (rho[newest] * dot(y[newest], y[newest])) : 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) direction[i] *= gamma;
    for (let back = stored - 1; back >= 0; back--) {
      const k = (newest - back + options.memory) % options.memory;
      const beta = rho[k] * dot(y[k], direction);
      const sk = s[k];
      for (let i = 0; i < n; i++) direction[i] += sk[i] * (alpha[k] - beta);
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // not a descent direction (numerical trouble): forget the curvature, take steepest descent
      stored = 0;
      const norm = Math.max(1e-12, Math.sqrt(dot(g, g)));
      for (let i = 0; i < n; i++) direction[i] = -g[i] / norm;
      slope = dot(g, direction);
    }
    let step = 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNext[i] = x[i] + step * direction[i];
      fNext = objective(xNext, gNext);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < fx)) break;
    const slot = (newest + 1) % options.memory;
    const sk = s[slot];
    const yk = y[slot];
    for (let i = 0; i < n; i++) {
      sk[i] = xNext[i] - x[i];
      yk[i] = gNext[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      rho[slot] = 1 / sy;
      newest = slot;
      stored = Math.min(stored + 1, options.memory);
    } else if (stored === options.memory) {
      stored--; // the slot just overwritten held the oldest pair
    }
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    fx = fNext;
    history.push(fx);
    const past = history[history.length - 1 - options.window];
    if (past !== undefined && past - fx <= options.relativeDecrease * Math.abs(fx)) break;
  }
  return x;
}
