import { Injectable } from '@nestjs/common';
import type { EventEnvelope, SelfServiceResolved } from '@switchboard/contracts';
import { NonRetryableError } from '@switchboard/messaging';
import type { EntityManager } from 'typeorm';
import { ResolveTicketUseCase } from '../resolve-ticket/resolve-ticket.usecase.js';
import { TicketRepository } from '../ticket.repository.js';

/** A customer who solved it with an article's steps resolves the ticket: a deflection. */
@Injectable()
export class SelfServiceOutcomeUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly resolve: ResolveTicketUseCase,
  ) {}

  async resolved(manager: EntityManager, event: EventEnvelope<SelfServiceResolved>): Promise<void> {
    const ticket = await this.tickets.lockById(manager, event.data.ticketId);
    if (!ticket)
      throw new NonRetryableError('INTAKE.UNKNOWN_TICKET', `event ${event.id} names unknown ticket ${event.data.ticketId}`);
    await this.tickets.appendTimeline(
      manager,
      ticket.id,
      {
        type: 'self_served',
        at: event.data.resolvedAt,
        data: { articleId: event.data.articleId, resolvedAtStep: event.data.resolvedAtStep },
      },
      event.id,
    );
    if (ticket.lifecycleStatus !== 'open' && ticket.lifecycleStatus !== 'waiting_on_customer') return;
    await this.resolve.resolveWithin(manager, ticket, 'self-service', `solved with ${event.data.articleId}`, event.id);
  }
}
