import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BusinessCalendar } from '../../calendars/business-calendar.js';
import { PolicyRepository } from '../../policies/policy.repository.js';
import { ClockRepository } from '../clock.repository.js';
import { SlaTimers } from '../sla-timers.js';

/** Rebuilds Redis alarms from PostgreSQL: after a restart, a Redis flush, or a crash before arming. */
@Injectable()
export class RearmTimersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
    private readonly policies: PolicyRepository,
    private readonly timers: SlaTimers,
  ) {}

  /** Pages through running clocks by id so 100,000 clocks never sit in memory at once. */
  async execute(): Promise<number> {
    const calendars = await this.policies.allBusinessCalendars(this.dataSource.manager);
    let after: string | undefined;
    let armed = 0;
    for (;;) {
      const page = await this.clocks.runningWithMilestones(this.dataSource.manager, after);
      if (page.length === 0) return armed;
      const jobs = page.flatMap((clock) =>
        this.timers.plan(clock, calendars.get(clock.calendarId) ?? BusinessCalendar.always(), clock.fired.map(Number)),
      );
      await this.timers.armMissing(jobs);
      armed += page.length;
      after = page[page.length - 1].id;
    }
  }
}
