import { Injectable } from '@nestjs/common';
import { slaBreachedEvent, slaWarningEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { DataSource } from 'typeorm';
import { ClockRepository } from '../clock.repository.js';
import { BREACH, type SlaTimerJob } from '../sla-timers.js';

/**
 * An alarm went off. The warning or breach is emitted only if the clock still runs and this
 * threshold has not fired before, so redelivered or duplicate alarms change nothing.
 */
@Injectable()
export class FireThresholdUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(job: SlaTimerJob): Promise<'fired' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const clock = await this.clocks.lockClock(manager, job.clockId);
      if (!clock || clock.state !== 'running') return 'skipped';
      if (!(await this.clocks.recordMilestone(manager, clock.id, job.threshold))) return 'skipped';
      const meta = { subject: clock.ticketId, correlationId: clock.correlationId, causationId: clock.causeEventId };
      const base = {
        ticketId: clock.ticketId,
        clockId: clock.id,
        kind: clock.kind,
        tier: clock.tier,
        dueAt: new Date(clock.dueAt).toISOString(),
      };
      if (job.threshold === BREACH) {
        const now = new Date();
        await this.clocks.markBreached(manager, clock.id, now);
        await this.outbox.append(manager, slaBreachedEvent, { ...base, breachedAt: now.toISOString() }, meta);
      } else {
        await this.outbox.append(manager, slaWarningEvent, { ...base, thresholdPercent: job.threshold }, meta);
      }
      return 'fired';
    });
  }
}
