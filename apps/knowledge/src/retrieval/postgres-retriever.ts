import type { HybridRetrieverOptions, RetrievalHit, RetrievalResult } from './hybrid-retriever.js';
import { calibrate } from './logistic-calibration.js';
import { type CorpusStatistics, corpusStatistics, runHybridSearch, type SqlQueryable } from './postgres-hybrid-search.js';
import { RETRIEVAL_DEFAULTS } from './retrieval-defaults.js';
import type { ArticleFilters, SemanticIndex } from './semantic-index.js';

export interface PostgresRetrieverOptions extends HybridRetrieverOptions {
  /** Best lexical and best semantic articles fused per query (each side); the rest cannot reach the top. */
  candidates: number;
}

export interface PostgresSearchOptions {
  limit?: number;
  filters?: ArticleFilters;
  priors?: ReadonlyMap<string, number>;
}

export interface PostgresHit extends RetrievalHit {
  component: string;
}

/**
 * The service's retriever: BM25 over PostgreSQL full text fused in SQL with the cosines of the
 * in-memory semantic index, then calibrated and judged against the "no good answer" threshold.
 * The database is the lexical index, so an article is findable by its words as soon as it is stored.
 */
/** Collection statistics barely move with one article; reading them per search would cost a scan. */
const CORPUS_STATISTICS_TTL_MS = 2_000;

export class PostgresHybridRetriever {
  private statistics: { at: number; value: Promise<CorpusStatistics> } | undefined;

  constructor(
    private readonly db: SqlQueryable,
    private readonly schema: string,
    private readonly semantic: () => SemanticIndex | undefined,
    readonly options: PostgresRetrieverOptions = { ...RETRIEVAL_DEFAULTS, candidates: 50 },
  ) {}

  get size(): number {
    return this.semantic()?.size ?? 0;
  }

  withCalibration(calibration: HybridRetrieverOptions['calibration'], noAnswerThreshold: number): PostgresHybridRetriever {
    return new PostgresHybridRetriever(this.db, this.schema, this.semantic, { ...this.options, calibration, noAnswerThreshold });
  }

  private corpus(): Promise<CorpusStatistics> {
    if (!this.statistics || Date.now() - this.statistics.at > CORPUS_STATISTICS_TTL_MS) {
      const value = corpusStatistics(this.db, this.schema);
      this.statistics = { at: Date.now(), value };
      value.catch(() => (this.statistics = undefined));
    }
    return this.statistics.value;
  }

  async search(query: string, { limit = 5, filters = {}, priors = new Map() }: PostgresSearchOptions = {}) {
    const index = this.semantic();
    const depth = Math.max(limit + 1, this.options.candidates);
    const queryVector = index ? await index.embedQuery(query) : new Float32Array(0);
    const rows = await runHybridSearch(this.db, this.schema, {
      query,
      semantic: index ? index.nearest(queryVector, depth, filters) : { docNos: [], cosines: [] },
      queryVector,
      modelId: index?.modelId ?? '',
      lexicalCandidates: depth,
      limit,
      filters,
      priors,
      bm25: { k1: this.options.bm25.k1 ?? 1.2, b: this.options.bm25.b ?? 0.75 },
      corpus: await this.corpus(),
      lexicalWeight: this.options.lexicalWeight,
      priorWeight: this.options.priorWeight,
    });
    const hits: PostgresHit[] = [];
    let previous = 1;
    for (const row of rows) {
      // non-increasing down the list, as the in-memory retriever reports it
      const score = Math.min(previous, calibrate(this.options.calibration, [row.fused, row.margin]));
      previous = score;
      hits.push({ ...row, score });
    }
    const result: RetrievalResult & { hits: PostgresHit[] } = {
      hits,
      noGoodAnswer: !(hits.length > 0 && hits[0].score >= this.options.noAnswerThreshold),
    };
    return result;
  }
}
