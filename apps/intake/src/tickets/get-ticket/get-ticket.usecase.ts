import { Injectable } from '@nestjs/common';
import { TicketRepository } from '../ticket.repository.js';
import { ticketOrFail } from '../ticket-guards.js';

export interface TicketView {
  id: string;
  status: string;
  channel: string;
  subject: string;
  customer: { id: string; email?: string; serviceLevel: string };
  triage: Record<string, unknown> | null;
  routing: { tier: string; agentId: string | null } | null;
  sla: { firstResponseDueAt: string | null; resolutionDueAt: string | null; breached: string[] };
  suggestions: { articleId: string; title: string; score: number }[];
  timeline: ({ type: string; at: string } & Record<string, unknown>)[];
  createdAt: string;
}

@Injectable()
export class GetTicketUseCase {
  constructor(private readonly tickets: TicketRepository) {}

  async execute(ticketId: string): Promise<TicketView> {
    const ticket = ticketOrFail(/^[0-9a-f-]{36}$/i.test(ticketId) ? await this.tickets.findById(ticketId) : null, ticketId);
    const timeline = await this.tickets.timeline(ticket.id);
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
        resolutionDueAt: ticket.sla.resolutionDueAt ?? null,
        breached: ticket.sla.breached ?? [],
      },
      suggestions: ticket.suggestions,
      timeline: timeline.map((entry) => ({ ...entry.data, type: entry.type, at: entry.at.toISOString() })),
      createdAt: ticket.createdAt.toISOString(),
    };
  }
}
