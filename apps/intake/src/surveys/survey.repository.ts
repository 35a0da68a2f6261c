import { Inject, Injectable } from '@nestjs/common';
import { returnedRows, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';

export interface Survey {
  id: string;
  token: string;
  ticketId: string;
  customerId: string;
  channel: string;
  correlationId: string;
  questions: ('csat' | 'nps')[];
  sentCount: number;
  nextSendAt: Date | null;
  respondedAt: Date | null;
}

export interface SurveyTimer {
  id: string;
  sentCount: number;
  nextSendAt: Date;
}

const fromRow = (r: Record<string, unknown>): Survey => ({
  id: r.id as string,
  token: r.token as string,
  ticketId: r.ticket_id as string,
  customerId: r.customer_id as string,
  channel: r.channel as string,
  correlationId: r.correlation_id as string,
  questions: r.questions as Survey['questions'],
  sentCount: r.sent_count as number,
  nextSendAt: r.next_send_at as Date | null,
  respondedAt: r.responded_at as Date | null,
});

@Injectable()
export class SurveyRepository {
  private readonly surveys: string;
  private readonly tickets: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.surveys = `"${config.database.schema}".surveys`;
    this.tickets = `"${config.database.schema}".tickets`;
  }

  /** Creates the survey of one resolution from intake's ticket view; a redelivered resolution creates nothing. */
  async createForResolution(
    manager: EntityManager,
    s: {
      id: string;
      token: string;
      resolutionEventId: string;
      ticketId: string;
      questions: string[];
      resolvedAt: string;
      sendAt: Date;
    },
  ): Promise<SurveyTimer | undefined> {
    const rows: { id: string; next_send_at: Date }[] = await manager.query(
      `INSERT INTO ${this.surveys} (id, token, resolution_event_id, ticket_id, customer_id, channel, service_level, tier,
                                    correlation_id, questions, resolved_at, next_send_at)
       SELECT $1, $2, $3, t.id, t.customer->>'id', t.channel, t.customer->>'serviceLevel', t.routing->>'tier',
              t.correlation_id, $5, $6, $7
       FROM ${this.tickets} t WHERE t.id = $4
       ON CONFLICT (resolution_event_id) DO NOTHING RETURNING id, next_send_at`,
      [s.id, s.token, s.resolutionEventId, s.ticketId, s.questions, s.resolvedAt, s.sendAt],
    );
    return rows[0] && { id: rows[0].id, sentCount: 0, nextSendAt: rows[0].next_send_at };
  }

  async lockById(manager: EntityManager, id: string): Promise<Survey | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT * FROM ${this.surveys} WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  async byToken(manager: EntityManager, token: string, lock = false): Promise<Survey | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ${this.surveys} WHERE token = $1${lock ? ' FOR UPDATE' : ''}`,
      [token],
    );
    return rows[0] && fromRow(rows[0]);
  }

  async markSent(manager: EntityManager, id: string, sentAt: Date, nextSendAt: Date | null): Promise<void> {
    await manager.query(
      `UPDATE ${this.surveys} SET sent_count = sent_count + 1, first_sent_at = coalesce(first_sent_at, $2), last_sent_at = $2,
              next_send_at = $3 WHERE id = $1`,
      [id, sentAt, nextSendAt],
    );
  }

  async recordResponse(
    manager: EntityManager,
    id: string,
    r: { csat?: number; nps?: number; comment?: string; followUp: boolean; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.surveys} SET responded_at = $2, csat = $3, nps = $4, comment = $5, follow_up = $6, next_send_at = NULL
       WHERE id = $1`,
      [id, r.at, r.csat ?? null, r.nps ?? null, r.comment ?? null, r.followUp],
    );
  }

  /** Unanswered surveys with a send still to come: what a restart must re-arm. */
  async pendingTimers(manager: EntityManager): Promise<SurveyTimer[]> {
    const rows: { id: string; sent_count: number; next_send_at: Date }[] = await manager.query(
      `SELECT id, sent_count, next_send_at FROM ${this.surveys} WHERE responded_at IS NULL AND next_send_at IS NOT NULL`,
    );
    return rows.map((r) => ({ id: r.id, sentCount: r.sent_count, nextSendAt: r.next_send_at }));
  }

  async list(manager: EntityManager, q: { ticketId?: string; followUp?: boolean; limit: number }) {
    return manager.query(
      `SELECT id, ticket_id AS "ticketId", customer_id AS "customerId", channel, tier, service_level AS "serviceLevel",
              questions, resolved_at AS "resolvedAt", sent_count AS "sentCount", first_sent_at AS "firstSentAt",
              next_send_at AS "nextSendAt", responded_at AS "respondedAt", csat, nps, comment, follow_up AS "followUp"
       FROM ${this.surveys} WHERE ($1::uuid IS NULL OR ticket_id = $1) AND ($2::boolean IS NULL OR follow_up = $2)
       ORDER BY resolved_at DESC, id LIMIT $3`,
      [q.ticketId ?? null, q.followUp ?? null, q.limit],
    );
  }

  /** Sent surveys in the period, grouped by one dimension, with their answers. */
  async answersBy(
    manager: EntityManager,
    q: { from?: Date; to?: Date; groupBy: 'all' | 'channel' | 'tier' | 'serviceLevel' | 'day' | 'week' | 'month' },
  ): Promise<{ key: string; sent: number; responded: number; csat: number[]; nps: number[] }[]> {
    const key = {
      all: `'all'`,
      channel: 'channel',
      tier: `coalesce(tier, 'unknown')`,
      serviceLevel: `coalesce(service_level, 'unknown')`,
      day: `to_char(date_trunc('day', resolved_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
      week: `to_char(date_trunc('week', resolved_at AT TIME ZONE 'UTC'), 'IYYY-"W"IW')`,
      month: `to_char(date_trunc('month', resolved_at AT TIME ZONE 'UTC'), 'YYYY-MM')`,
    }[q.groupBy];
    const rows: { key: string; sent: number; responded: number; csat: number[] | null; nps: number[] | null }[] = returnedRows(
      await manager.query(
        `SELECT ${key} AS key, count(*)::int AS sent, count(responded_at)::int AS responded,
                array_agg(csat) FILTER (WHERE csat IS NOT NULL) AS csat, array_agg(nps) FILTER (WHERE nps IS NOT NULL) AS nps
         FROM ${this.surveys}
         WHERE sent_count > 0 AND ($1::timestamptz IS NULL OR resolved_at >= $1) AND ($2::timestamptz IS NULL OR resolved_at < $2)
         GROUP BY 1 ORDER BY 1`,
        [q.from ?? null, q.to ?? null],
      ),
    );
    return rows.map((r) => ({ ...r, csat: r.csat ?? [], nps: r.nps ?? [] }));
  }
}
