import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ticketRespondedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { TicketStatusWriter } from '../../lifecycle/ticket-status-writer.js';
import { TicketRepository } from '../ticket.repository.js';
import { openTicketOrFail } from '../ticket-guards.js';
import type { RespondToTicketCommand } from './respond-to-ticket.command.js';

@Injectable()
export class RespondToTicketUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
    private readonly status: TicketStatusWriter,
  ) {}

  async execute(command: RespondToTicketCommand): Promise<{ ticketId: string; responseId: string }> {
    const responseId = randomUUID();
    await this.tickets.transaction(async (manager) => {
      const ticket = openTicketOrFail(await this.tickets.lockById(manager, command.ticketId), command.ticketId);
      const respondedAt = new Date().toISOString();
      const envelope = await this.outbox.append(
        manager,
        ticketRespondedEvent,
        { ticketId: ticket.id, responseId, authorId: command.authorId, body: command.body, respondedAt },
        { subject: ticket.id, correlationId: ticket.correlationId, causationId: null },
      );
      await this.tickets.appendTimeline(
        manager,
        ticket.id,
        { type: 'responded', at: respondedAt, data: { authorId: command.authorId, responseId } },
        envelope.id,
      );
      if (ticket.lifecycleStatus === 'open') {
        await this.status.change(manager, ticket, {
          to: 'waiting_on_customer',
          changedBy: command.authorId,
          causationId: envelope.id,
        });
      }
    });
    return { ticketId: command.ticketId, responseId };
  }
}
