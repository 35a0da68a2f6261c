import { Injectable } from '@nestjs/common';
import { ticketResolvedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { TicketRepository } from '../ticket.repository.js';
import { openTicketOrFail } from '../ticket-guards.js';
import type { ResolveTicketCommand } from './resolve-ticket.command.js';

@Injectable()
export class ResolveTicketUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(command: ResolveTicketCommand): Promise<{ ticketId: string }> {
    await this.tickets.transaction(async (manager) => {
      const ticket = openTicketOrFail(await this.tickets.lockById(manager, command.ticketId), command.ticketId);
      const resolvedAt = new Date().toISOString();
      ticket.status = 'resolved';
      await this.tickets.saveState(manager, ticket);
      const envelope = await this.outbox.append(
        manager,
        ticketResolvedEvent,
        { ticketId: ticket.id, resolvedBy: command.resolvedBy, resolutionNote: command.resolutionNote, resolvedAt },
        { subject: ticket.id, correlationId: ticket.correlationId, causationId: null },
      );
      await this.tickets.appendTimeline(
        manager,
        ticket.id,
        { type: 'resolved', at: resolvedAt, data: { resolvedBy: command.resolvedBy } },
        envelope.id,
      );
    });
    return { ticketId: command.ticketId };
  }
}
