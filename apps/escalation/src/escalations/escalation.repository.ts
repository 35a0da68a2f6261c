import { Inject, Injectable } from '@nestjs/common';
import type { EscalationTrigger, HandoffPackage, Tier } from '@switchboard/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { ProjectedClock, TicketProjection, TimelineEntry } from './handoff/handoff-builder.js';

export interface PendingTrigger {
  trigger: EscalationTrigger;
  reason: string;
}

export interface TicketContext {
  ticketId: string;
  tier: Tier | null;
  routedVersion: number;
  customer: TicketProjection['customer'];
  environment: Record<string, unknown>;
  triage: TicketProjection['triage'];
  reopenCount: number;
  pending: PendingTrigger[];
}

const CONTEXT = `ticket_id AS "ticketId", tier, routed_version AS "routedVersion", customer, environment, triage,
  reopen_count AS "reopenCount", pending`;

/** Escalation's tables: its projection of other services' events, its escalations, handoffs and expert directory. */
@Injectable()
export class EscalationRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = config.database.schema;
  }

  /** Locks (creating if needed) the row that serialises every decision about one ticket. */
  async lockContext(manager: EntityManager, ticketId: string): Promise<TicketContext> {
    await manager.query(`INSERT INTO "${this.s}".ticket_context (ticket_id) VALUES ($1) ON CONFLICT DO NOTHING`, [ticketId]);
    const [row] = await manager.query(`SELECT ${CONTEXT} FROM "${this.s}".ticket_context WHERE ticket_id = $1 FOR UPDATE`, [
      ticketId,
    ]);
    return row;
  }

  async saveContext(manager: EntityManager, c: TicketContext): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".ticket_context SET tier = $2, routed_version = $3, customer = $4, environment = $5, triage = $6,
              reopen_count = $7, pending = $8 WHERE ticket_id = $1`,
      [
        c.ticketId,
        c.tier,
        c.routedVersion,
        c.customer ? JSON.stringify(c.customer) : null,
        JSON.stringify(c.environment ?? {}),
        c.triage ? JSON.stringify(c.triage) : null,
        c.reopenCount,
        JSON.stringify(c.pending ?? []),
      ],
    );
  }

  async appendTimeline(manager: EntityManager, eventId: string, ticketId: string, entry: TimelineEntry): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".ticket_timeline (event_id, ticket_id, kind, at, payload) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [eventId, ticketId, entry.kind, entry.at, JSON.stringify(entry.payload)],
    );
  }

  timeline(manager: EntityManager, ticketId: string, kinds?: string[]): Promise<TimelineEntry[]> {
    return manager.query(
      `SELECT kind, at, payload FROM "${this.s}".ticket_timeline WHERE ticket_id = $1 AND ($2::text[] IS NULL OR kind = ANY($2))
        ORDER BY at, event_id`,
      [ticketId, kinds ?? null],
    );
  }

  async upsertClock(manager: EntityManager, ticketId: string, c: Partial<ProjectedClock> & { clockId: string }, at: Date) {
    await manager.query(
      `INSERT INTO "${this.s}".ticket_clocks AS t (clock_id, ticket_id, kind, tier, state, due_at, remaining_ms, last_warning, updated_at)
       VALUES ($1, $2, coalesce($3, '?'), coalesce($4, '?'), coalesce($5, 'running'), $6, $7, $8, $9)
       ON CONFLICT (clock_id) DO UPDATE SET
         kind = CASE WHEN $3::text IS NULL THEN t.kind ELSE $3 END,
         tier = CASE WHEN $4::text IS NULL THEN t.tier ELSE $4 END,
         state = CASE WHEN $5::text IS NULL OR t.state IN ('stopped', 'breached') THEN t.state ELSE $5 END,
         due_at = CASE WHEN $10 THEN $6 ELSE t.due_at END,
         remaining_ms = coalesce($7, t.remaining_ms),
         last_warning = greatest(t.last_warning, $8),
         updated_at = $9`,
      [
        c.clockId,
        ticketId,
        c.kind ?? null,
        c.tier ?? null,
        c.state ?? null,
        c.dueAt ?? null,
        c.remainingMs ?? null,
        c.lastWarning ?? null,
        at,
        'dueAt' in c,
      ],
    );
  }

  clocks(manager: EntityManager, ticketId: string): Promise<ProjectedClock[]> {
    return manager.query(
      `SELECT clock_id AS "clockId", kind, tier, state, due_at AS "dueAt", remaining_ms::float8 AS "remainingMs",
              last_warning AS "lastWarning"
         FROM "${this.s}".ticket_clocks WHERE ticket_id = $1 ORDER BY updated_at`,
      [ticketId],
    );
  }

  async hasEscalated(manager: EntityManager, ticketId: string, trigger: EscalationTrigger): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM "${this.s}".escalations WHERE ticket_id = $1 AND trigger = $2 LIMIT 1`, [
      ticketId,
      trigger,
    ]);
    return rows.length > 0;
  }

  /** False when this trigger already moved the ticket out of this tier. */
  async insertEscalation(
    manager: EntityManager,
    e: {
      id: string;
      ticketId: string;
      fromTier: Tier;
      toTier: Tier;
      trigger: EscalationTrigger;
      reason: string;
      causeEventId: string;
      handoffId: string;
    },
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".escalations (id, ticket_id, from_tier, to_tier, trigger, reason, cause_event_id, handoff_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (ticket_id, from_tier, trigger) DO NOTHING RETURNING id`,
      [e.id, e.ticketId, e.fromTier, e.toTier, e.trigger, e.reason, e.causeEventId, e.handoffId],
    );
    return rows.length > 0;
  }

  async insertHandoff(manager: EntityManager, pkg: HandoffPackage): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".handoffs (id, escalation_id, ticket_id, schema_version, package, prepared_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [pkg.handoffId, pkg.escalationId, pkg.ticketId, pkg.schemaVersion, JSON.stringify(pkg), pkg.preparedAt],
    );
  }

  async latestHandoff(manager: EntityManager, by: { ticketId?: string; escalationId?: string }): Promise<HandoffPackage | null> {
    const [row] = await manager.query(
      `SELECT package FROM "${this.s}".handoffs WHERE ($1::uuid IS NULL OR ticket_id = $1) AND ($2::uuid IS NULL OR escalation_id = $2)
        ORDER BY prepared_at DESC LIMIT 1`,
      [by.ticketId ?? null, by.escalationId ?? null],
    );
    return row?.package ?? null;
  }

  async insertDeEscalation(
    manager: EntityManager,
    d: { id: string; ticketId: string; fromTier: Tier; toTier: Tier; reason: string; requestedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".de_escalations (id, ticket_id, from_tier, to_tier, reason, requested_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [d.id, d.ticketId, d.fromTier, d.toTier, d.reason, d.requestedBy],
    );
  }

  async expertsFor(manager: EntityManager, skill: string): Promise<string[]> {
    const rows: { expertId: string }[] = await manager.query(
      `SELECT expert_id AS "expertId" FROM "${this.s}".experts WHERE skill = $1 ORDER BY expert_id`,
      [skill],
    );
    return rows.map((r) => r.expertId);
  }

  async setExperts(manager: EntityManager, skill: string, experts: string[]): Promise<void> {
    await manager.query(`DELETE FROM "${this.s}".experts WHERE skill = $1`, [skill]);
    for (const id of experts)
      await manager.query(`INSERT INTO "${this.s}".experts (skill, expert_id) VALUES ($1, $2)`, [skill, id]);
  }

  async directory(manager: EntityManager): Promise<{ skill: string; experts: string[] }[]> {
    return manager.query(
      `SELECT skill, array_agg(expert_id ORDER BY expert_id) AS experts FROM "${this.s}".experts GROUP BY skill ORDER BY skill`,
    );
  }
}
