/** Per-query quality of one ranking against its relevant ids (binary relevance). */
export interface QueryMetrics {
  /** 1 when a relevant article is first. */
  hitAt1: number;
  /** 1 when a relevant article is among the first three. */
  hitAt3: number;
  reciprocalRank: number;
  averagePrecision: number;
  ndcgAt3: number;
}

export function scoreRanking(ranked: readonly string[], relevant: readonly string[]): QueryMetrics {
  const wanted = new Set(relevant);
  let firstHit = -1;
  let found = 0;
  let precisionSum = 0;
  let dcg = 0;
  ranked.forEach((id, i) => {
    if (!wanted.has(id)) return;
    if (firstHit < 0) firstHit = i;
    found++;
    precisionSum += found / (i + 1);
    if (i < 3) dcg += 1 / Math.log2(i + 2);
  });
  let idealDcg = 0;
  for (let i = 0; i < Math.min(3, wanted.size); i++) idealDcg += 1 / Math.log2(i + 2);
  return {
    hitAt1: firstHit === 0 ? 1 : 0,
    hitAt3: firstHit >= 0 && firstHit < 3 ? 1 : 0,
    reciprocalRank: firstHit >= 0 ? 1 / (firstHit + 1) : 0,
    averagePrecision: wanted.size > 0 ? precisionSum / wanted.size : 0,
    ndcgAt3: idealDcg > 0 ? dcg / idealDcg : 0,
  };
}

export function meanMetrics(all: readonly QueryMetrics[]): QueryMetrics {
  const mean = (pick: (m: QueryMetrics) => number) => (all.length ? all.reduce((s, m) => s + pick(m), 0) / all.length : 0);
  return {
    hitAt1: mean((m) => m.hitAt1),
    hitAt3: mean((m) => m.hitAt3),
    reciprocalRank: mean((m) => m.reciprocalRank),
    averagePrecision: mean((m) => m.averagePrecision),
    ndcgAt3: mean((m) => m.ndcgAt3),
  };
}
