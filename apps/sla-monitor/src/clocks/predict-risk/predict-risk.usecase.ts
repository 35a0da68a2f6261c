import { Inject, Injectable } from '@nestjs/common';
import { slaAtRiskEvent, type TicketQueued } from '@switchboard/contracts';
import { EventOutbox, type HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { SlaConfig } from '../../config.js';
import type { BusinessCalendar } from '../../calendars/business-calendar.js';
import { PolicyRepository } from '../../policies/policy.repository.js';
import { ClockLogRepository } from '../../reports/clock-log.repository.js';
import { type Clock, ClockRepository } from '../clock.repository.js';
import { consumedAt } from '../clock-timing.js';
import { BreachPredictor } from './breach-predictor.js';

/** The at-risk milestone: recorded like a threshold so it fires once per clock, whichever instance sees it first. */
export const AT_RISK = 0;

/** Looks ahead on a ticket's running clocks when its queue place, its agent or its elapsed time changes. */
@Injectable()
export class PredictRiskUseCase {
  private readonly predictor: BreachPredictor;

  constructor(
    private readonly clocks: ClockRepository,
    private readonly policies: PolicyRepository,
    private readonly log: ClockLogRepository,
    private readonly outbox: EventOutbox,
    @Inject(SERVICE_CONFIG) config: SlaConfig,
  ) {
    this.predictor = new BreachPredictor(config.predictor);
  }

  async onQueued(queued: TicketQueued, context: HandlerContext): Promise<void> {
    const ticket = await this.clocks.lockTicket(context.manager, queued.ticketId);
    await this.clocks.saveTicket(context.manager, { ...ticket, queuePosition: queued.position });
    await this.assessTicket(context.manager, queued.ticketId);
  }

  async assessTicket(manager: EntityManager, ticketId: string): Promise<void> {
    const now = new Date();
    for (const clock of await this.clocks.live(manager, ticketId)) {
      if (clock.state === 'running') await this.assess(manager, clock, now);
    }
  }

  async assess(manager: EntityManager, clock: Clock, now: Date, known?: BusinessCalendar): Promise<void> {
    const calendar = known ?? (await this.policies.businessCalendar(manager, clock.calendarId));
    const elapsedMs = consumedAt(clock, calendar, now);
    const stats = await this.log.meanHandling(manager, clock.tier, clock.kind);
    const verdict = this.predictor.predict({
      remainingMs: clock.targetMs - elapsedMs,
      elapsedMs,
      targetMs: clock.targetMs,
      queuePosition: clock.agentId ? null : await this.clocks.queuePosition(manager, clock.ticketId),
      agentLoad: clock.agentId ? await this.clocks.agentLoad(manager, clock.agentId) : 0,
      meanHandlingMs: stats.meanMs,
      samples: stats.samples,
    });
    if (!verdict.atRisk || !(await this.clocks.recordMilestone(manager, clock.id, AT_RISK))) return;
    await this.outbox.append(
      manager,
      slaAtRiskEvent,
      {
        ticketId: clock.ticketId,
        clockId: clock.id,
        kind: clock.kind,
        tier: clock.tier,
        dueAt: new Date(clock.dueAt ?? now).toISOString(),
        predictedAt: now.toISOString(),
        remainingMs: Math.round(clock.targetMs - elapsedMs),
        expectedMs: verdict.expectedMs,
        reasons: verdict.reasons,
      },
      { subject: clock.ticketId, correlationId: clock.correlationId, causationId: clock.causeEventId },
    );
  }
}
