import { Inject, Injectable, Logger } from '@nestjs/common';
import { signatureHeader, WEBHOOK_HEADERS } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { assertPublicTarget } from '../subscriptions/target-url.js';
import { signingSecrets, type Subscription } from '../subscriptions/subscription.repository.js';
import { WEBHOOK_CONFIG, type WebhookConfig } from '../webhook-config.js';
import { type AttemptOutcome, type ClaimedDelivery, DeliveryRepository } from './delivery.repository.js';
import { nextAttemptAt } from './retry-schedule.js';
import { WebhookQueue } from './webhook-queue.js';

const HELD_RECHECK_MS = 200;

/**
 * One attempt of one delivery. Only the head of a ticket's lane is sent, so a subscription
 * never sees a later event of a ticket before an earlier one was delivered or dead-lettered.
 */
@Injectable()
export class DeliverWebhookUseCase {
  private readonly logger = new Logger(DeliverWebhookUseCase.name);

  constructor(
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: WebhookQueue,
  ) {}

  async execute(deliveryId: string): Promise<void> {
    const manager = this.dataSource.manager;
    const state = await this.deliveries.state(manager, deliveryId);
    // Not sendable now: a later wake-up (retry, lane successor, resume, reconciler) comes back for it.
    if (!state || state.status !== 'pending' || state.blocked || state.leased || !state.active) return;
    if (!state.due) return this.queue.recheck(deliveryId, state.attempts, new Date(state.nextAttemptAt), 'early');
    if (state.held) {
      return this.queue.recheck(deliveryId, state.attempts, new Date(Date.now() + HELD_RECHECK_MS), 'held');
    }
    const claimed = await this.deliveries.claim(manager, deliveryId, this.config.WEBHOOK_TIMEOUT_MS + 5000);
    if (!claimed) return;
    const attempt = await this.send(claimed);
    const outcome: AttemptOutcome = attempt.ok ? { status: 'delivered' } : this.retryOrDeadLetter(claimed, attempt.at);
    await this.dataSource.transaction((tx) => this.deliveries.recordAttempt(tx, claimed.id, attempt, outcome));
    if (outcome.status === 'pending') {
      await this.queue.arm([{ id: claimed.id, attempts: claimed.attempts, nextAttemptAt: outcome.nextAttemptAt }]);
      return;
    }
    if (outcome.status === 'dead') this.logger.warn(`delivery ${claimed.id} dead-lettered after ${claimed.attempts} attempts`);
    const next = await this.deliveries.laneHead(manager, claimed.subscriptionId, claimed.ticketId);
    if (next) await this.queue.wakeSuccessor(next, claimed);
  }

  private retryOrDeadLetter(claimed: ClaimedDelivery, at: Date): AttemptOutcome {
    const next = nextAttemptAt(new Date(claimed.firstAttemptAt), claimed.attempts, at, this.config);
    return next ? { status: 'pending', nextAttemptAt: next } : { status: 'dead' };
  }

  private async send(claimed: ClaimedDelivery) {
    const at = new Date();
    const started = performance.now();
    const body = JSON.stringify(claimed.payload);
    const secrets = signingSecrets({
      secret: claimed.secret,
      previousSecret: claimed.previousSecret,
      previousSecretUntil: claimed.previousSecretUntil,
    } as Subscription);
    try {
      await assertPublicTarget(claimed.url, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS);
      const res = await fetch(claimed.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Switchboard-Webhooks/1',
          [WEBHOOK_HEADERS.signature]: signatureHeader(secrets, body, at),
          [WEBHOOK_HEADERS.eventId]: claimed.eventId,
          [WEBHOOK_HEADERS.eventType]: claimed.eventType,
          [WEBHOOK_HEADERS.deliveryId]: claimed.id,
          ...(claimed.replay ? { [WEBHOOK_HEADERS.replay]: 'true' } : {}),
        },
      });
      await res.arrayBuffer().catch(() => undefined);
      const latencyMs = Math.round(performance.now() - started);
      const ok = res.status >= 200 && res.status < 300;
      return { ok, at, statusCode: res.status, latencyMs, error: ok ? null : `HTTP ${res.status}` };
    } catch (error) {
      const latencyMs = Math.round(performance.now() - started);
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, at, statusCode: null, latencyMs, error: (cause ?? (error as Error).message).slice(0, 500) };
    }
  }
}
