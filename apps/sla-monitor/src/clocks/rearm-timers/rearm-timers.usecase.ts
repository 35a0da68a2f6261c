import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClockRepository } from '../clock.repository.js';
import { SlaTimers } from '../sla-timers.js';

/** Rebuilds Redis alarms from PostgreSQL: after a restart, a Redis flush, or a crash before arming. */
@Injectable()
export class RearmTimersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
    private readonly timers: SlaTimers,
  ) {}

  async execute(): Promise<number> {
    const running = await this.clocks.runningWithMilestones(this.dataSource.manager);
    for (const clock of running) await this.timers.arm(clock, clock.fired.map(Number));
    return running.length;
  }
}
