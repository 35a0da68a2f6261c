export type FusionMethod = 'interpolation' | 'reciprocal-rank';

/**
 * Linear interpolation of two absolute scores in [0, 1]: the lexical coverage (BM25 over its
 * ceiling) and the clipped cosine. Both keep their meaning across queries, so the result can be
 * calibrated and thresholded, which per-query min-max scaling would destroy.
 */
export function interpolate(lexical: number, semantic: number, lexicalWeight: number): number {
  return lexicalWeight * lexical + (1 - lexicalWeight) * Math.max(0, semantic);
}

/**
 * Reciprocal-rank fusion (Cormack et al. 2009) of two score lists: robust when the scores are not
 * comparable, but it throws away how sure each ranker was, so it cannot feed a threshold.
 */
export function reciprocalRankFusion(lexical: Float64Array, semantic: Float64Array, lexicalWeight: number, k = 60): Float64Array {
  const lexicalRank = ranks(lexical);
  const semanticRank = ranks(semantic);
  return Float64Array.from(lexical, (_, i) => lexicalWeight / (k + lexicalRank[i]) + (1 - lexicalWeight) / (k + semanticRank[i]));
}

/** 1-based rank of each entry, ties broken by position. */
function ranks(scores: Float64Array): Int32Array {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  const out = new Int32Array(scores.length);
  order.forEach((doc, r) => (out[doc] = r + 1));
  return out;
}
