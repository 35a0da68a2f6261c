import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { slaClockStartedEvent, slaClockStoppedEvent, type TicketRouted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { SlaConfig } from '../../config.js';
import { ClockRepository } from '../clock.repository.js';
import { planClocks } from '../sla-targets.js';
import { SlaTimers } from '../sla-timers.js';

/**
 * A routed ticket gets clocks for its tier; a re-route (escalation) stops the old tier's clocks
 * and starts the new tier's. Stale or repeated routed events start nothing.
 */
@Injectable()
export class StartClocksUseCase {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly timers: SlaTimers,
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
  ) {}

  async execute(routed: TicketRouted, context: HandlerContext): Promise<void> {
    const { manager, cause } = context;
    const ticket = await this.clocks.lockTicket(manager, routed.ticketId);
    if (ticket.resolvedAt || routed.assignmentVersion <= ticket.routedVersion) return;
    const running = await this.clocks.running(manager, routed.ticketId, ['first_response', 'resolution']);
    // Targets belong to the tier: a new agent in the same tier (queue, rebalance, override) keeps the clocks.
    if (running.length > 0 && running.every((c) => c.tier === routed.tier)) {
      await this.clocks.saveTicket(manager, { ...ticket, routedVersion: routed.assignmentVersion });
      return;
    }
    const now = new Date();
    for (const old of running) {
      await this.clocks.stop(manager, old.id, now, 'rerouted', now <= new Date(old.dueAt));
      await context.emit(slaClockStoppedEvent, {
        ticketId: routed.ticketId,
        clockId: old.id,
        kind: old.kind,
        stoppedAt: now.toISOString(),
        reason: 'rerouted',
        met: now <= new Date(old.dueAt),
      });
      context.afterCommit(() => this.timers.disarm(old.id));
    }
    const plans = planClocks(routed.tier, now, {
      responded: ticket.firstRespondedAt !== null,
      timeScale: this.config.timeScale,
      l4ResolutionHours: this.config.l4ResolutionHours,
    });
    for (const plan of plans) {
      const clock = {
        id: randomUUID(),
        ticketId: routed.ticketId,
        kind: plan.kind,
        tier: routed.tier,
        assignmentVersion: routed.assignmentVersion,
        state: 'running' as const,
        startedAt: plan.startedAt,
        dueAt: plan.dueAt,
        correlationId: cause.correlationId,
        causeEventId: cause.id,
      };
      await this.clocks.insertClock(manager, clock);
      await context.emit(slaClockStartedEvent, {
        ticketId: routed.ticketId,
        clockId: clock.id,
        kind: plan.kind,
        tier: routed.tier,
        startedAt: plan.startedAt.toISOString(),
        dueAt: plan.dueAt.toISOString(),
      });
      context.afterCommit(() => this.timers.arm(clock));
    }
    await this.clocks.saveTicket(manager, { ...ticket, routedVersion: routed.assignmentVersion });
  }
}
