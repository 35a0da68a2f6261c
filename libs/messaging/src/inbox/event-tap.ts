import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type EventDefinition, qualifiedTopic } from '@switchboard/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import type { InboxConsumer, InboxHandler } from './inbox-consumer.js';
import { InboxConsumers } from './inbox-consumers.js';

export type TapHandler = InboxHandler;

/**
 * A second consumer group inside one service, for a feature that must see topics the service's
 * own handlers already consume (the host allows one handler per topic and group), with the same
 * guarantees as the host.
 */
@Injectable()
export class EventTaps implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventTaps.name);
  private readonly opened: InboxConsumer[] = [];
  private readonly joinedAt = new Map<string, Date>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly inboxConsumers: InboxConsumers,
  ) {}

  /** `name` becomes part of the group id (`<service group>-<name>`): renaming it re-reads every topic. */
  async open(name: string, definitions: readonly EventDefinition[], handle: TapHandler): Promise<void> {
    const routes = new Map(
      definitions.map((definition) => [qualifiedTopic(this.options.topicNamespace, definition.topic), { definition, handle }]),
    );
    const consumer = this.inboxConsumers.create(`${this.options.consumerGroup}-${name}`, routes, this.logger);
    this.opened.push(consumer);
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
    await Promise.all(this.opened.map((c) => c.stop()));
  }
}
