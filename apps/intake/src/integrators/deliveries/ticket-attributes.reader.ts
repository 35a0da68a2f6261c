import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@switchboard/contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import type { TicketAttributes } from '../subscriptions/subscription-filter.js';
import { ticketIdOf } from '../ticket-events.js';

/**
 * Filter attributes for an event: what the event itself says (a routed event names its tier)
 * wins over intake's ticket view, which may not have folded that event in yet.
 */
@Injectable()
export class TicketAttributesReader {
  private readonly tickets: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.tickets = `"${config.database.schema}".tickets`;
  }

  async of(manager: EntityManager, envelope: EventEnvelope): Promise<TicketAttributes | undefined> {
    const ticketId = ticketIdOf(envelope.data);
    if (!ticketId) return undefined;
    const rows: { channel: string; service_level: string | null; tier: string | null }[] = await manager.query(
      `SELECT channel, customer->>'serviceLevel' AS service_level, routing->>'tier' AS tier FROM ${this.tickets} WHERE id = $1`,
      [ticketId],
    );
    const data = envelope.data as { channel?: unknown; tier?: unknown; customer?: { serviceLevel?: unknown } };
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      ticketId,
      channel: text(data.channel) ?? rows[0]?.channel,
      serviceLevel: text(data.customer?.serviceLevel) ?? rows[0]?.service_level ?? undefined,
      tier: text(data.tier) ?? rows[0]?.tier ?? undefined,
    };
  }
}
