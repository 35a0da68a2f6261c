import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { ClockLogRepository } from './clock-log.repository.js';
import type { ReportQuery } from './report.query.js';

export interface AttainmentRow {
  period: string;
  tier: string;
  policyId: string | null;
  kind: string;
  clocks: number;
  met: number;
  breached: number;
  attainmentPercent: number;
}

/** Reads of the report tables and the clock log; `rebuild` recomputes the tables from the log alone. */
@Injectable()
export class SlaReportsUseCase {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: ClockLogRepository,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.s = config.database.schema;
  }

  attainment(q: ReportQuery): Promise<AttainmentRow[]> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc($3, day), 'YYYY-MM-DD') AS period, tier, policy_id AS "policyId", kind,
              sum(clocks)::int AS clocks, sum(met)::int AS met, sum(breached)::int AS breached,
              round(100.0 * sum(met) / nullif(sum(clocks), 0), 2)::float8 AS "attainmentPercent"
         FROM "${this.s}".sla_attainment_daily
        WHERE day >= $1::date AND day < $2::date AND ($4::text IS NULL OR tier = $4)
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3`,
      [q.from, q.to, q.period, q.tier ?? null],
    );
  }

  breaches(q: ReportQuery) {
    return this.dataSource.query(
      `SELECT clock_id AS "clockId", ticket_id AS "ticketId", kind, tier, policy_id AS "policyId", started_at AS "startedAt",
              at AS "breachedAt"
         FROM "${this.s}".clock_log
        WHERE event = 'breached' AND at >= $1::date AND at < $2::date AND ($3::text IS NULL OR tier = $3)
        ORDER BY at`,
      [q.from, q.to, q.tier ?? null],
    );
  }

  /** Mean time to first response and to resolution per tier, in wall-clock milliseconds. */
  responseTimes(q: ReportQuery) {
    return this.dataSource.query(
      `SELECT tier,
              round(avg(extract(epoch FROM at - started_at) * 1000) FILTER (WHERE kind = 'first_response'))::float8 AS "meanTimeToFirstResponseMs",
              count(*) FILTER (WHERE kind = 'first_response')::int AS "firstResponses",
              round(avg(extract(epoch FROM at - started_at) * 1000) FILTER (WHERE kind = 'resolution'))::float8 AS "meanTimeToResolutionMs",
              count(*) FILTER (WHERE kind = 'resolution')::int AS "resolutions"
         FROM "${this.s}".clock_log
        WHERE event = 'stopped' AND at >= $1::date AND at < $2::date AND ($3::text IS NULL OR tier = $3)
          AND ((kind = 'first_response' AND reason = 'responded') OR (kind = 'resolution' AND reason IN ('resolved', 'closed')))
        GROUP BY tier ORDER BY tier`,
      [q.from, q.to, q.tier ?? null],
    );
  }

  async rebuild(): Promise<{ rebuilt: true; rows: number }> {
    await this.dataSource.transaction((manager) => this.log.rebuild(manager));
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${this.s}".sla_attainment_daily`);
    return { rebuilt: true, rows: row.n };
  }
}
