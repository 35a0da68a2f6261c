import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ReadinessRegistry, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { EventConsumerHost } from './inbox/event-consumer.host.js';
import { EventTaps } from './inbox/event-tap.js';
import { InboxConsumers } from './inbox/inbox-consumers.js';
import { KafkaReplayReader } from './kafka/replay-reader.js';
import { INBOX_PURGE_INTERVAL_MS, InboxRetention } from './inbox/inbox-retention.js';
import { createIdempotentProducer, createKafka } from './kafka/kafka-client.js';
import { ensureTopics } from './kafka/topic-admin.js';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { EventOutbox } from './outbox/event-outbox.js';
import { OutboxRelay } from './outbox/outbox-relay.js';

/**
 * Owns start and stop order: on shutdown the consumer finishes its in-flight messages first,
 * then the relay publishes what they committed, then the producer closes.
 */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private admin: Admin | undefined;
  private inboxPurge: NodeJS.Timeout | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly readiness: ReadinessRegistry,
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumerHost,
    private readonly inbox: InboxRetention,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, this.options.topicNamespace, this.options.partitions).catch((error: Error) => {
      // Another service creating the same topics at the same moment is not a failure.
      if (!/exists/i.test(error.message)) throw error;
    });
    this.readiness.register({
      name: 'kafka',
      check: async () => {
        this.admin ??= this.kafka.admin();
        await this.admin.connect();
        await this.admin.describeCluster();
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    await this.relay.start();
    await this.consumers.start();
    this.inboxPurge = setInterval(() => void this.inbox.purge(), INBOX_PURGE_INTERVAL_MS);
    this.inboxPurge.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.inboxPurge);
    await this.consumers.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.admin?.disconnect();
  }
}

export function messagingOptionsFrom(config: ServiceConfig): MessagingOptions {
  return {
    schema: config.database.schema,
    source: `switchboard/${config.service}`,
    databaseUrl: config.database.url,
    brokers: config.kafka.brokers,
    clientId: config.kafka.clientId,
    topicNamespace: config.kafka.topicNamespace,
    partitions: config.kafka.partitions,
    consumerGroup: config.kafka.consumerGroup,
    maxAttempts: config.kafka.maxAttempts,
    concurrency: config.kafka.concurrency,
    consumerBatchSize: config.kafka.batchSize,
    relayBatchSize: 500,
    relayIdlePollMs: 2000,
    relayDeafPollMs: 250,
    inboxRetentionDays: config.kafka.inboxRetentionDays,
  };
}

/** Outbox, relay and inbox consumer for one service; handlers are found by @HandlesEvent. */
@Global()
@Module({})
export class MessagingModule {
  static forService(): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: messagingOptionsFrom, inject: [SERVICE_CONFIG] },
        { provide: KAFKA, useFactory: (o: MessagingOptions) => createKafka(o), inject: [MESSAGING_OPTIONS] },
        { provide: KAFKA_PRODUCER, useFactory: createIdempotentProducer, inject: [KAFKA] },
        MessagingLifecycle,
        EventOutbox,
        OutboxRelay,
        InboxConsumers,
        EventConsumerHost,
        InboxRetention,
        EventTaps,
        KafkaReplayReader,
      ],
      exports: [EventOutbox, OutboxRelay, MESSAGING_OPTIONS, EventTaps, KafkaReplayReader],
    };
  }
}
