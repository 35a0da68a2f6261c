import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { customerRepliedEvent, inquiryReceivedEvent, ticketMergedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { IntakeConfig } from '../../config.js';
import { TicketStatusWriter } from '../../lifecycle/ticket-status-writer.js';
import { type RedactionCounts, Redactor, addCounts } from '../../redaction/redactor.js';
import type { TicketEntity } from '../../tickets/ticket.entity.js';
import { TicketRepository } from '../../tickets/ticket.repository.js';
import { type InboundMessage, contentHash, contractCustomer, customerIdentities } from './inbound-message.js';
import { findDuplicate, inquiryFingerprint } from './inquiry-fingerprint.js';

export type IngestOutcome = 'created' | 'replied' | 'merged' | 'duplicate';

export interface IngestResult {
  ticketId: string;
  outcome: IngestOutcome;
  messageId: string | null;
  redactions: RedactionCounts;
}

/** Thrown inside the transaction to roll back a delivery whose key another delivery already holds. */
class RepeatedDelivery extends Error {
  constructor() {
    super('repeated delivery');
  }
}

interface Redacted {
  subject: string;
  body: string;
  environment: Record<string, unknown> | undefined;
  counts: RedactionCounts;
}

/**
 * Turns a customer message from any channel into exactly one of: a new ticket, a reply on the
 * ticket its thread names, a merge into the same customer's near-identical recent ticket, or a
 * recognised repeat. Everything for one message commits in one transaction.
 */
@Injectable()
export class IngestMessageUseCase {
  private readonly redactor = new Redactor();

  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
    private readonly status: TicketStatusWriter,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async execute(message: InboundMessage): Promise<IngestResult> {
    const redacted = this.redact(message);
    const requestHash = contentHash({ subject: message.subject, body: message.body, environment: message.environment ?? null });
    try {
      return await this.tickets.transaction(async (manager) => {
        const provisionalId = randomUUID();
        for (const key of [message.messageKey, ...message.aliasKeys]) {
          if (!(await this.tickets.claimMessageKey(manager, key, provisionalId, requestHash))) throw new RepeatedDelivery();
        }
        // Two new lines of one chat, or an e-mail and an issue of one customer, must not both open a ticket.
        await this.tickets.lockKeys(manager, [...customerIdentities(message.customer, message.channel), ...message.threadRefs]);
        const thread = await this.continuableThread(manager, message);
        if (thread === 'repeat') throw new RepeatedDelivery();
        if (thread) return this.reply(manager, thread, message, redacted);
        return this.newInquiry(manager, provisionalId, message, redacted, requestHash);
      });
    } catch (error) {
      if (!(error instanceof RepeatedDelivery)) throw error;
      return this.repeated(message);
    }
  }

  private async repeated(message: InboundMessage): Promise<IngestResult> {
    for (const key of [message.messageKey, ...message.aliasKeys]) {
      const known = await this.tickets.messageKey(key);
      if (known) return { ticketId: known.ticketId, outcome: 'duplicate', messageId: null, redactions: {} };
    }
    // An issue opened again for a ticket that exists: answer with that ticket.
    const threadTicket = await this.tickets.findThreadTicket(this.tickets.manager, message.threadRefs);
    if (!threadTicket) throw new Error('repeated delivery without a stored ticket');
    return { ticketId: threadTicket, outcome: 'duplicate', messageId: null, redactions: {} };
  }

  private async continuableThread(manager: EntityManager, message: InboundMessage): Promise<TicketEntity | 'repeat' | null> {
    const ticketId = await this.tickets.findThreadTicket(manager, message.threadRefs);
    if (!ticketId) return null;
    if (message.startsThread) return 'repeat';
    const ticket = await this.tickets.lockById(manager, ticketId);
    if (!ticket || ticket.lifecycleStatus === 'closed') return null;
    if (ticket.lifecycleStatus === 'resolved' && !message.continueResolved) return null;
    return ticket;
  }

  private async reply(
    manager: EntityManager,
    ticket: TicketEntity,
    message: InboundMessage,
    redacted: Redacted,
  ): Promise<IngestResult> {
    for (const key of [message.messageKey, ...message.aliasKeys]) await this.tickets.pointMessageKey(manager, key, ticket.id);
    const messageId = await this.storeMessage(manager, ticket.id, message, redacted);
    const repliedAt = new Date().toISOString();
    const envelope = await this.outbox.append(
      manager,
      customerRepliedEvent,
      { ticketId: ticket.id, messageId, channel: message.channel, body: redacted.body, repliedAt },
      { subject: ticket.id, correlationId: ticket.correlationId, causationId: null },
    );
    await this.tickets.appendTimeline(
      manager,
      ticket.id,
      {
        type: 'customer_replied',
        at: repliedAt,
        data: { messageId, channel: message.channel, attachments: message.attachments.length, redactions: redacted.counts },
      },
      envelope.id,
    );
    if (ticket.lifecycleStatus !== 'open') {
      await this.status.change(manager, ticket, {
        to: 'open',
        changedBy: message.customer.id,
        reason: 'customer replied',
        causationId: envelope.id,
      });
    }
    return { ticketId: ticket.id, outcome: 'replied', messageId, redactions: redacted.counts };
  }

  private async newInquiry(
    manager: EntityManager,
    ticketId: string,
    message: InboundMessage,
    redacted: Redacted,
    requestHash: string,
  ): Promise<IngestResult> {
    const identities = customerIdentities(message.customer, message.channel);
    const fingerprint = inquiryFingerprint(redacted.subject, redacted.body);
    const { dedupeWindowMs, dedupeSimilarity } = this.config.channels;
    const original =
      dedupeWindowMs > 0
        ? findDuplicate(
            fingerprint,
            await this.tickets.mergeCandidates(manager, identities, new Date(Date.now() - dedupeWindowMs)),
            dedupeSimilarity,
          )
        : undefined;
    const receivedAt = new Date().toISOString();
    const customer = contractCustomer(message.customer);
    await this.tickets.insertTicket(manager, {
      id: ticketId,
      idempotencyKey: `channel:${message.messageKey}`,
      requestHash,
      status: original ? 'closed' : 'new',
      lifecycleStatus: original ? 'closed' : 'open',
      mergedInto: original?.id ?? null,
      channel: message.channel,
      subject: redacted.subject,
      body: redacted.body,
      customer,
      customerIdentities: identities,
      fingerprint,
      environment: redacted.environment ?? null,
      redactions: redacted.counts,
      correlationId: message.correlationId,
      sla: {},
      suggestions: [],
    });
    if (original) return this.mergeInto(manager, original, ticketId, message, redacted, receivedAt);
    const messageId = await this.storeMessage(manager, ticketId, message, redacted);
    await this.tickets.addThreadKeys(manager, ticketId, message.threadKeys);
    const envelope = await this.outbox.append(
      manager,
      inquiryReceivedEvent,
      {
        ticketId,
        channel: message.channel,
        subject: redacted.subject,
        body: redacted.body,
        customer,
        environment: redacted.environment,
        receivedAt,
      },
      { subject: ticketId, correlationId: message.correlationId, causationId: null },
    );
    await this.tickets.appendTimeline(
      manager,
      ticketId,
      { type: 'received', at: receivedAt, data: { channel: message.channel, messageId, redactions: redacted.counts } },
      envelope.id,
    );
    return { ticketId, outcome: 'created', messageId, redactions: redacted.counts };
  }

  /**
   * The same inquiry again (another channel, or the same one under a new id): its message joins
   * the first ticket, its own ticket row stays closed as a pointer, and nothing downstream starts work on it.
   */
  private async mergeInto(
    manager: EntityManager,
    original: TicketEntity,
    duplicateId: string,
    message: InboundMessage,
    redacted: Redacted,
    mergedAt: string,
  ): Promise<IngestResult> {
    await this.tickets.lockById(manager, original.id);
    for (const key of [message.messageKey, ...message.aliasKeys]) await this.tickets.pointMessageKey(manager, key, original.id);
    const messageId = await this.storeMessage(manager, original.id, message, redacted);
    await this.tickets.addThreadKeys(manager, original.id, message.threadKeys);
    const reason = original.channel === message.channel ? 'duplicate' : 'cross_channel';
    const envelope = await this.outbox.append(
      manager,
      ticketMergedEvent,
      { ticketId: original.id, mergedTicketId: duplicateId, reason, channel: message.channel, mergedBy: 'intake', mergedAt },
      { subject: original.id, correlationId: original.correlationId, causationId: null },
    );
    await this.tickets.appendTimeline(
      manager,
      original.id,
      { type: 'merged', at: mergedAt, data: { mergedTicketId: duplicateId, reason, channel: message.channel, messageId } },
      envelope.id,
    );
    await this.tickets.appendTimeline(
      manager,
      duplicateId,
      { type: 'merged_into', at: mergedAt, data: { ticketId: original.id, reason } },
      null,
    );
    return { ticketId: original.id, outcome: 'merged', messageId, redactions: redacted.counts };
  }

  private async storeMessage(
    manager: EntityManager,
    ticketId: string,
    message: InboundMessage,
    redacted: Redacted,
  ): Promise<string> {
    const id = randomUUID();
    await this.tickets.insertMessage(manager, {
      id,
      ticketId,
      channel: message.channel,
      externalId: message.externalId,
      author: message.customer.id,
      body: redacted.body,
      environment: redacted.environment ?? null,
      attachments: message.attachments,
      redactions: redacted.counts,
      receivedAt: new Date(),
    });
    return id;
  }

  /** Nothing unredacted reaches the database or Kafka: subject, body and environment are cleaned first. */
  private redact(message: InboundMessage): Redacted {
    const counts: RedactionCounts = {};
    const subject = this.redactor.redact(message.subject);
    const body = this.redactor.redact(message.body);
    addCounts(counts, subject.counts);
    addCounts(counts, body.counts);
    let environment: Record<string, unknown> | undefined;
    if (message.environment) {
      const env = this.redactor.redactValue(message.environment);
      addCounts(counts, env.counts);
      environment = env.value;
    }
    return { subject: subject.text, body: body.text, environment, counts };
  }
}
