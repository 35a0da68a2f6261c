/**
 * A per-article prior in [-1, 1] added to the fused score with a small weight: the hook through
 * which outcomes (an article that keeps resolving tickets, one that keeps being dismissed) can
 * re-rank close calls without touching the models. Unknown articles get 0.
 */
export type ArticlePrior = (articleId: string) => number;

export interface SuggestionOutcomes {
  suggested: number;
  resolved: number;
}

/**
 * Success rate against the corpus-wide rate, shrunk towards zero with `pseudoCount` imaginary
 * suggestions, so a single lucky resolution does not reorder the knowledge base.
 */
export function successRatePrior(outcomes: ReadonlyMap<string, SuggestionOutcomes>, pseudoCount = 10): ArticlePrior {
  let suggested = 0;
  let resolved = 0;
  for (const o of outcomes.values()) {
    suggested += o.suggested;
    resolved += o.resolved;
  }
  const baseline = suggested > 0 ? resolved / suggested : 0;
  return (id) => {
    const o = outcomes.get(id);
    if (!o) return 0;
    const rate = (o.resolved + pseudoCount * baseline) / (o.suggested + pseudoCount);
    const spread = rate >= baseline ? 1 - baseline : baseline;
    return spread > 0 ? Math.max(-1, Math.min(1, (rate - baseline) / spread)) : 0;
  };
}
