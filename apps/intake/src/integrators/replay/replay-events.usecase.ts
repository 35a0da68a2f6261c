import { Injectable } from '@nestjs/common';
import { KafkaReplayReader } from '@switchboard/messaging';
import { AppError, parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RecordDeliveriesUseCase } from '../deliveries/record-deliveries.usecase.js';
import { WebhookQueue } from '../deliveries/webhook-queue.js';
import type { ArmableDelivery } from '../deliveries/delivery.repository.js';
import { ManageSubscriptionsUseCase } from '../subscriptions/manage-subscriptions.usecase.js';
import { ticketEventDefinitions } from '../ticket-events.js';

export const replaySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/**
 * Re-sends a subscription's events from a point in time, read back from Kafka (not from the
 * delivery table, which may have been pruned or may never have matched). Replayed deliveries are
 * new rows marked `replay`, ordered per ticket like any other, and carry `Switchboard-Replay: true`.
 */
@Injectable()
export class ReplayEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: KafkaReplayReader,
    private readonly record: RecordDeliveriesUseCase,
    private readonly subscriptions: ManageSubscriptionsUseCase,
    private readonly queue: WebhookQueue,
  ) {}

  async execute(subscriptionId: string, body: unknown): Promise<{ read: number; replayed: number }> {
    const input = parseInput(replaySchema, body);
    const from = new Date(input.from);
    const until = input.until ? new Date(input.until) : undefined;
    if (until && until <= from) throw new AppError('WEBHOOK.REPLAY_WINDOW_EMPTY', '`until` must be after `from`', 422);
    const subscription = await this.subscriptions.existing(subscriptionId);
    const wanted = ticketEventDefinitions.filter(
      (d) => subscription.eventTypes.includes('*') || subscription.eventTypes.includes(d.type),
    );
    const events = await this.reader.read(wanted, { from, until });
    const armable: ArmableDelivery[] = await this.dataSource.transaction(async (manager) => {
      const all: ArmableDelivery[] = [];
      for (const { envelope } of events) {
        all.push(...(await this.record.execute(manager, envelope, { replay: true, onlySubscriptionId: subscription.id })));
      }
      return all;
    });
    await this.queue.arm(armable);
    return { read: events.length, replayed: armable.length };
  }
}
