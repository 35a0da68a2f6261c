import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@switchboard/contracts';
import { NonRetryableError } from '@switchboard/messaging';
import type { EntityManager } from 'typeorm';
import { applyEvent } from '../ticket-projection.js';
import { TicketRepository } from '../ticket.repository.js';

@Injectable()
export class ProjectTicketEventUseCase {
  constructor(private readonly tickets: TicketRepository) {}

  /** Runs inside the consumer's transaction, so the projection and the inbox record commit together. */
  async execute(manager: EntityManager, event: EventEnvelope): Promise<void> {
    const ticket = await this.tickets.lockById(manager, event.subject);
    // Intake writes the ticket before any other service can hear of it; a missing row is a bug upstream.
    if (!ticket) throw new NonRetryableError('INTAKE.UNKNOWN_TICKET', `event ${event.id} names unknown ticket ${event.subject}`);
    const { state, timeline } = applyEvent(ticket, event);
    Object.assign(ticket, state);
    await this.tickets.saveState(manager, ticket);
    await this.tickets.appendTimeline(manager, ticket.id, timeline, event.id);
  }
}
