import { Injectable } from '@nestjs/common';
import { type SlaClockKind, slaClockStoppedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { ClockRepository } from '../clock.repository.js';
import { SlaTimers } from '../sla-timers.js';

/** A response stops the first-response clock; a resolution stops every clock of the ticket. */
@Injectable()
export class StopClocksUseCase {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly timers: SlaTimers,
  ) {}

  async onResponded(ticketId: string, respondedAt: Date, context: HandlerContext): Promise<void> {
    const ticket = await this.clocks.lockTicket(context.manager, ticketId);
    if (!ticket.firstRespondedAt) await this.clocks.saveTicket(context.manager, { ...ticket, firstRespondedAt: respondedAt });
    await this.stopRunning(ticketId, ['first_response'], respondedAt, 'responded', context);
  }

  async onResolved(ticketId: string, resolvedAt: Date, context: HandlerContext): Promise<void> {
    const ticket = await this.clocks.lockTicket(context.manager, ticketId);
    await this.clocks.saveTicket(context.manager, {
      ...ticket,
      firstRespondedAt: ticket.firstRespondedAt ?? resolvedAt,
      resolvedAt,
    });
    await this.stopRunning(ticketId, ['first_response', 'resolution'], resolvedAt, 'resolved', context);
  }

  private async stopRunning(
    ticketId: string,
    kinds: SlaClockKind[],
    at: Date,
    reason: 'responded' | 'resolved',
    context: HandlerContext,
  ): Promise<void> {
    for (const clock of await this.clocks.running(context.manager, ticketId, kinds)) {
      const met = at <= new Date(clock.dueAt);
      await this.clocks.stop(context.manager, clock.id, at, reason, met);
      await context.emit(slaClockStoppedEvent, {
        ticketId,
        clockId: clock.id,
        kind: clock.kind,
        stoppedAt: at.toISOString(),
        reason,
        met,
      });
      context.afterCommit(() => this.timers.disarm(clock.id));
    }
  }
}
