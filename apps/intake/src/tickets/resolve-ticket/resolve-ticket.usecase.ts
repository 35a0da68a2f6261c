import { Injectable } from '@nestjs/common';
import { ticketResolvedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import type { EntityManager } from 'typeorm';
import type { TicketEntity } from '../ticket.entity.js';
import { TicketStatusWriter } from '../../lifecycle/ticket-status-writer.js';
import { TicketRepository } from '../ticket.repository.js';
import { openTicketOrFail } from '../ticket-guards.js';
import type { ResolveTicketCommand } from './resolve-ticket.command.js';

@Injectable()
export class ResolveTicketUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
    private readonly status: TicketStatusWriter,
  ) {}

  async execute(command: ResolveTicketCommand): Promise<{ ticketId: string }> {
    await this.tickets.transaction(async (manager) => {
      const ticket = openTicketOrFail(await this.tickets.lockById(manager, command.ticketId), command.ticketId);
      await this.resolveWithin(manager, ticket, command.resolvedBy, command.resolutionNote, null);
    });
    return { ticketId: command.ticketId };
  }

  /** Resolves a locked, open ticket inside the caller's transaction (an agent's call or a self-service success). */
  async resolveWithin(
    manager: EntityManager,
    ticket: TicketEntity,
    resolvedBy: string,
    resolutionNote: string | undefined,
    causationId: string | null,
  ): Promise<void> {
    const resolvedAt = new Date().toISOString();
    const envelope = await this.outbox.append(
      manager,
      ticketResolvedEvent,
      { ticketId: ticket.id, resolvedBy, resolutionNote, resolvedAt },
      { subject: ticket.id, correlationId: ticket.correlationId, causationId },
    );
    await this.tickets.appendTimeline(
      manager,
      ticket.id,
      { type: 'resolved', at: resolvedAt, data: { resolvedBy } },
      envelope.id,
    );
    await this.status.change(manager, ticket, {
      to: 'resolved',
      changedBy: resolvedBy,
      reason: resolutionNote,
      causationId: envelope.id,
    });
  }
}
