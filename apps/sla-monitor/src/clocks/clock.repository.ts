import { Inject, Injectable } from '@nestjs/common';
import type { SlaClockKind, Tier } from '@switchboard/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';

export interface Clock {
  id: string;
  ticketId: string;
  kind: SlaClockKind;
  tier: Tier;
  assignmentVersion: number;
  state: 'running' | 'stopped' | 'breached';
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  met: boolean | null;
  correlationId: string;
  causeEventId: string;
}

export interface SlaTicket {
  ticketId: string;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  routedVersion: number;
}

const CLOCK_COLUMNS = `id, ticket_id AS "ticketId", kind, tier, assignment_version AS "assignmentVersion", state,
  started_at AS "startedAt", due_at AS "dueAt", stopped_at AS "stoppedAt", met,
  correlation_id AS "correlationId", cause_event_id AS "causeEventId"`;

@Injectable()
export class ClockRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = config.database.schema;
  }

  /** Locks (creating if needed) the per-ticket row that serialises everything done to one ticket's clocks. */
  async lockTicket(manager: EntityManager, ticketId: string): Promise<SlaTicket> {
    await manager.query(`INSERT INTO "${this.s}".sla_tickets (ticket_id) VALUES ($1) ON CONFLICT DO NOTHING`, [ticketId]);
    const [row] = await manager.query(
      `SELECT ticket_id AS "ticketId", first_responded_at AS "firstRespondedAt", resolved_at AS "resolvedAt",
              routed_version AS "routedVersion"
         FROM "${this.s}".sla_tickets WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    return row;
  }

  async saveTicket(manager: EntityManager, t: SlaTicket): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".sla_tickets SET first_responded_at = $2, resolved_at = $3, routed_version = $4 WHERE ticket_id = $1`,
      [t.ticketId, t.firstRespondedAt, t.resolvedAt, t.routedVersion],
    );
  }

  async insertClock(manager: EntityManager, c: Omit<Clock, 'stoppedAt' | 'met'>): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".clocks (id, ticket_id, kind, tier, assignment_version, state, started_at, due_at, correlation_id, cause_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [c.id, c.ticketId, c.kind, c.tier, c.assignmentVersion, c.state, c.startedAt, c.dueAt, c.correlationId, c.causeEventId],
    );
  }

  running(manager: EntityManager, ticketId: string, kinds: SlaClockKind[]): Promise<Clock[]> {
    return manager.query(
      `SELECT ${CLOCK_COLUMNS} FROM "${this.s}".clocks WHERE ticket_id = $1 AND state = 'running' AND kind = ANY($2) FOR UPDATE`,
      [ticketId, kinds],
    );
  }

  async stop(manager: EntityManager, clockId: string, at: Date, reason: string, met: boolean): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".clocks SET state = 'stopped', stopped_at = $2, stop_reason = $3, met = $4 WHERE id = $1`,
      [clockId, at, reason, met],
    );
  }

  async lockClock(manager: EntityManager, clockId: string): Promise<Clock | null> {
    const [row] = await manager.query(`SELECT ${CLOCK_COLUMNS} FROM "${this.s}".clocks WHERE id = $1 FOR UPDATE`, [clockId]);
    return row ?? null;
  }

  async markBreached(manager: EntityManager, clockId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE "${this.s}".clocks SET state = 'breached', stopped_at = $2, met = false WHERE id = $1`, [
      clockId,
      at,
    ]);
  }

  /** True only for the first caller: the primary key makes each threshold fire once per clock. */
  async recordMilestone(manager: EntityManager, clockId: string, threshold: number): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".clock_milestones (clock_id, threshold) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING clock_id`,
      [clockId, threshold],
    );
    return rows.length > 0;
  }

  /** Running clocks with the thresholds they have already passed, for re-arming timers from the database. */
  runningWithMilestones(manager: EntityManager): Promise<(Clock & { fired: number[] })[]> {
    return manager.query(
      `SELECT ${CLOCK_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1c.$2')},
              coalesce(array_agg(m.threshold) FILTER (WHERE m.threshold IS NOT NULL), '{}') AS fired
         FROM "${this.s}".clocks c LEFT JOIN "${this.s}".clock_milestones m ON m.clock_id = c.id
        WHERE c.state = 'running' GROUP BY c.id`,
    );
  }

  ofTicket(manager: EntityManager, ticketId: string): Promise<Clock[]> {
    return manager.query(`SELECT ${CLOCK_COLUMNS} FROM "${this.s}".clocks WHERE ticket_id = $1 ORDER BY started_at, kind`, [
      ticketId,
    ]);
  }
}
