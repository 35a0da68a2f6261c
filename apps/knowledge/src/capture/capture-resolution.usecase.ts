import { Inject, Injectable } from '@nestjs/common';
import type { TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';

/** Notes shorter than this rarely explain a fix well enough to start an article from. */
const MIN_NOTE_LENGTH = 40;

/**
 * Knowledge capture: an agent's resolution note for a ticket no article answered well becomes a
 * draft article (never published automatically; an editor reviews it).
 */
@Injectable()
export class CaptureResolutionUseCase {
  private readonly s: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = config.database.schema;
  }

  async execute(resolved: TicketResolved, context: HandlerContext): Promise<void> {
    const note = resolved.resolutionNote?.trim();
    if (!note || note.length < MIN_NOTE_LENGTH || resolved.resolvedBy === 'self-service') return;
    const [suggestion] = await context.manager.query(
      `SELECT query, article_ids AS "articleIds" FROM "${this.s}".suggestions WHERE ticket_id = $1`,
      [resolved.ticketId],
    );
    if (!suggestion || suggestion.articleIds.length > 0) return;
    await context.manager.query(
      `INSERT INTO "${this.s}".articles (id, title, body, component, product, tags, status, source_ticket_id)
       VALUES ($1, $2, $3, 'other', 'chat-app', '{captured}', 'draft', $4) ON CONFLICT (id) DO NOTHING`,
      [`draft-${resolved.ticketId.slice(0, 8)}`, suggestion.query, `## Resolution\n\n${note}`, resolved.ticketId],
    );
  }
}
