import { Injectable } from '@nestjs/common';
import type { SlaClockKind } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { ALL_KINDS, ClockRepository } from '../clock.repository.js';
import { ClockLifecycle, type StopReason, txOf } from '../clock-lifecycle.js';

/**
 * An agent's response stops the first- and next-response clocks; a resolution or closing stops
 * every clock; a ticket merged into another stops all of its clocks for good.
 */
@Injectable()
export class StopClocksUseCase {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly lifecycle: ClockLifecycle,
  ) {}

  async onResponded(ticketId: string, respondedAt: Date, context: HandlerContext): Promise<void> {
    const ticket = await this.clocks.lockTicket(context.manager, ticketId);
    if (!ticket.firstRespondedAt) await this.clocks.saveTicket(context.manager, { ...ticket, firstRespondedAt: respondedAt });
    await this.stopLive(ticketId, ['first_response', 'next_response'], respondedAt, 'responded', context);
  }

  async onResolved(ticketId: string, resolvedAt: Date, reason: 'resolved' | 'closed' | 'merged', context: HandlerContext) {
    const ticket = await this.clocks.lockTicket(context.manager, ticketId);
    await this.clocks.saveTicket(context.manager, {
      ...ticket,
      firstRespondedAt: ticket.firstRespondedAt ?? resolvedAt,
      resolvedAt: ticket.resolvedAt ?? resolvedAt,
      waiting: false,
    });
    await this.stopLive(ticketId, ALL_KINDS, resolvedAt, reason, context);
  }

  private async stopLive(ticketId: string, kinds: SlaClockKind[], at: Date, reason: StopReason, context: HandlerContext) {
    const tx = txOf(context);
    for (const clock of await this.clocks.live(context.manager, ticketId, kinds))
      await this.lifecycle.stop(tx, clock, at, reason);
  }
}
