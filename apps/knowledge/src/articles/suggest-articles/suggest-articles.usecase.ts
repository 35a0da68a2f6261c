import { Inject, Injectable } from '@nestjs/common';
import { type InquiryReceived, knowledgeSuggestedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { KnowledgeConfig } from '../../config.js';
import { ArticleRepository } from '../article.repository.js';

/** Every new inquiry gets the best-scoring articles (possibly none) as a `knowledge suggested` event. */
@Injectable()
export class SuggestArticlesUseCase {
  constructor(
    private readonly articles: ArticleRepository,
    @Inject(SERVICE_CONFIG) private readonly config: KnowledgeConfig,
  ) {}

  async execute(inquiry: InquiryReceived, context: HandlerContext): Promise<void> {
    const query = `${inquiry.subject}\n${inquiry.body}`.slice(0, 4000);
    const hits = (await this.articles.search(query, { limit: this.config.suggestionLimit }, context.manager)).filter(
      (h) => h.score >= this.config.minScore,
    );
    const suggestions = hits.map((h) => ({ articleId: h.articleId, title: h.title, score: h.score }));
    if (
      !(await this.articles.recordSuggestion(
        context.manager,
        inquiry.ticketId,
        inquiry.subject,
        hits.map((h) => h.articleId),
      ))
    ) {
      return;
    }
    await context.emit(knowledgeSuggestedEvent, { ticketId: inquiry.ticketId, query: inquiry.subject, suggestions });
  }
}
