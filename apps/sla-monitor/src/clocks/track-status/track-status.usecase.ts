import { Injectable } from '@nestjs/common';
import type { CustomerReplied, TicketStatusChanged } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { ClockRepository } from '../clock.repository.js';
import { ClockLifecycle, txOf } from '../clock-lifecycle.js';
import { StopClocksUseCase } from '../stop-clocks/stop-clocks.usecase.js';

/**
 * The ticket's lifecycle as the clocks see it: waiting on the customer pauses them, leaving that
 * status or a customer reply resumes them, a reply also starts a next-response clock, and a
 * reopen (open again with a higher reopen count) starts a new resolution clock.
 */
@Injectable()
export class TrackStatusUseCase {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly lifecycle: ClockLifecycle,
    private readonly stop: StopClocksUseCase,
  ) {}

  async onStatusChanged(change: TicketStatusChanged, context: HandlerContext): Promise<void> {
    const at = new Date(change.changedAt);
    if (change.to === 'resolved' || change.to === 'closed') {
      return this.stop.onResolved(change.ticketId, at, change.to, context);
    }
    const tx = txOf(context);
    const ticket = await this.clocks.lockTicket(tx.manager, change.ticketId);
    if (change.to === 'waiting_on_customer') {
      if (ticket.resolvedAt) return;
      await this.clocks.saveTicket(tx.manager, { ...ticket, waiting: true });
      for (const clock of await this.clocks.live(tx.manager, change.ticketId)) await this.lifecycle.pause(tx, clock, at);
      return;
    }
    // to === 'open'
    if (change.reopenCount > ticket.reopenCount && ticket.resolvedAt) {
      const reopened = { ...ticket, resolvedAt: null, waiting: false, reopenCount: change.reopenCount };
      await this.clocks.saveTicket(tx.manager, reopened);
      if (reopened.tier) await this.lifecycle.start(tx, reopened, 'resolution', at, ticket.routedVersion);
      return;
    }
    await this.clocks.saveTicket(tx.manager, {
      ...ticket,
      waiting: false,
      reopenCount: Math.max(ticket.reopenCount, change.reopenCount),
    });
    for (const clock of await this.clocks.live(tx.manager, change.ticketId)) await this.lifecycle.resume(tx, clock, at);
  }

  async onCustomerReplied(reply: CustomerReplied, context: HandlerContext): Promise<void> {
    const tx = txOf(context);
    const at = new Date(reply.repliedAt);
    const ticket = await this.clocks.lockTicket(tx.manager, reply.ticketId);
    if (ticket.resolvedAt) return;
    const resumed = { ...ticket, waiting: false };
    await this.clocks.saveTicket(tx.manager, resumed);
    const live = await this.clocks.live(tx.manager, reply.ticketId);
    for (const clock of live) await this.lifecycle.resume(tx, clock, at);
    // Before the first answer the first-response clock already measures the wait; after it, each reply starts one.
    const awaiting = live.some((c) => c.kind === 'first_response' || c.kind === 'next_response');
    if (ticket.firstRespondedAt && ticket.tier && !awaiting) {
      await this.lifecycle.start(tx, resumed, 'next_response', at, ticket.routedVersion);
    }
  }
}
