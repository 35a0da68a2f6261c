import type { RetrievalResult } from './hybrid-retriever.js';
import type { LabelledQuery } from './labelled-query.js';
import { meanMetrics, type QueryMetrics, scoreRanking } from './ranking-metrics.js';

export interface RetrievalEvaluation {
  answerable: number;
  unanswerable: number;
  /** Means over the answerable queries. */
  metrics: QueryMetrics;
  /** Share of unanswerable queries the threshold turns away; null when there are none. */
  rejectedUnanswerable: number | null;
  /** Share of answerable queries the threshold wrongly turns away: the price of the line above. */
  rejectedAnswerable: number | null;
}

/** What evaluation and calibration need of a retriever: the in-memory one or the PostgreSQL one. */
export interface EvaluableRetriever {
  readonly size: number;
  search(query: string, options: { limit?: number }): Promise<RetrievalResult>;
}

/**
 * Runs every query against the full ranking (MAP needs to see where every relevant article lands).
 * `canonicalId` folds near-copies of an article into the original, which then counts once, where
 * its first copy ranks (for corpora blown up with perturbed copies).
 */
export async function evaluateRetriever(
  retriever: EvaluableRetriever,
  queries: readonly LabelledQuery[],
  canonicalId: (id: string) => string = (id) => id,
): Promise<RetrievalEvaluation> {
  const perQuery: QueryMetrics[] = [];
  let unanswerable = 0;
  let rejectedUnanswerable = 0;
  let rejectedAnswerable = 0;
  for (const q of queries) {
    const result = await retriever.search(q.query, { limit: retriever.size });
    if (q.relevant.length === 0) {
      unanswerable++;
      if (result.noGoodAnswer) rejectedUnanswerable++;
      continue;
    }
    if (result.noGoodAnswer) rejectedAnswerable++;
    perQuery.push(scoreRanking([...new Set(result.hits.map((h) => canonicalId(h.id)))], q.relevant));
  }
  return {
    answerable: perQuery.length,
    unanswerable,
    metrics: meanMetrics(perQuery),
    rejectedUnanswerable: unanswerable > 0 ? rejectedUnanswerable / unanswerable : null,
    rejectedAnswerable: perQuery.length > 0 ? rejectedAnswerable / perQuery.length : null,
  };
}
