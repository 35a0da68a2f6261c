import { Inject, Injectable } from '@nestjs/common';
import { buildEnvelope, type EventData, type EventDefinition, type EventEnvelope } from '@switchboard/contracts';
import { PerTransaction } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import { headersFor } from '../headers.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { NonRetryableError } from '../retry.js';

export interface EventMeta {
  /** The ticket id: the Kafka key, so one ticket's events stay in order on one partition. */
  subject: string;
  correlationId: string;
  causationId: string | null;
}

export const outboxChannel = (schema: string) => `switchboard_outbox_${schema}`;

interface LastAppended {
  id: string;
  time: number;
}

/**
 * The only way a service emits an event: the envelope is validated against its contract and
 * written in the caller's transaction; the relay publishes it after commit.
 */
@Injectable()
export class EventOutbox {
  /**
   * Per open transaction and subject, the event appended last. Events of one transaction about
   * one ticket often go to different topics (triaged and review requested), where no reader can
   * tell their order: each names its predecessor (`precededBy`) and is stamped at least a
   * millisecond after it, so event time orders them as they were emitted.
   */
  private readonly lastInTx = new PerTransaction(() => new Map<string, LastAppended>());

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async append<TDef extends EventDefinition>(
    manager: EntityManager,
    definition: TDef,
    data: EventData<TDef>,
    meta: EventMeta,
  ): Promise<EventEnvelope<EventData<TDef>>> {
    const checked = definition.schema.safeParse(data);
    if (!checked.success) {
      throw new NonRetryableError(
        'CONTRACT.INVALID_EVENT',
        `${definition.topic}: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    }
    const siblings = this.lastInTx.of(manager);
    const previous = siblings?.get(meta.subject);
    const envelope = buildEnvelope({
      type: definition.type,
      source: this.options.source,
      subject: meta.subject,
      data: checked.data as EventData<TDef>,
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      precededBy: previous?.id,
      time: new Date(Math.max(Date.now(), (previous?.time ?? 0) + 1)),
    });
    siblings?.set(meta.subject, { id: envelope.id, time: Date.parse(envelope.time) });
    const { schema } = this.options;
    // One round trip: the row, and a notification delivered only when the transaction commits,
    // which is exactly when the relay can see the row.
    await manager.query(
      `WITH inserted AS (
         INSERT INTO "${schema}".outbox (event_id, topic, message_key, payload, headers) VALUES ($1, $2, $3, $4, $5) RETURNING 1
       ) SELECT pg_notify($6, '') FROM inserted`,
      [
        envelope.id,
        definition.topic,
        meta.subject,
        JSON.stringify(envelope),
        JSON.stringify(headersFor(envelope)),
        outboxChannel(schema),
      ],
    );
    return envelope;
  }
}
