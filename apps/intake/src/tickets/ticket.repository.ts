import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { TicketEntity } from './ticket.entity.js';
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

  timeline(ticketId: string): Promise<TimelineEntryEntity[]> {
    return this.dataSource.manager.find(TimelineEntryEntity, { where: { ticketId }, order: { at: 'ASC', id: 'ASC' } });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
