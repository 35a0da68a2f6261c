import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type EventDefinition, qualifiedTopic } from '@switchboard/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { EventOutbox } from '../outbox/event-outbox.js';
import { InboxConsumer, type InboxHandler } from './inbox-consumer.js';

export type TapHandler = InboxHandler;

/**
 * A second consumer group inside one service, for a feature that must see topics the service's
 * own handlers already consume (the host allows one handler per topic and group), with the same
 * guarantees as the host.
 */
@Injectable()
export class EventTaps implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventTaps.name);
  private readonly consumers: InboxConsumer[] = [];
  private readonly joinedAt = new Map<string, Date>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** `name` becomes part of the group id (`<service group>-<name>`): renaming it re-reads every topic. */
  async open(name: string, definitions: readonly EventDefinition[], handle: TapHandler): Promise<void> {
    const { options, kafka, producer, dataSource, outbox, logger } = this;
    const routes = new Map(
      definitions.map((definition) => [qualifiedTopic(options.topicNamespace, definition.topic), { definition, handle }]),
    );
    const consumer = new InboxConsumer(
      { options, kafka, producer, dataSource, outbox, logger },
      `${options.consumerGroup}-${name}`,
      routes,
    );
    this.consumers.push(consumer);
    await consumer.start(() => this.joinedAt.set(name, new Date()));
    this.logger.log(`tap ${consumer.groupId} consuming ${routes.size} topics`);
  }

  /**
   * When the tap last (re)joined its group. Nothing is consumed while the service is down or the
   * group rebalances, so a wait for an event to be consumed counts from here; undefined until the
   * first join.
   */
  consumingSince(name: string): Date | undefined {
    return this.joinedAt.get(name);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
