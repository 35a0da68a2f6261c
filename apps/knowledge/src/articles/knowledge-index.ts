import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import type { KnowledgeConfig } from '../config.js';
import { ArticleStatsRepository } from '../outcomes/article-stats.repository.js';
import { articleText } from '../retrieval/article-texts.js';
import { successRatePrior } from '../retrieval/index.js';
import { type PostgresHit, PostgresHybridRetriever } from '../retrieval/postgres-retriever.js';
import { SQL_RETRIEVAL_DEFAULTS } from '../retrieval/retrieval-defaults.js';
import type { ArticleFilters, SemanticIndex } from '../retrieval/semantic-index.js';
import { buildSemanticIndex } from '../retrieval/semantic-model-builder.js';
import { ArticleRepository, type PublishedArticle } from './article.repository.js';
import { createEmbeddings } from './embeddings.factory.js';

export type IndexedHit = PostgresHit;

export interface SearchFilters extends ArticleFilters {
  limit: number;
}

export interface IndexedSearch {
  hits: IndexedHit[];
  noGoodAnswer: boolean;
}

const SYNC_MS = 30_000;
const PRIOR_TTL_MS = 5_000;
/** Changed articles folded into the current model one by one; more than this (or a fifth of it) retrains. */
const FOLD_IN_LIMIT = 200;
/** A retraining over at most this many articles is awaited by whoever asked; bigger ones run behind. */
const AWAITED_REBUILD_LIMIT = 2_000;
const FOLD_IN_BATCH = 25;
/** Recounting term frequencies reads every posting (about a second at 10,000 articles): at most this often. */
const TERM_COUNT_INTERVAL_MS = 60_000;

const metaOf = (a: PublishedArticle) => ({ docNo: a.docNo, component: a.component, product: a.product, tags: a.tags });

/**
 * The search index of the published articles. PostgreSQL is the lexical index (kept current by a
 * trigger) and fuses; in memory there is only the semantic index: the embedding model trained on
 * the corpus (in a worker thread) and one vector per article. An article change is folded into
 * the current model; a large import retrains it in the background. Every instance checks every
 * 30 s whether other instances changed articles.
 */
@Injectable()
export class KnowledgeIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KnowledgeIndex.name);
  private readonly retriever: PostgresHybridRetriever;
  private semantic: SemanticIndex | undefined;
  /** Article version each vector was made from, by doc_no. */
  private versions = new Map<number, number>();
  private trainedSize = 0;
  private foldedIn = 0;
  private syncing: Promise<void> = Promise.resolve();
  private rebuilding: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private prior: { at: number; value: Map<string, number> } | undefined;
  private hosted: Promise<EmbeddingsInterface | undefined> | undefined;
  private termCounts = { stale: false, at: 0 };

  constructor(
    private readonly repo: ArticleRepository,
    private readonly stats: ArticleStatsRepository,
    dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: KnowledgeConfig,
  ) {
    this.retriever = new PostgresHybridRetriever(dataSource, config.database.schema, () => this.semantic, SQL_RETRIEVAL_DEFAULTS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sync();
    this.timer = setInterval(
      () =>
        void this.sync()
          .then(() => this.recountTermsIfStale())
          .catch((e: Error) => this.logger.warn(`index sync failed: ${e.message}`)),
      SYNC_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get threshold(): number {
    return this.retriever.options.noAnswerThreshold;
  }

  /** Retrains the model from scratch in the worker and re-embeds every article; searches go on meanwhile. */
  retrain(): Promise<void> {
    return this.startRebuild();
  }

  get retraining(): boolean {
    return this.rebuilding !== undefined;
  }

  /** Resolves once no retraining is running (benchmarks and tests wait for the full index). */
  async settled(): Promise<void> {
    while (this.rebuilding) await this.rebuilding;
    await this.syncing;
  }

  /**
   * Brings the semantic index up to the stored articles. Calls queue behind each other; a
   * retraining is awaited only for corpora small enough to train in a moment.
   */
  sync(): Promise<void> {
    const next = this.syncing.then(() => this.syncOnce());
    this.syncing = next.catch(() => undefined);
    return next;
  }

  private async syncOnce(): Promise<void> {
    const stamps = await this.repo.publishedStamps();
    const changed = [...stamps].filter(([docNo, version]) => this.versions.get(docNo) !== version).map(([d]) => d);
    const removed = [...this.versions.keys()].filter((d) => !stamps.has(d));
    if (changed.length === 0 && removed.length === 0) return;
    const drift = this.foldedIn + changed.length;
    if (!this.semantic || drift > Math.max(FOLD_IN_LIMIT, this.trainedSize / 5)) {
      // the rebuild recounts term frequencies itself once the new articles are in
      const rebuild = this.startRebuild();
      if (stamps.size <= AWAITED_REBUILD_LIMIT) await rebuild;
      return;
    }
    this.termCounts.stale = true;
    void this.recountTermsIfStale().catch((e: Error) => this.logger.warn(`term recount failed: ${e.message}`));
    for (const d of removed) {
      this.semantic.delete(d);
      this.versions.delete(d);
    }
    await this.foldIn(this.semantic, changed);
  }

  /** Embeds changed articles with the current model, a few at a time so searches interleave. */
  private async foldIn(index: SemanticIndex, docNos: number[]): Promise<void> {
    for (let start = 0; start < docNos.length; start += FOLD_IN_BATCH) {
      const articles = await this.repo.publishedByDocNo(docNos.slice(start, start + FOLD_IN_BATCH));
      if (articles.length === 0) continue;
      const rows = await index.model.embedDocuments(articles.map(articleText));
      const vectors = new Float32Array(articles.length * index.dimensions);
      articles.forEach((a, i) => {
        index.set(metaOf(a), rows[i]);
        vectors.set(rows[i], i * index.dimensions);
        this.versions.set(a.docNo, a.version);
      });
      await this.repo.saveEmbeddings(
        index.modelId,
        articles.map((a) => a.docNo),
        vectors,
        index.dimensions,
      );
      this.foldedIn += articles.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private startRebuild(): Promise<void> {
    this.rebuilding ??= this.rebuild()
      .catch((e: Error) => this.logger.error(`index rebuild failed: ${e.message}`))
      .finally(() => {
        this.rebuilding = undefined;
      });
    return this.rebuilding;
  }

  private async rebuild(): Promise<void> {
    const started = Date.now();
    const articles = await this.repo.allPublished();
    if (articles.length === 0) {
      this.semantic = undefined;
      this.versions = new Map();
      return;
    }
    this.hosted ??= createEmbeddings(this.config.embeddings);
    const hosted = await this.hosted;
    const { index, trained } = await buildSemanticIndex(
      articles,
      SQL_RETRIEVAL_DEFAULTS,
      hosted,
      `${this.config.embeddings.provider}:${this.config.embeddings.model ?? 'default'}`,
    );
    await this.repo.saveEmbeddings(
      trained.modelId,
      articles.map((a) => a.docNo),
      trained.vectors,
      trained.dimensions,
    );
    this.semantic = index;
    this.versions = new Map(articles.map((a) => [a.docNo, a.version]));
    this.trainedSize = articles.length;
    this.foldedIn = 0;
    if (articles.length > FOLD_IN_LIMIT) {
      await this.repo.refreshSearchStatistics();
      this.termCounts = { stale: false, at: Date.now() };
    } else {
      this.termCounts.stale = true; // recounted by the sync timer
    }
    this.logger.log(`indexed ${articles.length} articles in ${Date.now() - started} ms (model trained off the event loop)`);
    // whatever changed while the model trained is folded in now
    void this.sync().catch((e: Error) => this.logger.warn(`index sync failed: ${e.message}`));
  }

  /** Stale counts only slow searches down (a common term read in full), so the recount is throttled. */
  private async recountTermsIfStale(): Promise<void> {
    if (!this.termCounts.stale || Date.now() - this.termCounts.at < TERM_COUNT_INTERVAL_MS) return;
    this.termCounts = { stale: false, at: Date.now() };
    await this.repo.refreshTermFrequencies();
  }

  /** Outcome counts change slowly; reading them once every few seconds keeps I/O off each search. */
  private async successPriors(): Promise<Map<string, number>> {
    if (!this.prior || Date.now() - this.prior.at > PRIOR_TTL_MS) {
      const outcomes = await this.stats.outcomes();
      const prior = successRatePrior(outcomes);
      const value = new Map([...outcomes.keys()].map((id) => [id, prior(id)] as const).filter(([, p]) => p !== 0));
      this.prior = { at: Date.now(), value };
    }
    return this.prior.value;
  }

  /** Query vectors in the index's embedding space (for clustering questions nothing answered). */
  async embed(texts: string[]): Promise<number[][]> {
    if (!this.semantic) await this.settled();
    return this.semantic ? this.semantic.model.embedDocuments(texts) : [];
  }

  async search(query: string, options: SearchFilters): Promise<IndexedSearch> {
    // success-aware ranking: articles that keep helping move up in close calls, dismissed ones down
    const { hits, noGoodAnswer } = await this.retriever.search(query, {
      limit: options.limit,
      filters: options,
      priors: await this.successPriors(),
    });
    return { hits, noGoodAnswer };
  }
}
