/** The p-th percentile (0–100, nearest rank) of the values, for benchmark reports; undefined when there are none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}
