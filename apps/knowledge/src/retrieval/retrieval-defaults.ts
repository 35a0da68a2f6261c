import type { HybridRetrieverOptions } from './hybrid-retriever.js';

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
