import type { Logger } from '@nestjs/common';
import { type EventDefinition, type EventEnvelope } from '@switchboard/contracts';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { HandlerContext } from '../handler.js';
import type { MessagingOptions } from '../messaging.options.js';
import type { EventOutbox } from '../outbox/event-outbox.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, NonRetryableError, type RetryPolicy } from '../retry.js';
import { sendToDeadLetters } from './dead-letters.js';
import { decodeMessage } from './decode.js';

export type InboxHandler = (event: EventEnvelope, definition: EventDefinition, context: HandlerContext) => Promise<void>;

export interface InboxRoute {
  definition: EventDefinition;
  handle: InboxHandler;
}

export interface InboxConsumerDeps {
  options: MessagingOptions;
  kafka: Kafka;
  producer: Producer;
  dataSource: DataSource;
  outbox: EventOutbox;
  logger: Logger;
}

/**
 * One consumer group with the guarantees every consumer in Switchboard gives: the event id goes
 * into the inbox in the same transaction as the handler's effects (a redelivery after a crash
 * finds it and does nothing), failures are retried with backoff, and what still fails, or cannot
 * be decoded, goes to the dead-letter topic with its original bytes.
 */
export class InboxConsumer {
  private consumer: Consumer | undefined;
  private readonly retry: RetryPolicy;

  /** `routes` is keyed by the namespaced topic name. */
  constructor(
    private readonly deps: InboxConsumerDeps,
    readonly groupId: string,
    private readonly routes: ReadonlyMap<string, InboxRoute>,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, maxAttempts: deps.options.maxAttempts };
  }

  /** Resolves once subscribed. Joining the group is not awaited: it can wait for a crashed predecessor's session to expire. */
  async start(onJoin?: () => void): Promise<void> {
    const consumer = this.deps.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      // A crashed instance's partitions move to the survivors within ten seconds.
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 250,
    });
    this.consumer = consumer;
    if (onJoin) consumer.on(consumer.events.GROUP_JOIN, onJoin);
    await consumer.connect();
    // A new group starts at the beginning: events emitted before this service first ran are not lost.
    await consumer.subscribe({ topics: [...this.routes.keys()], fromBeginning: true });
    consumer
      .run({ partitionsConsumedConcurrently: this.deps.options.concurrency, eachMessage: (payload) => this.process(payload) })
      .catch((error: Error) => this.deps.logger.error(`${this.groupId} stopped: ${error.message}`));
  }

  /** Stops fetching and waits for the messages being handled to finish before connections close. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const route = this.routes.get(topic);
    if (!route) return;
    const letter = (code: string, reason: string, attempts: number) =>
      // If the dead-letter write itself fails, the error propagates and the offset is not committed.
      sendToDeadLetters(this.deps.producer, this.deps.options.topicNamespace, {
        topic,
        partition,
        message,
        consumerGroup: this.groupId,
        code,
        reason,
        attempts,
      });
    const decoded = decodeMessage(topic.slice(this.deps.options.topicNamespace.length), message.value);
    if (!decoded.ok) return letter(decoded.code, decoded.reason, 0);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.handleOnce(route, decoded.envelope, topic);
        return;
      } catch (error) {
        const reason = (error as Error).message ?? String(error);
        const what = `${this.groupId} ${topic} ${decoded.envelope.id}`;
        if (error instanceof NonRetryableError || attempt >= this.retry.maxAttempts) {
          this.deps.logger.error(`${what} failed after ${attempt} attempt(s): ${reason}`);
          return letter(error instanceof NonRetryableError ? error.code : 'CONSUMER.HANDLER_FAILED', reason, attempt);
        }
        this.deps.logger.warn(`${what} attempt ${attempt} failed: ${reason}`);
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, this.retry)));
        await heartbeat();
      }
    }
  }

  private async handleOnce(route: InboxRoute, envelope: EventEnvelope, topic: string): Promise<void> {
    const { dataSource, options, outbox, logger } = this.deps;
    const context = await dataSource.transaction(async (manager) => {
      const fresh: unknown[] = await manager.query(
        `INSERT INTO "${options.schema}".inbox (consumer_group, event_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.groupId, envelope.id, topic],
      );
      if (fresh.length === 0) return undefined;
      const handlerContext = new HandlerContext(manager, envelope, outbox);
      await route.handle(envelope, route.definition, handlerContext);
      return handlerContext;
    });
    await context
      ?.runAfterCommit()
      .catch((error: Error) =>
        logger.warn(`after-commit work for ${envelope.id} failed (recovered by reconciliation): ${error.message}`),
      );
  }
}
