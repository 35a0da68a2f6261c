import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { matchesFilter } from '../subscriptions/subscription-filter.js';
import { SubscriptionRepository } from '../subscriptions/subscription.repository.js';
import { type ArmableDelivery, DeliveryRepository } from './delivery.repository.js';
import { TicketAttributesReader } from './ticket-attributes.reader.js';

/** One delivery row per matching subscription, written in the transaction that consumes the event. */
@Injectable()
export class RecordDeliveriesUseCase {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly tickets: TicketAttributesReader,
  ) {}

  async execute(
    manager: EntityManager,
    envelope: EventEnvelope,
    options: { replay?: boolean; onlySubscriptionId?: string } = {},
  ): Promise<ArmableDelivery[]> {
    const wanting = await this.subscriptions.wanting(manager, envelope.type);
    if (wanting.length === 0) return [];
    const ticket = await this.tickets.of(manager, envelope);
    if (!ticket) return [];
    const matching = wanting.filter(
      (s) => (!options.onlySubscriptionId || s.id === options.onlySubscriptionId) && matchesFilter(s.filter, ticket),
    );
    return this.deliveries.insert(
      manager,
      matching.map((s) => ({
        id: randomUUID(),
        subscriptionId: s.id,
        envelope,
        ticketId: ticket.ticketId,
        replay: options.replay ?? false,
      })),
    );
  }
}
