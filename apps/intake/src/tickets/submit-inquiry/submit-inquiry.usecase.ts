import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { inquiryReceivedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { conflict } from '@switchboard/service-kit';
import { TicketRepository } from '../ticket.repository.js';
import type { SubmitInquiryCommand } from './submit-inquiry.command.js';

export interface SubmitInquiryResult {
  ticketId: string;
  duplicate: boolean;
}

/**
 * Persists the ticket and its `inquiry received` event in one transaction. A repeated
 * Idempotency-Key returns the first ticket and emits nothing.
 */
@Injectable()
export class SubmitInquiryUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(command: SubmitInquiryCommand): Promise<SubmitInquiryResult> {
    const { inquiry } = command;
    const ticketId = randomUUID();
    const receivedAt = new Date();
    const customer = { ...inquiry.customer, serviceLevel: inquiry.customer.serviceLevel ?? 'standard' };
    const created = await this.tickets.transaction(async (manager) => {
      const isNew = await this.tickets.insertIfNew(manager, {
        id: ticketId,
        idempotencyKey: command.idempotencyKey,
        requestHash: command.requestHash,
        status: 'new',
        channel: inquiry.channel,
        subject: inquiry.subject,
        body: inquiry.body,
        customer,
        environment: inquiry.environment ?? null,
        correlationId: command.correlationId,
        sla: {},
        suggestions: [],
      });
      if (!isNew) return false;
      const envelope = await this.outbox.append(
        manager,
        inquiryReceivedEvent,
        {
          ticketId,
          channel: inquiry.channel,
          subject: inquiry.subject,
          body: inquiry.body,
          customer,
          environment: inquiry.environment,
          receivedAt: receivedAt.toISOString(),
        },
        { subject: ticketId, correlationId: command.correlationId, causationId: null },
      );
      await this.tickets.appendTimeline(
        manager,
        ticketId,
        { type: 'received', at: receivedAt.toISOString(), data: { channel: inquiry.channel } },
        envelope.id,
      );
      return true;
    });
    if (created) return { ticketId, duplicate: false };
    const existing = await this.tickets.findByIdempotencyKey(command.idempotencyKey);
    if (!existing) throw new Error('idempotency key conflict without a stored ticket');
    if (existing.requestHash !== command.requestHash) {
      throw conflict('INTAKE.IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with a different request', {
        ticketId: existing.id,
      });
    }
    return { ticketId: existing.id, duplicate: true };
  }
}
