import { Inject, Injectable } from '@nestjs/common';
import type { SlaClockKind, Tier } from '@switchboard/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { TimedClock } from './clock-timing.js';

export type ClockState = 'running' | 'paused' | 'stopped' | 'breached';

export interface Clock extends TimedClock {
  id: string;
  ticketId: string;
  kind: SlaClockKind;
  tier: Tier;
  assignmentVersion: number;
  state: ClockState;
  startedAt: Date;
  dueAt: Date | null;
  stoppedAt: Date | null;
  met: boolean | null;
  correlationId: string;
  causeEventId: string;
  policyId: string | null;
  calendarId: string;
  generation: number;
  agentId: string | null;
}

export interface SlaTicket {
  ticketId: string;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  routedVersion: number;
  serviceLevel: string | null;
  tier: Tier | null;
  agentId: string | null;
  queuePosition: number | null;
  waiting: boolean;
  reopenCount: number;
}

export const LIVE: ClockState[] = ['running', 'paused'];
export const ALL_KINDS: SlaClockKind[] = ['first_response', 'next_response', 'resolution'];

const CLOCK_COLUMNS = `id, ticket_id AS "ticketId", kind, tier, assignment_version AS "assignmentVersion", state,
  started_at AS "startedAt", due_at AS "dueAt", stopped_at AS "stoppedAt", met,
  correlation_id AS "correlationId", cause_event_id AS "causeEventId", policy_id AS "policyId",
  calendar_id AS "calendarId", target_ms::float8 AS "targetMs", consumed_ms::float8 AS "consumedMs",
  segment_started_at AS "segmentStartedAt", generation, agent_id AS "agentId"`;

const TICKET_COLUMNS = `ticket_id AS "ticketId", first_responded_at AS "firstRespondedAt", resolved_at AS "resolvedAt",
  routed_version AS "routedVersion", service_level AS "serviceLevel", tier, agent_id AS "agentId",
  queue_position AS "queuePosition", waiting, reopen_count AS "reopenCount"`;

/** The clock columns for a query that joins other tables under the alias `c`. */
export const clockColumnsOf = (alias: string) => CLOCK_COLUMNS.replace(/(^|,\s*)(\w+)/g, `$1${alias}.$2`);

@Injectable()
export class ClockRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = config.database.schema;
  }

  /** Locks (creating if needed) the per-ticket row that serialises everything done to one ticket's clocks. */
  async lockTicket(manager: EntityManager, ticketId: string): Promise<SlaTicket> {
    await manager.query(`INSERT INTO "${this.s}".sla_tickets (ticket_id) VALUES ($1) ON CONFLICT DO NOTHING`, [ticketId]);
    const [row] = await manager.query(`SELECT ${TICKET_COLUMNS} FROM "${this.s}".sla_tickets WHERE ticket_id = $1 FOR UPDATE`, [
      ticketId,
    ]);
    return row;
  }

  async saveTicket(manager: EntityManager, t: SlaTicket): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".sla_tickets SET first_responded_at = $2, resolved_at = $3, routed_version = $4, service_level = $5,
              tier = $6, agent_id = $7, queue_position = $8, waiting = $9, reopen_count = $10
        WHERE ticket_id = $1`,
      [
        t.ticketId,
        t.firstRespondedAt,
        t.resolvedAt,
        t.routedVersion,
        t.serviceLevel,
        t.tier,
        t.agentId,
        t.queuePosition,
        t.waiting,
        t.reopenCount,
      ],
    );
  }

  async insertClock(manager: EntityManager, c: Omit<Clock, 'stoppedAt' | 'met'>): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".clocks (id, ticket_id, kind, tier, assignment_version, state, started_at, due_at, correlation_id,
         cause_event_id, policy_id, calendar_id, target_ms, consumed_ms, segment_started_at, generation, agent_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        c.id,
        c.ticketId,
        c.kind,
        c.tier,
        c.assignmentVersion,
        c.state,
        c.startedAt,
        c.dueAt,
        c.correlationId,
        c.causeEventId,
        c.policyId,
        c.calendarId,
        Math.round(c.targetMs),
        Math.round(c.consumedMs),
        c.segmentStartedAt,
        c.generation,
        c.agentId,
      ],
    );
  }

  /** Writes back what changes while a clock lives: state, timing, policy and generation. */
  async updateClock(manager: EntityManager, c: Clock): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".clocks SET state = $2, due_at = $3, policy_id = $4, calendar_id = $5, target_ms = $6, consumed_ms = $7,
              segment_started_at = $8, generation = $9, agent_id = $10
        WHERE id = $1`,
      [
        c.id,
        c.state,
        c.dueAt,
        c.policyId,
        c.calendarId,
        Math.round(c.targetMs),
        Math.round(c.consumedMs),
        c.segmentStartedAt,
        c.generation,
        c.agentId,
      ],
    );
  }

  live(manager: EntityManager, ticketId: string, kinds: SlaClockKind[] = ALL_KINDS): Promise<Clock[]> {
    return manager.query(
      `SELECT ${CLOCK_COLUMNS} FROM "${this.s}".clocks WHERE ticket_id = $1 AND state = ANY($2) AND kind = ANY($3)
        ORDER BY started_at, kind FOR UPDATE`,
      [ticketId, LIVE, kinds],
    );
  }

  async finish(manager: EntityManager, c: Clock, at: Date, state: 'stopped' | 'breached', reason: string, met: boolean) {
    await manager.query(
      `UPDATE "${this.s}".clocks SET state = $2, stopped_at = $3, stop_reason = $4, met = $5, consumed_ms = $6,
              segment_started_at = NULL WHERE id = $1`,
      [c.id, state, at, reason, met, Math.round(c.consumedMs)],
    );
  }

  async lockClock(manager: EntityManager, clockId: string): Promise<Clock | null> {
    const [row] = await manager.query(`SELECT ${CLOCK_COLUMNS} FROM "${this.s}".clocks WHERE id = $1 FOR UPDATE`, [clockId]);
    return row ?? null;
  }

  /** True only for the first caller: the primary key makes each threshold fire once per clock. */
  async recordMilestone(manager: EntityManager, clockId: string, threshold: number): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".clock_milestones (clock_id, threshold) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING clock_id`,
      [clockId, threshold],
    );
    return rows.length > 0;
  }

  async milestonesOf(manager: EntityManager, clockId: string): Promise<number[]> {
    const rows: { threshold: number }[] = await manager.query(
      `SELECT threshold FROM "${this.s}".clock_milestones WHERE clock_id = $1`,
      [clockId],
    );
    return rows.map((r) => r.threshold);
  }

  /** Running clocks with the thresholds they have already passed, for re-arming timers from the database. */
  runningWithMilestones(manager: EntityManager, afterId = '00000000-0000-0000-0000-000000000000', limit = 5000) {
    return manager.query(
      `SELECT ${clockColumnsOf('c')},
              coalesce(array_agg(m.threshold) FILTER (WHERE m.threshold IS NOT NULL), '{}') AS fired
         FROM "${this.s}".clocks c LEFT JOIN "${this.s}".clock_milestones m ON m.clock_id = c.id
        WHERE c.state = 'running' AND c.id > $1 GROUP BY c.id ORDER BY c.id LIMIT $2`,
      [afterId, limit],
    ) as Promise<(Clock & { fired: number[] })[]>;
  }

  /** Live clocks governed by a policy or a calendar, for recomputing after either changes. */
  liveTicketsOf(manager: EntityManager, by: { policyId?: string; calendarId?: string }): Promise<string[]> {
    return manager
      .query(
        `SELECT DISTINCT ticket_id AS "ticketId" FROM "${this.s}".clocks
          WHERE state = ANY($1) AND (policy_id = $2 OR calendar_id = $3)`,
        [LIVE, by.policyId ?? null, by.calendarId ?? null],
      )
      .then((rows: { ticketId: string }[]) => rows.map((r) => r.ticketId));
  }

  /** Running clocks per agent, the agent's current load as sla-monitor sees it. */
  async agentLoad(manager: EntityManager, agentId: string): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM "${this.s}".clocks WHERE agent_id = $1 AND kind = 'resolution' AND state = ANY($2)`,
      [agentId, LIVE],
    );
    return row.n;
  }

  async queuePosition(manager: EntityManager, ticketId: string): Promise<number | null> {
    const [row] = await manager.query(`SELECT queue_position AS p FROM "${this.s}".sla_tickets WHERE ticket_id = $1`, [ticketId]);
    return row?.p ?? null;
  }

  ofTicket(manager: EntityManager, ticketId: string): Promise<Clock[]> {
    return manager.query(`SELECT ${CLOCK_COLUMNS} FROM "${this.s}".clocks WHERE ticket_id = $1 ORDER BY started_at, kind`, [
      ticketId,
    ]);
  }
}
