import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { RearmDeliveriesUseCase } from '../deliveries/rearm-deliveries.usecase.js';
import { WEBHOOK_CONFIG, type WebhookConfig } from '../webhook-config.js';
import type { CreateSubscription, UpdateSubscription } from './subscription.commands.js';
import { type Subscription, SubscriptionRepository } from './subscription.repository.js';

/** What callers see of a subscription; the secret is shown only when created or rotated. */
export interface SubscriptionView {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  filter: Subscription['filter'];
  status: Subscription['status'];
  previousSecretValidUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export const viewOf = (s: Subscription): SubscriptionView => ({
  id: s.id,
  name: s.name,
  url: s.url,
  eventTypes: s.eventTypes,
  filter: s.filter,
  status: s.status,
  previousSecretValidUntil:
    s.previousSecretUntil && s.previousSecretUntil > new Date() ? s.previousSecretUntil.toISOString() : null,
  createdAt: new Date(s.createdAt).toISOString(),
  updatedAt: new Date(s.updatedAt).toISOString(),
});

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const missing = (id: string) => notFound('WEBHOOK.SUBSCRIPTION_NOT_FOUND', `no webhook subscription ${id}`);

@Injectable()
export class ManageSubscriptionsUseCase {
  constructor(
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionRepository,
    private readonly rearm: RearmDeliveriesUseCase,
  ) {}

  async create(command: CreateSubscription): Promise<SubscriptionView & { secret: string }> {
    const secret = newSecret();
    const created = await this.subscriptions.insert(this.dataSource.manager, { id: randomUUID(), ...command, secret });
    return { ...viewOf(created), secret };
  }

  async get(id: string): Promise<SubscriptionView> {
    return viewOf(await this.existing(id));
  }

  async list(): Promise<SubscriptionView[]> {
    return (await this.subscriptions.list(this.dataSource.manager)).map(viewOf);
  }

  async update(id: string, command: UpdateSubscription): Promise<SubscriptionView> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const current = await this.subscriptions.byId(manager, id, true);
      if (!current) throw missing(id);
      const defined = Object.fromEntries(Object.entries(command).filter(([, v]) => v !== undefined));
      return this.subscriptions.update(manager, { ...current, ...defined });
    });
    // Resuming wakes the deliveries held while paused.
    if (updated.status === 'active') await this.rearm.execute(id);
    return viewOf(updated);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.subscriptions.delete(this.dataSource.manager, id))) throw missing(id);
  }

  /** The old secret keeps signing (alongside the new) for the grace period, so receivers can switch without loss. */
  async rotateSecret(id: string): Promise<SubscriptionView & { secret: string }> {
    const secret = newSecret();
    const rotated = await this.dataSource.transaction(async (manager) => {
      const current = await this.subscriptions.byId(manager, id, true);
      if (!current) throw missing(id);
      return this.subscriptions.update(manager, {
        ...current,
        secret,
        previousSecret: current.secret,
        previousSecretUntil: new Date(Date.now() + this.config.WEBHOOK_SECRET_GRACE_MS),
      });
    });
    return { ...viewOf(rotated), secret };
  }

  async existing(id: string): Promise<Subscription> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.subscriptions.byId(this.dataSource.manager, id) : undefined;
    if (!found) throw missing(id);
    return found;
  }
}
