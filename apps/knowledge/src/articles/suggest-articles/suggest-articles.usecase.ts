import { Inject, Injectable } from '@nestjs/common';
import { type InquiryReceived, type InquiryTriaged, knowledgeSuggestedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { KnowledgeConfig } from '../../config.js';
import { ArticleRepository } from '../article.repository.js';
import { KnowledgeIndex, type SearchFilters } from '../knowledge-index.js';
import { ArticleStatsRepository } from '../../outcomes/article-stats.repository.js';

/**
 * Every new inquiry gets the articles that clear the "no good answer" threshold (possibly none)
 * as a `knowledge suggested` event, with calibrated scores.
 */
/** How far the bar drops for articles of the component triage named. */
const COMPONENT_AGREEMENT_DISCOUNT = 0.5;

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
    const suggestions = await this.suggestionsFor(query, { limit: this.config.suggestionLimit }, 1);
    const fresh = await this.articles.recordSuggestion(
      context.manager,
      inquiry.ticketId,
      inquiry.subject,
      suggestions.map((s) => s.articleId),
      query,
    );
    if (!fresh) return;
    await this.stats.count(
      context.manager,
      suggestions.map((s) => s.articleId),
      'suggested',
    );
    await context.emit(knowledgeSuggestedEvent, { ticketId: inquiry.ticketId, query: inquiry.subject, suggestions });
  }

  /**
   * Once triage names the component, the suggestions are asked again within that component. Triage
   * is independent evidence for those articles, so the bar for them is lower; a changed set is
   * emitted as a second event (the ticket view shows the latest).
   */
  async refine(triaged: InquiryTriaged, context: HandlerContext): Promise<void> {
    const first = await this.articles.lockSuggestion(context.manager, triaged.ticketId);
    const component = triaged.component.label;
    if (!first?.text || first.component) return;
    const suggestions = await this.suggestionsFor(
      first.text,
      { limit: this.config.suggestionLimit, component },
      COMPONENT_AGREEMENT_DISCOUNT,
    );
    const refined = suggestions.length > 0 ? suggestions.map((s) => s.articleId) : first.articleIds;
    await this.articles.refineSuggestion(context.manager, triaged.ticketId, component, refined);
    if (suggestions.length === 0 || refined.join() === first.articleIds.join()) return;
    await this.stats.count(
      context.manager,
      refined.filter((id) => !first.articleIds.includes(id)),
      'suggested',
    );
    await context.emit(knowledgeSuggestedEvent, { ticketId: triaged.ticketId, query: first.query, suggestions });
  }

  /** The hits that clear the suggestion bar (scaled by `barFactor`), in the event's shape. */
  private async suggestionsFor(query: string, filters: SearchFilters, barFactor: number) {
    const minimum = (this.config.minScore ?? this.index.threshold) * barFactor;
    const found = await this.index.search(query, filters);
    return found.hits
      .filter((h) => h.score >= minimum)
      .map((h) => ({ articleId: h.id, title: h.title, score: Math.round(h.score * 1000) / 1000 }));
  }
}
