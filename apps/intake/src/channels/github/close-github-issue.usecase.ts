import { Injectable } from '@nestjs/common';
import { ResolveTicketUseCase } from '../../tickets/resolve-ticket/resolve-ticket.usecase.js';
import { TicketRepository } from '../../tickets/ticket.repository.js';

export interface CloseIssueResult {
  ticketId: string | null;
  outcome: 'resolved' | 'duplicate' | 'ignored';
  reason?: string;
}

/** A closed issue resolves its ticket (once: the delivery id is claimed like any other message key). */
@Injectable()
export class CloseGithubIssueUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly resolve: ResolveTicketUseCase,
  ) {}

  execute(issueKey: string, deliveryKey: string, closedBy: string): Promise<CloseIssueResult> {
    return this.tickets.transaction(async (manager): Promise<CloseIssueResult> => {
      const ticketId = await this.tickets.findThreadTicket(manager, [issueKey]);
      if (!ticketId) return { ticketId: null, outcome: 'ignored', reason: 'no ticket for this issue' };
      if (!(await this.tickets.claimMessageKey(manager, deliveryKey, ticketId, deliveryKey))) {
        return { ticketId, outcome: 'duplicate' };
      }
      const ticket = await this.tickets.lockById(manager, ticketId);
      if (ticket && (ticket.lifecycleStatus === 'open' || ticket.lifecycleStatus === 'waiting_on_customer')) {
        await this.resolve.resolveWithin(manager, ticket, closedBy, 'GitHub issue closed', null);
        return { ticketId, outcome: 'resolved' };
      }
      return { ticketId, outcome: 'ignored', reason: `ticket is already ${ticket?.lifecycleStatus}` };
    });
  }
}
