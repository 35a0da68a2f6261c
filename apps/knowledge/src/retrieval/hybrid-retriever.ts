import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { ArticlePrior } from './article-prior.js';
import { Bm25Index, type Bm25Options } from './bm25-index.js';
import { articleText, paragraphTexts } from './article-texts.js';
import type { KnowledgeDocument } from './knowledge-document.js';
import { calibrate, type LogisticCalibration } from './logistic-calibration.js';
import { LsaEmbeddings, type LsaOptions } from './lsa-embeddings.js';
import { type FusionMethod, interpolate, reciprocalRankFusion } from './score-fusion.js';
import { RETRIEVAL_DEFAULTS } from './retrieval-defaults.js';
import { topIndices } from './top-k.js';

export interface HybridRetrieverOptions {
  bm25: Partial<Bm25Options>;
  /** Used only when no embedding model is passed in: the model is then trained on the corpus. */
  lsa: Partial<LsaOptions>;
  /** What the corpus-trained model learns co-occurrence from (see article-texts.ts). */
  trainingUnit: 'article' | 'paragraph';
  fusion: FusionMethod;
  /** Share of the lexical score in the fused score; the semantic score gets the rest. */
  lexicalWeight: number;
  /** How far an article prior of +-1 moves the fused score (reciprocal-rank fusion ignores priors). */
  priorWeight: number;
  /** Maps a hit's [fused, margin] to the probability that it answers the query. */
  calibration: LogisticCalibration;
  /** Calibrated score under which the best hit is not worth suggesting. */
  noAnswerThreshold: number;
}

export interface RetrievalHit {
  id: string;
  title: string;
  /** Calibrated probability that the article answers the query. */
  score: number;
  /** BM25 as a share of what a perfect match would score. */
  lexical: number;
  /** Cosine between query and article embeddings. */
  semantic: number;
  fused: number;
  /** Lead of `fused` over the next article's: a clear winner is more likely right than one of a pack. */
  margin: number;
}

export interface RetrievalResult {
  hits: RetrievalHit[];
  /** True when even the best hit scores under the threshold: say so rather than suggest noise. */
  noGoodAnswer: boolean;
}

export interface SearchOptions {
  limit?: number;
  prior?: ArticlePrior;
}

/**
 * BM25 and an embedding model over the same articles, fused into one ranking with a calibrated score
 * and a "no good answer" verdict. Holds everything in memory: built once per corpus version.
 */
export class HybridRetriever {
  private constructor(
    readonly options: HybridRetrieverOptions,
    private readonly documents: readonly KnowledgeDocument[],
    private readonly lexicalIndex: Bm25Index,
    readonly embeddings: EmbeddingsInterface,
    /** Unit-length document vectors, one row of `dimensions` per document. */
    private readonly documentVectors: Float64Array,
    private readonly dimensions: number,
  ) {}

  get size(): number {
    return this.documents.length;
  }

  static async build(
    documents: readonly KnowledgeDocument[],
    options: Partial<HybridRetrieverOptions> = {},
    embeddings?: EmbeddingsInterface,
  ): Promise<HybridRetriever> {
    const opts: HybridRetrieverOptions = { ...RETRIEVAL_DEFAULTS, ...options };
    const texts = documents.map(articleText);
    const trainingTexts = opts.trainingUnit === 'paragraph' ? documents.flatMap(paragraphTexts) : texts;
    const model = embeddings ?? LsaEmbeddings.fit(trainingTexts, opts.lsa);
    const vectors = await model.embedDocuments(texts);
    const dimensions = vectors[0]?.length ?? 0;
    const documentVectors = new Float64Array(documents.length * dimensions);
    vectors.forEach((v, d) => documentVectors.set(unit(v), d * dimensions));
    return new HybridRetriever(opts, documents, Bm25Index.build(documents, opts.bm25), model, documentVectors, dimensions);
  }

  /** The same retriever judging its scores differently, e.g. after refitting on dev questions. */
  withCalibration(calibration: LogisticCalibration, noAnswerThreshold: number): HybridRetriever {
    const options = { ...this.options, calibration, noAnswerThreshold };
    return new HybridRetriever(
      options,
      this.documents,
      this.lexicalIndex,
      this.embeddings,
      this.documentVectors,
      this.dimensions,
    );
  }

  async search(query: string, { limit = 5, prior }: SearchOptions = {}): Promise<RetrievalResult> {
    const { lexical, semantic, fused } = await this.scoreDocuments(query, prior);
    const ranking =
      this.options.fusion === 'reciprocal-rank' ? reciprocalRankFusion(lexical, semantic, this.options.lexicalWeight) : fused;
    // one extra, so the last hit returned still has a runner-up to measure its margin against
    const order = topIndices(ranking, limit + 1);
    const hits: RetrievalHit[] = [];
    let previous = 1;
    for (let r = 0; r < Math.min(limit, order.length); r++) {
      const i = order[r];
      const margin = r + 1 < order.length ? fused[i] - fused[order[r + 1]] : 0;
      // Non-increasing down the list even when the ranking came from reciprocal ranks.
      const score = Math.min(previous, calibrate(this.options.calibration, [fused[i], margin]));
      previous = score;
      const { id, title } = this.documents[i];
      hits.push({ id, title, score, lexical: lexical[i], semantic: semantic[i], fused: fused[i], margin });
    }
    return { hits, noGoodAnswer: !(hits.length > 0 && hits[0].score >= this.options.noAnswerThreshold) };
  }

  private async scoreDocuments(query: string, prior: ArticlePrior | undefined) {
    const terms = this.lexicalIndex.queryTerms(query);
    const ceiling = this.lexicalIndex.scoreCeiling(terms);
    const lexical = this.lexicalIndex.scoreAll(terms).map((s) => (ceiling > 0 ? s / ceiling : 0));
    const semantic = this.cosines(unit(await this.embeddings.embedQuery(query)));
    const { lexicalWeight, priorWeight } = this.options;
    const fused = lexical.map(
      (l, i) => interpolate(l, semantic[i], lexicalWeight) + (prior ? priorWeight * prior(this.documents[i].id) : 0),
    );
    return { lexical, semantic, fused };
  }

  private cosines(queryVector: Float64Array): Float64Array {
    const k = this.dimensions;
    const out = new Float64Array(this.documents.length);
    if (queryVector.length !== k) return out;
    for (let d = 0; d < out.length; d++) {
      let s = 0;
      const base = d * k;
      for (let c = 0; c < k; c++) s += queryVector[c] * this.documentVectors[base + c];
      out[d] = s;
    }
    return out;
  }
}

function unit(v: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(v);
  const norm = Math.sqrt(out.reduce((s, x) => s + x * x, 0));
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}
