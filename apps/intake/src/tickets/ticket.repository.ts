import { Injectable } from '@nestjs/common';
import { transactionWithRetry } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { TicketEntity } from './ticket.entity.js';
import { TicketMessageEntity } from './ticket-message.entity.js';
import type { TimelineItem } from './ticket-projection.js';
import { TimelineEntryEntity } from './timeline-entry.entity.js';

@Injectable()
export class TicketRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts unless the idempotency key is taken; returns whether this call created the row. */
  async insertIfNew(manager: EntityManager, ticket: Partial<TicketEntity>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TicketEntity)
      .values(ticket as QueryDeepPartialEntity<TicketEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insertTicket(manager: EntityManager, ticket: Partial<TicketEntity>): Promise<void> {
    await manager.insert(TicketEntity, ticket as QueryDeepPartialEntity<TicketEntity>);
  }

  findByIdempotencyKey(key: string, manager: EntityManager = this.dataSource.manager): Promise<TicketEntity | null> {
    return manager.findOne(TicketEntity, { where: { idempotencyKey: key } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TicketEntity | null> {
    return manager.findOne(TicketEntity, { where: { id } });
  }

  /** Row lock: two events for one ticket never fold into the projection at the same time. */
  lockById(manager: EntityManager, id: string): Promise<TicketEntity | null> {
    return manager.findOne(TicketEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes the projected state of a row already locked in this transaction (no read-before-write). */
  async saveState(manager: EntityManager, ticket: TicketEntity): Promise<void> {
    const { status, triage, routing, sla, suggestions } = ticket;
    await manager.update(TicketEntity, { id: ticket.id }, {
      status,
      triage,
      routing,
      sla,
      suggestions,
    } as QueryDeepPartialEntity<TicketEntity>);
  }

  async appendTimeline(manager: EntityManager, ticketId: string, item: TimelineItem, eventId: string | null): Promise<void> {
    await manager.insert(TimelineEntryEntity, {
      ticketId,
      type: item.type,
      at: new Date(item.at),
      eventId,
      data: item.data,
    } as QueryDeepPartialEntity<TimelineEntryEntity>);
  }

  async saveEnvironment(manager: EntityManager, ticketId: string, environment: Record<string, unknown>): Promise<void> {
    await manager.update(TicketEntity, { id: ticketId }, { environment } as QueryDeepPartialEntity<TicketEntity>);
  }

  async saveLifecycle(manager: EntityManager, ticket: TicketEntity): Promise<void> {
    const { status, lifecycleStatus, reopenCount, mergedInto } = ticket;
    await manager.update(TicketEntity, { id: ticket.id }, {
      status,
      lifecycleStatus,
      reopenCount,
      mergedInto,
    } as QueryDeepPartialEntity<TicketEntity>);
  }

  /**
   * Claims a message's dedupe key for a ticket. The primary key serialises concurrent
   * deliveries: the second waits for the first to commit, then finds the key taken.
   */
  async claimMessageKey(manager: EntityManager, key: string, ticketId: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.table('message_keys')} (key, ticket_id, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, ticketId, requestHash],
    );
    return rows.length > 0;
  }

  async pointMessageKey(manager: EntityManager, key: string, ticketId: string): Promise<void> {
    await manager.query(`UPDATE ${this.table('message_keys')} SET ticket_id = $2 WHERE key = $1`, [key, ticketId]);
  }

  async messageKey(key: string): Promise<{ ticketId: string; requestHash: string } | null> {
    const rows: { ticket_id: string; request_hash: string }[] = await this.dataSource.query(
      `SELECT ticket_id, request_hash FROM ${this.table('message_keys')} WHERE key = $1`,
      [key],
    );
    return rows[0] ? { ticketId: rows[0].ticket_id, requestHash: rows[0].request_hash } : null;
  }

  async addThreadKeys(manager: EntityManager, ticketId: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.table('thread_keys')} (key, ticket_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
      [keys, ticketId],
    );
  }

  /** The newest ticket any of these thread keys names, following merges to the surviving ticket. */
  async findThreadTicket(manager: EntityManager, refs: string[]): Promise<string | null> {
    if (refs.length === 0) return null;
    const rows: { id: string }[] = await manager.query(
      `SELECT coalesce(t.merged_into, t.id) AS id FROM ${this.table('thread_keys')} k
       JOIN ${this.table('tickets')} t ON t.id = k.ticket_id
       WHERE k.key = ANY($1) ORDER BY k.created_at DESC, t.created_at DESC LIMIT 1`,
      [refs],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Transaction-scoped advisory locks, taken in sorted order so two callers cannot deadlock:
   * messages of one customer or one thread are decided one after the other.
   */
  async lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`intake:${key}`]);
    }
  }

  mergeCandidates(manager: EntityManager, identities: string[], since: Date): Promise<TicketEntity[]> {
    if (identities.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(TicketEntity, 't')
      .where('t.customer_identities && :identities', { identities })
      .andWhere('t.merged_into IS NULL')
      .andWhere("t.lifecycle_status IN ('open', 'waiting_on_customer')")
      .andWhere('t.created_at >= :since', { since })
      .orderBy('t.created_at', 'ASC')
      .limit(50)
      .getMany();
  }

  async insertMessage(manager: EntityManager, message: Partial<TicketMessageEntity>): Promise<void> {
    await manager.insert(TicketMessageEntity, message as QueryDeepPartialEntity<TicketMessageEntity>);
  }

  messages(ticketId: string): Promise<TicketMessageEntity[]> {
    return this.dataSource.manager.find(TicketMessageEntity, { where: { ticketId }, order: { receivedAt: 'ASC' } });
  }

  async repointKeys(manager: EntityManager, fromTicketId: string, toTicketId: string): Promise<void> {
    await manager.query(`UPDATE ${this.table('message_keys')} SET ticket_id = $2 WHERE ticket_id = $1`, [
      fromTicketId,
      toTicketId,
    ]);
    await manager.query(
      `INSERT INTO ${this.table('thread_keys')} (key, ticket_id, created_at)
       SELECT key, $2, created_at FROM ${this.table('thread_keys')} WHERE ticket_id = $1 ON CONFLICT DO NOTHING`,
      [fromTicketId, toTicketId],
    );
  }

  private table(name: string): string {
    return `"${(this.dataSource.options as { schema?: string }).schema ?? 'public'}".${name}`;
  }

  timeline(ticketId: string): Promise<TimelineEntryEntity[]> {
    return this.dataSource.manager.find(TimelineEntryEntity, { where: { ticketId }, order: { at: 'ASC', id: 'ASC' } });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.dataSource, work);
  }
}
