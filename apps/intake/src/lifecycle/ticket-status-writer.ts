import { Injectable } from '@nestjs/common';
import { type TicketStatus as LifecycleStatus, ticketStatusChangedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import type { EntityManager } from 'typeorm';
import type { TicketEntity } from '../tickets/ticket.entity.js';
import { TicketRepository } from '../tickets/ticket.repository.js';
import { assertTransition, isReopen, progressStatusFor } from './ticket-lifecycle.js';

export interface StatusChange {
  to: LifecycleStatus;
  changedBy: string;
  reason?: string;
  causationId?: string | null;
}

/**
 * The one place a ticket's lifecycle moves: checks the transition, counts reopens, stores the
 * row, emits `status-changed` and writes the timeline line, all in the caller's transaction.
 */
@Injectable()
export class TicketStatusWriter {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async change(manager: EntityManager, ticket: TicketEntity, change: StatusChange): Promise<void> {
    const from = ticket.lifecycleStatus;
    assertTransition(ticket.id, from, change.to);
    const changedAt = new Date().toISOString();
    ticket.lifecycleStatus = change.to;
    if (isReopen(from, change.to)) ticket.reopenCount += 1;
    ticket.status = progressStatusFor(change.to, ticket);
    await this.tickets.saveLifecycle(manager, ticket);
    const data = {
      ticketId: ticket.id,
      from,
      to: change.to,
      reopenCount: ticket.reopenCount,
      changedBy: change.changedBy,
      ...(change.reason ? { reason: change.reason } : {}),
      changedAt,
    };
    const envelope = await this.outbox.append(manager, ticketStatusChangedEvent, data, {
      subject: ticket.id,
      correlationId: ticket.correlationId,
      causationId: change.causationId ?? null,
    });
    await this.tickets.appendTimeline(
      manager,
      ticket.id,
      {
        type: 'status_changed',
        at: changedAt,
        data: { from, to: change.to, reopenCount: ticket.reopenCount, changedBy: change.changedBy, reason: change.reason },
      },
      envelope.id,
    );
  }
}
