/** mulberry32: a small seeded generator, so the same seed always gives the same folds. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fold number per example, stratified: each label's examples are shuffled (seeded) and dealt
 * round-robin, so every fold keeps roughly the label mix of the whole set.
 */
export function stratifiedFolds(labels: string[], folds: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  const assignment = new Int32Array(labels.length);
  let next = 0;
  for (const [, rows] of [...byLabel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    // continue dealing where the previous label stopped, so small labels do not all land in fold 0
    for (const row of rows) assignment[row] = next++ % folds;
  }
  return assignment;
}
