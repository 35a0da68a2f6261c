/**
 * Indices of the `k` highest scores, best first; ties keep the lower index so results are
 * reproducible. A bounded insertion list instead of a full sort: a query wants 5 of 10,000 articles.
 */
export function topIndices(scores: ArrayLike<number>, k: number): number[] {
  const n = scores.length;
  const limit = Math.min(k, n);
  if (limit <= 0) return [];
  if (limit * 8 > n) {
    return Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => scores[b] - scores[a] || a - b)
      .slice(0, limit);
  }
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (top.length === limit && s <= scores[top[limit - 1]]) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    // Strictly greater moves up: an equal score found later stays behind the earlier index.
    while (at > 0 && scores[top[at - 1]] < s) at--;
    if (top.length === limit) top.pop();
    top.splice(at, 0, i);
  }
  return top;
}
