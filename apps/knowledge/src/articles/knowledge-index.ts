import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { KnowledgeConfig } from '../config.js';
import { createEmbeddings } from './embeddings.factory.js';
import { ArticleStatsRepository } from '../outcomes/article-stats.repository.js';
import { type ArticlePrior, HybridRetriever, type RetrievalHit, successRatePrior } from '../retrieval/index.js';
import { ArticleRepository, type PublishedArticle } from './article.repository.js';

export interface IndexedHit extends RetrievalHit {
  component: string;
}

export interface SearchFilters {
  limit: number;
  component?: string;
  product?: string;
  /** Every listed tag must be on the article. */
  tags?: string[];
}

function matches(article: PublishedArticle | undefined, f: SearchFilters): boolean {
  if (!article) return false;
  return (
    (!f.component || article.component === f.component) &&
    (!f.product || article.product === f.product) &&
    (f.tags ?? []).every((t) => article.tags.includes(t))
  );
}

export interface IndexedSearch {
  hits: IndexedHit[];
  noGoodAnswer: boolean;
}

const REFRESH_MS = 30_000;
const PRIOR_TTL_MS = 5_000;

/**
 * The hybrid retriever (BM25 fused with corpus-trained embeddings) over the published articles.
 * PostgreSQL stays the source of truth: the index is rebuilt from it at start, after an import,
 * and whenever another instance changed the articles (checked every 30 s).
 */
@Injectable()
export class KnowledgeIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KnowledgeIndex.name);
  private retriever: HybridRetriever | undefined;
  private articles = new Map<string, PublishedArticle>();
  private version = '';
  private timer: NodeJS.Timeout | undefined;
  private building: Promise<void> | undefined;
  private prior: { at: number; value: ArticlePrior } | undefined;

  constructor(
    private readonly repo: ArticleRepository,
    private readonly stats: ArticleStatsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: KnowledgeConfig,
  ) {}

  private hosted: Promise<EmbeddingsInterface | undefined> | undefined;

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(
      () => void this.refresh().catch((e: Error) => this.logger.warn(`index refresh failed: ${e.message}`)),
      REFRESH_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get threshold(): number {
    return this.retriever?.options.noAnswerThreshold ?? 1;
  }

  /** Rebuilds when the stored articles changed since the last build; concurrent callers share one build. */
  async refresh(force = false): Promise<void> {
    this.building ??= (async () => {
      const version = await this.repo.version();
      if (!force && version === this.version && this.retriever) return;
      const articles = await this.repo.allPublished();
      const started = Date.now();
      this.hosted ??= createEmbeddings(this.config.embeddings);
      this.retriever = await HybridRetriever.build(articles, {}, await this.hosted);
      this.articles = new Map(articles.map((a) => [a.id, a]));
      this.version = version;
      this.logger.log(`indexed ${articles.length} articles in ${Date.now() - started} ms`);
    })().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Outcome counts change slowly; reading them once every few seconds keeps I/O off each search. */
  private async successPrior(): Promise<ArticlePrior> {
    if (!this.prior || Date.now() - this.prior.at > PRIOR_TTL_MS) {
      this.prior = { at: Date.now(), value: successRatePrior(await this.stats.outcomes()) };
    }
    return this.prior.value;
  }

  /** Query vectors in the index's embedding space (for clustering questions nothing answered). */
  async embed(texts: string[]): Promise<number[][]> {
    if (!this.retriever) await this.refresh();
    return this.retriever ? this.retriever.embeddings.embedDocuments(texts) : [];
  }

  async search(query: string, options: SearchFilters): Promise<IndexedSearch> {
    if (!this.retriever) await this.refresh();
    const retriever = this.retriever;
    if (!retriever || retriever.size === 0) return { hits: [], noGoodAnswer: true };
    // filters are applied after ranking, so ask for enough to fill the page
    const filtered = Boolean(options.component || options.product || options.tags?.length);
    const wanted = filtered ? retriever.size : options.limit;
    // success-aware ranking: articles that keep helping move up in close calls, dismissed ones down
    const prior = await this.successPrior();
    const result = await retriever.search(query, { limit: wanted, prior });
    const hits = result.hits
      .map((h) => ({ ...h, component: this.articles.get(h.id)?.component ?? 'other' }))
      .filter((h) => matches(this.articles.get(h.id), options))
      .slice(0, options.limit);
    return { hits, noGoodAnswer: !hits.some((h) => h.score >= retriever.options.noAnswerThreshold) };
  }
}
