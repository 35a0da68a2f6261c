import { Inject, Injectable } from '@nestjs/common';
import type { Tier } from '@switchboard/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { Schedule } from '../agents/availability.js';
import type { Candidate } from './candidate-scoring.js';

export interface TriageSummary {
  urgency: string;
  category: string;
  complexity: string;
  component: string;
  confidence: number;
}

export type RouteState = 'open' | 'queued' | 'closed';

export interface TicketRoute {
  ticketId: string;
  tier: Tier;
  agentId: string | null;
  version: number;
  state: RouteState;
  triage: TriageSummary;
  serviceLevel: string;
  channel: string | null;
  language: string | null;
  priority: number;
  queuedAt: Date | null;
  queueRank: number | null;
  firstRespondedAt: Date | null;
  correlationId: string | null;
}

export interface AssignmentRecord {
  ticketId: string;
  version: number;
  tier: Tier;
  agentId: string | null;
  score: number;
  confidence: number;
  rationale: string[];
  reason: string;
  supervisorId?: string;
}

export type CandidateWithSchedule = Candidate & Schedule;

const ROUTE_COLUMNS = `ticket_id AS "ticketId", tier, agent_id AS "agentId", version, state, triage,
  service_level AS "serviceLevel", channel, language, priority, queued_at AS "queuedAt", queue_rank AS "queueRank",
  first_responded_at AS "firstRespondedAt", correlation_id AS "correlationId"`;

// Per-channel counts are only worth a look-up for agents that have per-channel limits.
const CANDIDATE_COLUMNS = `a.id, a.name, a.tier, a.skills, a.languages, a.capacity, a.open_tickets AS "openTickets",
  a.channel_capacity AS "channelCapacity", a.last_assigned_at AS "lastAssignedAt", a.timezone,
  a.working_hours AS "workingHours", a.shifts,
  CASE WHEN a.channel_capacity = '{}'::jsonb THEN '{}'::jsonb ELSE coalesce((SELECT jsonb_object_agg(c.channel, c.n) FROM (
     SELECT channel, count(*) AS n FROM "%s".ticket_routes r
      WHERE r.agent_id = a.id AND r.state = 'open' AND r.channel IS NOT NULL GROUP BY channel) c), '{}') END AS "openByChannel"`;

/** Every read and write of routing's tables; the guarantees live in the SQL comments below. */
@Injectable()
export class AssignmentRepository {
  private readonly s: string;
  private readonly candidateColumns: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.s = config.database.schema;
    this.candidateColumns = CANDIDATE_COLUMNS.replace('%s', this.s);
  }

  /** Online agents covering a tier with room left, unlocked: scoring happens before any lock is taken. */
  candidates(manager: EntityManager, tier: Tier): Promise<CandidateWithSchedule[]> {
    return manager.query(
      `SELECT ${this.candidateColumns} FROM "${this.s}".agents a
        WHERE $1 = ANY(a.tiers) AND a.status = 'online' AND a.deleted_at IS NULL AND a.open_tickets < a.capacity`,
      [tier],
    );
  }

  /**
   * Locks one agent row and re-reads its load. Any other router assigning to this agent needs the
   * same lock, so the room seen here still holds when the claim below commits.
   */
  async lockCandidate(manager: EntityManager, agentId: string): Promise<CandidateWithSchedule | null> {
    await manager.query(`SELECT 1 FROM "${this.s}".agents WHERE id = $1 FOR UPDATE`, [agentId]);
    const [row] = await manager.query(
      `SELECT ${this.candidateColumns} FROM "${this.s}".agents a
        WHERE a.id = $1 AND a.status = 'online' AND a.deleted_at IS NULL`,
      [agentId],
    );
    return row ?? null;
  }

  /** The CHECK (open_tickets <= capacity) constraint rejects this if anything above was wrong. */
  async claim(manager: EntityManager, agentId: string): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".agents SET open_tickets = open_tickets + 1, last_assigned_at = clock_timestamp() WHERE id = $1`,
      [agentId],
    );
  }

  async release(manager: EntityManager, agentId: string): Promise<void> {
    await manager.query(`UPDATE "${this.s}".agents SET open_tickets = open_tickets - 1 WHERE id = $1 AND open_tickets > 0`, [
      agentId,
    ]);
  }

  /** Returns false when the ticket already has a route: a second triage of one ticket is ignored. */
  async createRoute(manager: EntityManager, r: TicketRoute): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".ticket_routes
         (ticket_id, tier, agent_id, version, state, triage, service_level, channel, language, priority, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [
        r.ticketId,
        r.tier,
        r.agentId,
        r.version,
        r.state,
        JSON.stringify(r.triage),
        r.serviceLevel,
        r.channel,
        r.language,
        r.priority,
        r.correlationId,
      ],
    );
    return rows.length > 0;
  }

  async lockRoute(manager: EntityManager, ticketId: string): Promise<TicketRoute | null> {
    const [row] = await manager.query(`SELECT ${ROUTE_COLUMNS} FROM "${this.s}".ticket_routes WHERE ticket_id = $1 FOR UPDATE`, [
      ticketId,
    ]);
    return row ?? null;
  }

  async updateRoute(manager: EntityManager, r: TicketRoute): Promise<void> {
    await manager.query(
      `UPDATE "${this.s}".ticket_routes SET tier = $2, agent_id = $3, version = $4, state = $5, queued_at = $6,
         queue_rank = $7, first_responded_at = $8, updated_at = now() WHERE ticket_id = $1`,
      [r.ticketId, r.tier, r.agentId, r.version, r.state, r.queuedAt, r.queueRank, r.firstRespondedAt],
    );
  }

  /**
   * The best-ranked waiting tickets of a tier, locked; SKIP LOCKED lets parallel routers drain
   * different tickets. More than one, so a ticket whose channel is full does not block the rest.
   */
  lockNextQueued(manager: EntityManager, tier: Tier, limit: number): Promise<TicketRoute[]> {
    return manager.query(
      `SELECT ${ROUTE_COLUMNS} FROM "${this.s}".ticket_routes
        WHERE state = 'queued' AND tier = $1 ORDER BY queue_rank DESC, queued_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [tier, limit],
    );
  }

  async queuePosition(manager: EntityManager, r: Pick<TicketRoute, 'tier' | 'queueRank' | 'queuedAt'>): Promise<number> {
    const [{ ahead }] = await manager.query(
      `SELECT count(*)::int AS ahead FROM "${this.s}".ticket_routes
        WHERE state = 'queued' AND tier = $1 AND (queue_rank > $2 OR (queue_rank = $2 AND queued_at < $3))`,
      [r.tier, r.queueRank, r.queuedAt],
    );
    return ahead + 1;
  }

  queue(manager: EntityManager, tier: Tier | undefined, limit: number) {
    return manager.query(
      `SELECT ticket_id AS "ticketId", tier, priority, queued_at AS "queuedAt",
              row_number() OVER (PARTITION BY tier ORDER BY queue_rank DESC, queued_at)::int AS position
         FROM "${this.s}".ticket_routes WHERE state = 'queued' AND ($1::text IS NULL OR tier = $1)
        ORDER BY tier, position LIMIT $2`,
      [tier ?? null, limit],
    );
  }

  /** Open tickets of an agent that nobody has answered yet: the ones rebalancing may move. */
  async unansweredOpenRoutes(manager: EntityManager, agentId: string): Promise<string[]> {
    const rows = await manager.query(
      `SELECT ticket_id AS "ticketId" FROM "${this.s}".ticket_routes
        WHERE agent_id = $1 AND state = 'open' AND first_responded_at IS NULL ORDER BY ticket_id`,
      [agentId],
    );
    return rows.map((r: { ticketId: string }) => r.ticketId);
  }

  async queuedTiers(manager: EntityManager): Promise<Tier[]> {
    const rows = await manager.query(`SELECT DISTINCT tier FROM "${this.s}".ticket_routes WHERE state = 'queued'`);
    return rows.map((r: { tier: Tier }) => r.tier);
  }

  async recordAssignment(manager: EntityManager, a: AssignmentRecord): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".assignments (ticket_id, version, tier, agent_id, score, confidence, rationale, reason, supervisor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.ticketId,
        a.version,
        a.tier,
        a.agentId,
        a.score,
        a.confidence,
        JSON.stringify(a.rationale),
        a.reason,
        a.supervisorId ?? null,
      ],
    );
  }

  async markOverridden(manager: EntityManager, ticketId: string, version: number): Promise<void> {
    await manager.query(`UPDATE "${this.s}".assignments SET overridden = true WHERE ticket_id = $1 AND version = $2`, [
      ticketId,
      version,
    ]);
  }

  assignmentsOf(manager: EntityManager, ticketId: string): Promise<AssignmentRecord[]> {
    return manager.query(
      `SELECT ticket_id AS "ticketId", version, tier, agent_id AS "agentId", score, confidence, rationale, reason,
              overridden, supervisor_id AS "supervisorId", created_at AS "createdAt"
         FROM "${this.s}".assignments WHERE ticket_id = $1 ORDER BY version`,
      [ticketId],
    );
  }

  /** Automatic decisions that placed a ticket with an agent, and how many a supervisor overrode. */
  async accuracy(
    manager: EntityManager,
    since: Date | null,
    until: Date | null,
  ): Promise<{ decisions: number; overridden: number }> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS decisions, count(*) FILTER (WHERE overridden)::int AS overridden
         FROM "${this.s}".assignments
        WHERE reason <> 'override' AND agent_id IS NOT NULL
          AND ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)`,
      [since, until],
    );
    return row;
  }
}
