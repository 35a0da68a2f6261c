import { Inject, Injectable, type Logger } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { EventOutbox } from '../outbox/event-outbox.js';
import { InboxConsumer, type InboxRoute } from './inbox-consumer.js';

/** Builds the service's inbox consumers with its connections, outbox and settings. */
@Injectable()
export class InboxConsumers {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  create(groupId: string, routes: ReadonlyMap<string, InboxRoute>, logger: Logger): InboxConsumer {
    const { options, kafka, producer, dataSource, outbox } = this;
    return new InboxConsumer({ options, kafka, producer, dataSource, outbox, logger }, groupId, routes);
  }
}
