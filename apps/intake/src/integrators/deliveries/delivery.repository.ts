import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventTaps } from '@switchboard/messaging';
import { returnedRows, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import { WEBHOOK_CONFIG, WEBHOOK_TAP, type WebhookConfig } from '../webhook-config.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface NewDelivery {
  id: string;
  subscriptionId: string;
  envelope: EventEnvelope;
  ticketId: string;
  replay: boolean;
}

/** What must be armed in BullMQ for a delivery: the job id changes with every attempt. */
export interface ArmableDelivery {
  id: string;
  attempts: number;
  nextAttemptAt: Date;
}

export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  ticketId: string;
  eventId: string;
  eventType: string;
  payload: EventEnvelope;
  replay: boolean;
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

export interface DeliveryState {
  status: DeliveryStatus;
  due: boolean;
  blocked: boolean;
  leased: boolean;
  active: boolean;
  held: boolean;
  attempts: number;
  nextAttemptAt: Date;
}

export type AttemptOutcome = { status: 'delivered' } | { status: 'dead' } | { status: 'pending'; nextAttemptAt: Date };

export interface AttemptRecord {
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

@Injectable()
export class DeliveryRepository {
  private readonly deliveries: string;
  private readonly attempts: string;
  private readonly subscriptions: string;
  private readonly inbox: string;
  private readonly tapGroup: string;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(WEBHOOK_CONFIG) private readonly webhooks: WebhookConfig,
    private readonly taps: EventTaps,
  ) {
    const schema = `"${config.database.schema}"`;
    this.inbox = `${schema}.inbox`;
    this.tapGroup = `${config.kafka.consumerGroup}-${WEBHOOK_TAP}`;
    this.deliveries = `${schema}.webhook_deliveries`;
    this.attempts = `${schema}.webhook_delivery_attempts`;
    this.subscriptions = `${schema}.webhook_subscriptions`;
  }

  /** Original deliveries are recorded once per subscription and event; replays always add a row. */
  async insert(manager: EntityManager, deliveries: NewDelivery[]): Promise<ArmableDelivery[]> {
    const armed: ArmableDelivery[] = [];
    for (const d of deliveries) {
      const rows: { id: string; next_attempt_at: Date }[] = await manager.query(
        `INSERT INTO ${this.deliveries}
           (id, subscription_id, event_id, event_type, ticket_id, event_time, cause_event_id, preceded_by_event_id,
            payload, replay, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending') ON CONFLICT DO NOTHING RETURNING id, next_attempt_at`,
        [
          d.id,
          d.subscriptionId,
          d.envelope.id,
          d.envelope.type,
          d.ticketId,
          d.envelope.time,
          // Replays are read back in time order; their causes are history, not something to wait for.
          !d.replay && UUID.test(d.envelope.causationId ?? '') ? d.envelope.causationId : null,
          !d.replay && d.envelope.precededBy ? d.envelope.precededBy : null,
          JSON.stringify(d.envelope),
          d.replay,
        ],
      );
      if (rows[0]) armed.push({ id: rows[0].id, attempts: 0, nextAttemptAt: rows[0].next_attempt_at });
    }
    return armed;
  }

  async state(manager: EntityManager, id: string): Promise<DeliveryState | undefined> {
    const rows: (Omit<DeliveryState, 'nextAttemptAt'> & { next_attempt_at: Date })[] = await manager.query(
      `SELECT d.status, d.attempts, d.next_attempt_at,
              d.next_attempt_at <= now() + interval '1 second' AS due,
              coalesce(d.lease_until > now(), false) AS leased,
              s.status = 'active' AS active, ${this.heldBy('d', '$2', '$3', '$4')} AS held,
              ${this.behindInLane('d')} AS blocked
       FROM ${this.deliveries} d JOIN ${this.subscriptions} s ON s.id = d.subscription_id WHERE d.id = $1`,
      [id, this.tapGroup, this.webhooks.WEBHOOK_CAUSAL_HOLD_MS, this.tapConsumingSince()],
    );
    const r = rows[0];
    return r && { ...r, nextAttemptAt: r.next_attempt_at };
  }

  private tapConsumingSince(): Date | null {
    return this.taps.consumingSince(WEBHOOK_TAP) ?? null;
  }

  /** True while an earlier delivery of the same subscription and ticket is still pending. */
  private behindInLane(alias: string): string {
    return `EXISTS (SELECT 1 FROM ${this.deliveries} e WHERE e.subscription_id = ${alias}.subscription_id
      AND e.ticket_id = ${alias}.ticket_id AND e.status = 'pending' AND (e.event_time, e.seq) < (${alias}.event_time, ${alias}.seq))`;
  }

  /**
   * True while the event is younger than the settle window, or while an event it waits for —
   * its cause, or the sibling emitted just before it in the same transaction — has not been
   * consumed yet and the hold has not run out. The hold counts from the later of the delivery's
   * recording and the tap's last (re)join: while intake is down or its group rebalances nothing
   * can be consumed, so that time must not use the hold up.
   */
  private heldBy(alias: string, groupParam: string, holdParam: string, joinedParam: string): string {
    const settleSeconds = this.webhooks.WEBHOOK_ORDER_SETTLE_MS / 1000;
    const unconsumed = (column: string) => `(${alias}.${column} IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM ${this.inbox} i WHERE i.consumer_group = ${groupParam} AND i.event_id = ${alias}.${column}))`;
    return `(${alias}.event_time > now() - make_interval(secs => ${settleSeconds})
      OR (greatest(${alias}.created_at, coalesce(${joinedParam}::timestamptz, 'infinity'::timestamptz))
        > now() - make_interval(secs => ${holdParam}::double precision / 1000)
      AND (${unconsumed('cause_event_id')} OR ${unconsumed('preceded_by_event_id')})))`;
  }

  /**
   * Takes a lease on a due delivery at the head of its ticket's lane: one sender at a time,
   * and a crashed sender's lease simply runs out. Returns nothing when it is not sendable now.
   */
  async claim(manager: EntityManager, id: string, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const result = await manager.query(
      `UPDATE ${this.deliveries} d SET lease_until = now() + make_interval(secs => $2::double precision / 1000),
              first_attempt_at = coalesce(d.first_attempt_at, now()), attempts = d.attempts + 1
       FROM ${this.subscriptions} s
       WHERE d.id = $1 AND s.id = d.subscription_id AND s.status = 'active' AND d.status = 'pending'
         AND (d.lease_until IS NULL OR d.lease_until < now()) AND d.next_attempt_at <= now() + interval '1 second'
         AND NOT ${this.behindInLane('d')}
         AND NOT ${this.heldBy('d', '$3', '$4', '$5')}
       RETURNING d.id, d.subscription_id, d.ticket_id, d.event_id, d.event_type, d.payload, d.replay, d.attempts,
                 d.first_attempt_at, s.url, s.secret, s.previous_secret, s.previous_secret_until`,
      [id, leaseMs, this.tapGroup, this.webhooks.WEBHOOK_CAUSAL_HOLD_MS, this.tapConsumingSince()],
    );
    const r = returnedRows<Record<string, unknown>>(result)[0];
    if (!r) return undefined;
    return {
      id: r.id as string,
      subscriptionId: r.subscription_id as string,
      ticketId: r.ticket_id as string,
      eventId: r.event_id as string,
      eventType: r.event_type as string,
      payload: r.payload as EventEnvelope,
      replay: r.replay as boolean,
      attempts: r.attempts as number,
      firstAttemptAt: r.first_attempt_at as Date,
      url: r.url as string,
      secret: r.secret as string,
      previousSecret: r.previous_secret as string | null,
      previousSecretUntil: r.previous_secret_until as Date | null,
    };
  }

  async recordAttempt(manager: EntityManager, id: string, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.attempts} (delivery_id, attempted_at, status_code, latency_ms, error) VALUES ($1, $2, $3, $4, $5)`,
      [id, attempt.at, attempt.statusCode, attempt.latencyMs, attempt.error],
    );
    await manager.query(
      `UPDATE ${this.deliveries} SET status = $2, lease_until = NULL, last_status_code = $3, last_error = $4,
              next_attempt_at = coalesce($5, next_attempt_at),
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
              dead_at = CASE WHEN $2 = 'dead' THEN now() END
       WHERE id = $1`,
      [id, outcome.status, attempt.statusCode, attempt.error, outcome.status === 'pending' ? outcome.nextAttemptAt : null],
    );
  }

  /** The lowest pending delivery of one lane (subscription × ticket): the only one that may be sent. */
  async laneHead(manager: EntityManager, subscriptionId: string, ticketId: string): Promise<ArmableDelivery | undefined> {
    const rows: { id: string; attempts: number; next_attempt_at: Date }[] = await manager.query(
      `SELECT id, attempts, next_attempt_at FROM ${this.deliveries}
       WHERE subscription_id = $1 AND ticket_id = $2 AND status = 'pending' ORDER BY event_time, seq LIMIT 1`,
      [subscriptionId, ticketId],
    );
    return rows[0] && { id: rows[0].id, attempts: rows[0].attempts, nextAttemptAt: rows[0].next_attempt_at };
  }

  /** Heads of every lane of active subscriptions not currently leased: what a restart must re-arm. */
  async armableHeads(manager: EntityManager, subscriptionId?: string): Promise<ArmableDelivery[]> {
    const rows: { id: string; attempts: number; next_attempt_at: Date }[] = await manager.query(
      `SELECT h.id, h.attempts, h.next_attempt_at FROM (
         SELECT DISTINCT ON (d.subscription_id, d.ticket_id) d.id, d.attempts, d.next_attempt_at, d.lease_until
         FROM ${this.deliveries} d JOIN ${this.subscriptions} s ON s.id = d.subscription_id
         WHERE d.status = 'pending' AND s.status = 'active' AND ($1::uuid IS NULL OR d.subscription_id = $1)
         ORDER BY d.subscription_id, d.ticket_id, d.event_time, d.seq) h
       WHERE h.lease_until IS NULL OR h.lease_until < now()`,
      [subscriptionId ?? null],
    );
    return rows.map((r) => ({ id: r.id, attempts: r.attempts, nextAttemptAt: r.next_attempt_at }));
  }

  /** Dead deliveries go back to pending with a fresh retry window; `ids` narrows it to some. */
  async requeueDead(manager: EntityManager, subscriptionId: string, ids?: string[]): Promise<number> {
    const result = await manager.query(
      `UPDATE ${this.deliveries} SET status = 'pending', first_attempt_at = NULL, next_attempt_at = now(), dead_at = NULL,
              lease_until = NULL
       WHERE subscription_id = $1 AND status = 'dead' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [subscriptionId, ids ?? null],
    );
    return returnedRows(result).length;
  }

  async prune(manager: EntityManager, olderThanDays: number): Promise<number> {
    const result = await manager.query(
      `DELETE FROM ${this.deliveries} WHERE status <> 'pending' AND created_at < now() - make_interval(days => $1) RETURNING id`,
      [olderThanDays],
    );
    return returnedRows(result).length;
  }

  async subscriptionOf(manager: EntityManager, deliveryId: string): Promise<string | undefined> {
    const rows: { subscription_id: string }[] = await manager.query(
      `SELECT subscription_id FROM ${this.deliveries} WHERE id = $1`,
      [deliveryId],
    );
    return rows[0]?.subscription_id;
  }

  async log(
    manager: EntityManager,
    subscriptionId: string,
    query: { status?: DeliveryStatus; limit: number; afterSeq?: string },
  ): Promise<Record<string, unknown>[]> {
    return manager.query(
      `SELECT d.id, d.seq::text AS seq, d.event_id AS "eventId", d.event_type AS "eventType", d.ticket_id AS "ticketId",
              d.event_time AS "eventTime", d.replay, d.status, d.attempts, d.last_status_code AS "lastStatusCode",
              d.last_error AS "lastError", d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt",
              d.dead_at AS "deadAt", d.created_at AS "createdAt",
              coalesce((SELECT json_agg(json_build_object('at', a.attempted_at, 'statusCode', a.status_code,
                          'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.id)
                        FROM ${this.attempts} a WHERE a.delivery_id = d.id), '[]'::json) AS "attemptLog"
       FROM ${this.deliveries} d
       WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::bigint IS NULL OR d.seq > $3::bigint)
       ORDER BY d.seq LIMIT $4`,
      [subscriptionId, query.status ?? null, query.afterSeq ?? null, query.limit],
    );
  }
}
