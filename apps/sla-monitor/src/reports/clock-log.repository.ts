import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../clocks/clock.repository.js';

export type ClockLogEvent = 'started' | 'paused' | 'resumed' | 'rescheduled' | 'stopped' | 'breached';

/** Stops that say nothing about attainment: the clock moved to another tier, or the ticket into another ticket. */
const NOT_AN_OUTCOME = ['rerouted', 'merged'];

@Injectable()
export class ClockLogRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = config.database.schema;
  }

  /** Appends a transition; an outcome (stop or breach) is folded into the report tables in the same transaction. */
  async append(
    manager: EntityManager,
    clock: Clock,
    event: ClockLogEvent,
    at: Date,
    extra: { reason?: string; met?: boolean } = {},
  ): Promise<void> {
    const [row] = await manager.query(
      `INSERT INTO "${this.s}".clock_log (clock_id, ticket_id, kind, tier, policy_id, event, reason, at, started_at, met)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq`,
      [
        clock.id,
        clock.ticketId,
        clock.kind,
        clock.tier,
        clock.policyId,
        event,
        extra.reason ?? null,
        at,
        clock.startedAt,
        extra.met ?? null,
      ],
    );
    if (event === 'stopped' || event === 'breached') await this.fold(manager, `l.seq = ${Number(row.seq)}`);
  }

  /** Recomputes every report table from the log alone; the result must equal the incrementally kept one. */
  async rebuild(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE "${this.s}".sla_attainment_daily, "${this.s}".handling_stats IN EXCLUSIVE MODE`);
    await manager.query(`DELETE FROM "${this.s}".sla_attainment_daily`);
    await manager.query(`DELETE FROM "${this.s}".handling_stats`);
    await this.fold(manager, 'true');
  }

  /** One fold for both paths, so incremental and rebuilt numbers cannot drift apart. */
  private async fold(manager: EntityManager, filter: string): Promise<void> {
    const outcomes = `FROM "${this.s}".clock_log l WHERE ${filter} AND l.event IN ('stopped', 'breached')
        AND coalesce(l.reason, '') <> ALL($1)`;
    await manager.query(
      `INSERT INTO "${this.s}".sla_attainment_daily AS a (day, tier, policy_id, policy_key, kind, clocks, met, breached, elapsed_ms)
       SELECT (l.at AT TIME ZONE 'UTC')::date, l.tier, l.policy_id, coalesce(l.policy_id::text, 'sop'), l.kind, count(*),
              count(*) FILTER (WHERE l.met), count(*) FILTER (WHERE l.event = 'breached'),
              sum(round(extract(epoch FROM l.at - l.started_at) * 1000))::bigint
         ${outcomes} GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (day, tier, policy_key, kind) DO UPDATE SET clocks = a.clocks + excluded.clocks, met = a.met + excluded.met,
              breached = a.breached + excluded.breached, elapsed_ms = a.elapsed_ms + excluded.elapsed_ms`,
      [NOT_AN_OUTCOME],
    );
    // Handling times come from clocks the agent actually stopped (answered or resolved).
    await manager.query(
      `INSERT INTO "${this.s}".handling_stats AS h (tier, kind, samples, total_ms)
       SELECT l.tier, l.kind, count(*), sum(extract(epoch FROM l.at - l.started_at) * 1000)
         ${outcomes} AND l.event = 'stopped' AND l.reason IN ('responded', 'resolved', 'closed') GROUP BY 1, 2
       ON CONFLICT (tier, kind) DO UPDATE SET samples = h.samples + excluded.samples, total_ms = h.total_ms + excluded.total_ms`,
      [NOT_AN_OUTCOME],
    );
  }

  async meanHandling(manager: EntityManager, tier: string, kind: string): Promise<{ samples: number; meanMs: number | null }> {
    const [row] = await manager.query(
      `SELECT samples, total_ms / nullif(samples, 0) AS mean FROM "${this.s}".handling_stats WHERE tier = $1 AND kind = $2`,
      [tier, kind],
    );
    return { samples: row?.samples ?? 0, meanMs: row?.mean ?? null };
  }
}
