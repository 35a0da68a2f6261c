import { Inject, Injectable } from '@nestjs/common';
import { type InquiryReceived, knowledgeSuggestedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { KnowledgeConfig } from '../../config.js';
import { ArticleRepository } from '../article.repository.js';
import { KnowledgeIndex } from '../knowledge-index.js';
import { ArticleStatsRepository } from '../../outcomes/article-stats.repository.js';

/**
 * Every new inquiry gets the articles that clear the "no good answer" threshold (possibly none)
 * as a `knowledge suggested` event, with calibrated scores.
 */
@Injectable()
export class SuggestArticlesUseCase {
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly articles: ArticleRepository,
    private readonly stats: ArticleStatsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: KnowledgeConfig,
  ) {}

  async execute(inquiry: InquiryReceived, context: HandlerContext): Promise<void> {
    const query = `${inquiry.subject}\n${inquiry.body}`.slice(0, 4000);
    const minimum = this.config.minScore ?? this.index.threshold;
    const found = await this.index.search(query, { limit: this.config.suggestionLimit });
    const suggestions = found.hits
      .filter((h) => h.score >= minimum)
      .map((h) => ({ articleId: h.id, title: h.title, score: Math.round(h.score * 1000) / 1000 }));
    const fresh = await this.articles.recordSuggestion(
      context.manager,
      inquiry.ticketId,
      inquiry.subject,
      suggestions.map((s) => s.articleId),
    );
    if (!fresh) return;
    await this.stats.count(
      context.manager,
      suggestions.map((s) => s.articleId),
      'suggested',
    );
    await context.emit(knowledgeSuggestedEvent, { ticketId: inquiry.ticketId, query: inquiry.subject, suggestions });
  }
}
