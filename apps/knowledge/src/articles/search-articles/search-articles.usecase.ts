import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { KnowledgeConfig } from '../../config.js';
import { ArticleRepository, type SearchHit } from '../article.repository.js';
import type { SearchArticlesQuery } from './search-articles.query.js';

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** True when nothing clears the threshold: better to say so than to suggest a poor match. */
  noGoodAnswer: boolean;
}

@Injectable()
export class SearchArticlesUseCase {
  constructor(
    private readonly articles: ArticleRepository,
    @Inject(SERVICE_CONFIG) private readonly config: KnowledgeConfig,
  ) {}

  async execute(query: SearchArticlesQuery): Promise<SearchResult> {
    const hits = await this.articles.search(query.text, { component: query.component, limit: query.limit });
    return { query: query.text, hits, noGoodAnswer: !hits.some((h) => h.score >= this.config.minScore) };
  }
}
