import { Inject, Injectable } from '@nestjs/common';
import { returnedRows, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { SubscriptionFilter } from './subscription-filter.js';

export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  filter: SubscriptionFilter;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  status: SubscriptionStatus;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  name: string;
  url: string;
  event_types: string[];
  filter: SubscriptionFilter;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  status: SubscriptionStatus;
  created_at: Date;
  updated_at: Date;
}

const fromRow = (r: Row): Subscription => ({
  id: r.id,
  name: r.name,
  url: r.url,
  eventTypes: r.event_types,
  filter: r.filter,
  secret: r.secret,
  previousSecret: r.previous_secret,
  previousSecretUntil: r.previous_secret_until,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The secrets a delivery is signed with now: the current one, plus the previous one during its grace period. */
export function signingSecrets(subscription: Subscription, now = new Date()): string[] {
  const previousValid = subscription.previousSecret && subscription.previousSecretUntil && subscription.previousSecretUntil > now;
  return previousValid ? [subscription.secret, subscription.previousSecret as string] : [subscription.secret];
}

@Injectable()
export class SubscriptionRepository {
  private readonly table: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.table = `"${config.database.schema}".webhook_subscriptions`;
  }

  async insert(
    manager: EntityManager,
    s: Omit<Subscription, 'createdAt' | 'updatedAt' | 'previousSecret' | 'previousSecretUntil'>,
  ) {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${this.table} (id, name, url, event_types, filter, secret, status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [s.id, s.name, s.url, s.eventTypes, JSON.stringify(s.filter), s.secret, s.status],
    );
    return fromRow(rows[0] as Row);
  }

  async byId(manager: EntityManager, id: string, lock = false): Promise<Subscription | undefined> {
    const rows: Row[] = await manager.query(`SELECT * FROM ${this.table} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async list(manager: EntityManager): Promise<Subscription[]> {
    const rows: Row[] = await manager.query(`SELECT * FROM ${this.table} ORDER BY created_at, id`);
    return rows.map(fromRow);
  }

  /** Active and paused subscriptions wanting this type: paused ones hold their deliveries until resumed. */
  async wanting(manager: EntityManager, eventType: string): Promise<Subscription[]> {
    const rows: Row[] = await manager.query(`SELECT * FROM ${this.table} WHERE $1 = ANY(event_types) OR '*' = ANY(event_types)`, [
      eventType,
    ]);
    return rows.map(fromRow);
  }

  async update(manager: EntityManager, s: Subscription): Promise<Subscription> {
    const rows = returnedRows<Row>(
      await manager.query(
        `UPDATE ${this.table} SET name = $2, url = $3, event_types = $4, filter = $5, secret = $6, previous_secret = $7,
         previous_secret_until = $8, status = $9, updated_at = now() WHERE id = $1 RETURNING *`,
        [
          s.id,
          s.name,
          s.url,
          s.eventTypes,
          JSON.stringify(s.filter),
          s.secret,
          s.previousSecret,
          s.previousSecretUntil,
          s.status,
        ],
      ),
    );
    return fromRow(rows[0] as Row);
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const rows = returnedRows(await manager.query(`DELETE FROM ${this.table} WHERE id = $1 RETURNING id`, [id]));
    return rows.length > 0;
  }
}
