import { Injectable } from '@nestjs/common';
import { ArticleRepository } from '../article.repository.js';
import { KnowledgeIndex } from '../knowledge-index.js';
import type { SearchArticlesQuery } from './search-articles.query.js';

export interface SearchHitView {
  articleId: string;
  title: string;
  component: string;
  /** Calibrated probability that the article answers the query. */
  score: number;
  lexical: number;
  semantic: number;
  snippet: string;
}

export interface SearchResult {
  query: string;
  hits: SearchHitView[];
  /** True when nothing clears the threshold: better to say so than to suggest a poor match. */
  noGoodAnswer: boolean;
}

@Injectable()
export class SearchArticlesUseCase {
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly articles: ArticleRepository,
  ) {}

  async execute(query: SearchArticlesQuery): Promise<SearchResult> {
    const found = await this.index.search(query.text, {
      limit: query.limit,
      component: query.component,
      product: query.product,
      tags: query.tags,
      match: query.match,
    });
    const snippets = await this.articles.snippets(
      found.hits.map((h) => h.id),
      query.text,
    );
    return {
      query: query.text,
      hits: found.hits.map((h) => ({
        articleId: h.id,
        title: h.title,
        component: h.component,
        score: h.score,
        lexical: h.lexical,
        semantic: h.semantic,
        snippet: snippets.get(h.id) ?? '',
      })),
      noGoodAnswer: found.noGoodAnswer,
    };
  }
}
