import type { HybridRetrieverOptions } from './hybrid-retriever.js';
import type { PostgresRetrieverOptions } from './postgres-retriever.js';

/**
 * Chosen without any held-out question. BM25, LSA, training unit and fusion weight: by mean MRR over
 * the Chat App dev questions and title-as-query pseudo-queries (clean, and with seeded typos) of
 * both corpora. Interpolation beat reciprocal-rank fusion there. The calibration and threshold were
 * fitted on the Chat App dev questions alone (commands in tools/eval/knowledge-README.md).
 */
export const RETRIEVAL_DEFAULTS: HybridRetrieverOptions = {
  bm25: { k1: 1.2, b: 0.75, titleWeight: 2, tagWeight: 1 },
  lsa: {},
  trainingUnit: 'paragraph',
  fusion: 'interpolation',
  lexicalWeight: 0.5,
  priorWeight: 0.05,
  // eval-knowledge --corpus apps/knowledge/content/articles --fit-calibration .../dev-questions.jsonl
  calibration: { weights: [8.97, 12.74], intercept: -3.82 },
  noAnswerThreshold: 0.46,
};

/**
 * The service's pipeline: the same fusion, BM25 computed by PostgreSQL over its own analysis of
 * the text. The LSA featuriser puts 80 % of the vector's weight on character n-grams (was 50 %):
 * better mean MRR over the dev questions and the pseudo-query sets, mostly on misspelt queries.
 * Calibration and threshold fitted on both Chat App dev sets (dev-questions.jsonl, dev-2.jsonl).
 */
export const SQL_RETRIEVAL_DEFAULTS: PostgresRetrieverOptions = {
  ...RETRIEVAL_DEFAULTS,
  lsa: { featurizer: { charNgramWeight: 0.8 } },
  candidates: 50,
  // eval-knowledge --corpus apps/knowledge/content/articles --fit-calibration .../dev-questions.jsonl --fit-calibration .../dev-2.jsonl
  calibration: { weights: [11.19, 12.25], intercept: -5.14 },
  noAnswerThreshold: 0.68,
};
