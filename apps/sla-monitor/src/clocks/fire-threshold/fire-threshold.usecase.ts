import { Inject, Injectable } from '@nestjs/common';
import { slaBreachedEvent, slaWarningEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import type { SlaConfig } from '../../config.js';
import { ClockLogRepository } from '../../reports/clock-log.repository.js';
import { ClockRepository } from '../clock.repository.js';
import { BREACH, SlaTimers, type SlaTimerJob } from '../sla-timers.js';
import { PolicyRepository } from '../../policies/policy.repository.js';
import { AT_RISK, PredictRiskUseCase } from '../predict-risk/predict-risk.usecase.js';

/**
 * An alarm went off. The warning or breach is emitted only if the clock still runs, the alarm
 * belongs to the clock's current timing (not to one before a pause or policy change) and this
 * threshold has not fired before, so redelivered, stale or duplicate alarms change nothing.
 * Alarms re-armed late (after a restart) all fall due at once and may run in any order, so each
 * one first fires the lower thresholds still missing: warnings always precede the breach.
 */
@Injectable()
export class FireThresholdUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
    private readonly log: ClockLogRepository,
    private readonly outbox: EventOutbox,
    private readonly risk: PredictRiskUseCase,
    private readonly timers: SlaTimers,
    private readonly policies: PolicyRepository,
    @Inject(SERVICE_CONFIG) private readonly config: SlaConfig,
  ) {}

  async execute(job: SlaTimerJob): Promise<'fired' | 'skipped'> {
    let armNext: (() => Promise<void>) | undefined;
    const result = await this.dataSource.transaction(async (manager): Promise<'fired' | 'skipped'> => {
      const clock = await this.clocks.lockClock(manager, job.clockId);
      if (!clock || clock.state !== 'running' || (job.generation ?? 0) !== clock.generation) return 'skipped';
      const fired = await this.clocks.milestonesOf(manager, clock.id);
      if (fired.includes(job.threshold)) return 'skipped';
      const meta = { subject: clock.ticketId, correlationId: clock.correlationId, causationId: clock.causeEventId };
      const base = {
        ticketId: clock.ticketId,
        clockId: clock.id,
        kind: clock.kind,
        tier: clock.tier,
        dueAt: new Date(clock.dueAt ?? Date.now()).toISOString(),
      };
      const due = [...this.config.warningThresholds, BREACH]
        .filter((t) => t <= job.threshold && !fired.includes(t))
        .sort((a, b) => a - b);
      for (const threshold of due) {
        // The clock row lock serialises instances; the primary key stays the last guard against a double fire.
        if (!(await this.clocks.recordMilestone(manager, clock.id, threshold))) continue;
        if (threshold === BREACH) {
          const now = new Date();
          await this.clocks.finish(manager, clock, now, 'breached', 'breached', false);
          await this.log.append(manager, clock, 'breached', now, { reason: 'breached', met: false });
          await this.outbox.append(manager, slaBreachedEvent, { ...base, breachedAt: now.toISOString() }, meta);
        } else {
          await this.outbox.append(manager, slaWarningEvent, { ...base, thresholdPercent: threshold }, meta);
        }
      }
      if (job.threshold !== BREACH) {
        const calendar = await this.policies.businessCalendar(manager, clock.calendarId);
        // Each warning is also a moment to look ahead, until the clock has been called at risk once.
        if (!fired.includes(AT_RISK)) await this.risk.assess(manager, clock, new Date(), calendar);
        const done = [...fired, ...due];
        armNext = () => this.timers.arm(clock, calendar, done);
      }
      return 'fired';
    });
    // A crash before this line leaves the next alarm to the reconciler, which re-arms it from the database.
    await armNext?.();
    return result;
  }
}
