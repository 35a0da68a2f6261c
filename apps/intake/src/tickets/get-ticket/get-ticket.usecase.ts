import { Injectable } from '@nestjs/common';
import type { AttachmentMeta } from '../../channels/email/email-message.js';
import type { RedactionCounts } from '../../redaction/redactor.js';
import { TicketRepository } from '../ticket.repository.js';
import { isUuid, ticketOrFail } from '../ticket-guards.js';

export interface TicketView {
  id: string;
  status: string;
  channel: string;
  subject: string;
  customer: { id: string; email?: string; serviceLevel: string };
  triage: Record<string, unknown> | null;
  routing: { tier: string; agentId: string | null } | null;
  sla: {
    firstResponseDueAt: string | null;
    nextResponseDueAt: string | null;
    resolutionDueAt: string | null;
    breached: string[];
  };
  suggestions: { articleId: string; title: string; score: number }[];
  timeline: ({ type: string; at: string } & Record<string, unknown>)[];
  createdAt: string;
  /** Customer-facing lifecycle (open | waiting_on_customer | resolved | closed); `status` is pipeline progress. */
  lifecycle: { status: string; reopenCount: number; mergedInto: string | null };
  environment: Record<string, unknown> | null;
  /** What was removed from this ticket's texts before storing: counts per kind, for the ticket and each message. */
  redactions: { ticket: RedactionCounts; messages: { messageId: string; counts: RedactionCounts }[] };
  messages: {
    id: string;
    channel: string;
    author: string;
    body: string;
    attachments: AttachmentMeta[];
    receivedAt: string;
  }[];
}

@Injectable()
export class GetTicketUseCase {
  constructor(private readonly tickets: TicketRepository) {}

  async execute(ticketId: string): Promise<TicketView> {
    const ticket = ticketOrFail(isUuid(ticketId) ? await this.tickets.findById(ticketId) : null, ticketId);
    const [timeline, messages] = await Promise.all([this.tickets.timeline(ticket.id), this.tickets.messages(ticket.id)]);
    return {
      id: ticket.id,
      status: ticket.status,
      channel: ticket.channel,
      subject: ticket.subject,
      customer: ticket.customer,
      triage: ticket.triage as Record<string, unknown> | null,
      routing: ticket.routing ? { tier: ticket.routing.tier, agentId: ticket.routing.agentId } : null,
      sla: {
        firstResponseDueAt: ticket.sla.firstResponseDueAt ?? null,
        nextResponseDueAt: ticket.sla.nextResponseDueAt ?? null,
        resolutionDueAt: ticket.sla.resolutionDueAt ?? null,
        breached: ticket.sla.breached ?? [],
      },
      suggestions: ticket.suggestions,
      timeline: timeline.map((entry) => ({ ...entry.data, type: entry.type, at: entry.at.toISOString() })),
      createdAt: ticket.createdAt.toISOString(),
      lifecycle: { status: ticket.lifecycleStatus, reopenCount: ticket.reopenCount, mergedInto: ticket.mergedInto },
      environment: ticket.environment,
      redactions: {
        ticket: ticket.redactions,
        messages: messages
          .map((m) => ({ messageId: m.id, counts: m.redactions }))
          .filter((m) => Object.keys(m.counts).length > 0),
      },
      messages: messages.map((m) => ({
        id: m.id,
        channel: m.channel,
        author: m.author,
        body: m.body,
        attachments: m.attachments,
        receivedAt: m.receivedAt.toISOString(),
      })),
    };
  }
}
