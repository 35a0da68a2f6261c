import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { inquiryReceivedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { conflict } from '@switchboard/service-kit';
import { customerIdentities } from '../../channels/ingest/inbound-message.js';
import { inquiryFingerprint } from '../../channels/ingest/inquiry-fingerprint.js';
import { Redactor, addCounts } from '../../redaction/redactor.js';
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
  private readonly redactor = new Redactor();

  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(command: SubmitInquiryCommand): Promise<SubmitInquiryResult> {
    const { inquiry } = command;
    const ticketId = randomUUID();
    const receivedAt = new Date();
    const customer = { ...inquiry.customer, serviceLevel: inquiry.customer.serviceLevel ?? 'standard' };
    // Redacted before anything is stored or emitted; the request hash above still sees what the client sent.
    const subject = this.redactor.redact(inquiry.subject);
    const body = this.redactor.redact(inquiry.body);
    const environment = inquiry.environment ? this.redactor.redactValue(inquiry.environment) : undefined;
    const redactions = addCounts(addCounts({ ...subject.counts }, body.counts), environment?.counts ?? {});
    const created = await this.tickets.transaction(async (manager) => {
      const isNew = await this.tickets.insertIfNew(manager, {
        id: ticketId,
        idempotencyKey: command.idempotencyKey,
        requestHash: command.requestHash,
        status: 'new',
        channel: inquiry.channel,
        subject: subject.text,
        body: body.text,
        customer,
        customerIdentities: customerIdentities(customer, inquiry.channel),
        fingerprint: inquiryFingerprint(subject.text, body.text),
        redactions,
        environment: environment?.value ?? null,
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
          subject: subject.text,
          body: body.text,
          customer,
          environment: environment?.value,
          receivedAt: receivedAt.toISOString(),
        },
        { subject: ticketId, correlationId: command.correlationId, causationId: null },
      );
      await this.tickets.appendTimeline(
        manager,
        ticketId,
        { type: 'received', at: receivedAt.toISOString(), data: { channel: inquiry.channel, redactions } },
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
