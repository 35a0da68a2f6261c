import { Inject, Injectable } from '@nestjs/common';
import type { Tier } from '@switchboard/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { TriageSummary } from './tier-policy.js';

export interface ClaimedAgent {
  id: string;
  name: string;
  openTickets: number;
  capacity: number;
}

export interface TicketRoute {
  ticketId: string;
  tier: Tier;
  agentId: string | null;
  version: number;
  state: 'open' | 'closed';
  triage: TriageSummary & { confidence: number };
  serviceLevel: string;
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
}

@Injectable()
export class AssignmentRepository {
  private readonly schema: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.schema = config.database.schema;
  }

  /**
   * Claims one slot on the least-loaded online agent of a tier in a single statement; ties go to
   * whoever waited longest since their last assignment (round-robin). SKIP LOCKED lets parallel
   * routers pick different agents instead of queueing on one row; the CHECK forbids overfilling.
   */
  async claimAgent(manager: EntityManager, tier: Tier): Promise<ClaimedAgent | null> {
    const rows = await manager.query(
      `UPDATE "${this.schema}".agents a
          SET open_tickets = a.open_tickets + 1, last_assigned_at = clock_timestamp()
        WHERE a.id = (
          SELECT id FROM "${this.schema}".agents
           WHERE tier = $1 AND status = 'online' AND open_tickets < capacity
           ORDER BY open_tickets::float / NULLIF(capacity, 0), last_assigned_at NULLS FIRST, id
           LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING a.id, a.name, a.open_tickets AS "openTickets", a.capacity`,
      [tier],
    );
    const claimed = Array.isArray(rows[0]) ? rows[0] : rows;
    return claimed[0] ?? null;
  }

  async releaseAgent(manager: EntityManager, agentId: string): Promise<void> {
    await manager.query(`UPDATE "${this.schema}".agents SET open_tickets = open_tickets - 1 WHERE id = $1 AND open_tickets > 0`, [
      agentId,
    ]);
  }

  /** Returns false when the ticket already has a route: a second triage of one ticket is ignored. */
  async createRoute(manager: EntityManager, route: TicketRoute): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.schema}".ticket_routes (ticket_id, tier, agent_id, version, state, triage, service_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [route.ticketId, route.tier, route.agentId, route.version, route.state, JSON.stringify(route.triage), route.serviceLevel],
    );
    return rows.length > 0;
  }

  async lockRoute(manager: EntityManager, ticketId: string): Promise<TicketRoute | null> {
    const rows = await manager.query(
      `SELECT ticket_id AS "ticketId", tier, agent_id AS "agentId", version, state, triage, service_level AS "serviceLevel"
         FROM "${this.schema}".ticket_routes WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    return rows[0] ?? null;
  }

  async updateRoute(manager: EntityManager, route: TicketRoute): Promise<void> {
    await manager.query(
      `UPDATE "${this.schema}".ticket_routes SET tier = $2, agent_id = $3, version = $4, state = $5, updated_at = now()
        WHERE ticket_id = $1`,
      [route.ticketId, route.tier, route.agentId, route.version, route.state],
    );
  }

  async recordAssignment(manager: EntityManager, a: AssignmentRecord): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".assignments (ticket_id, version, tier, agent_id, score, confidence, rationale, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.ticketId, a.version, a.tier, a.agentId, a.score, a.confidence, JSON.stringify(a.rationale), a.reason],
    );
  }

  async assignmentsOf(manager: EntityManager, ticketId: string): Promise<AssignmentRecord[]> {
    return manager.query(
      `SELECT ticket_id AS "ticketId", version, tier, agent_id AS "agentId", score, confidence, rationale, reason
         FROM "${this.schema}".assignments WHERE ticket_id = $1 ORDER BY version`,
      [ticketId],
    );
  }
}
