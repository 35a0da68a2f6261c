import type { Logger } from '@nestjs/common';
import { type EventDefinition, type EventEnvelope } from '@switchboard/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { HandlerContext } from '../handler.js';
import type { MessagingOptions } from '../messaging.options.js';
import type { EventOutbox } from '../outbox/event-outbox.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, NonRetryableError, type RetryPolicy } from '../retry.js';
import { sendToDeadLetters } from './dead-letters.js';
import { decodeMessage } from './decode.js';

const TOGETHER_LOCK_TIMEOUT_MS = 200;

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
 *
 * Events fetched together from one partition are handled in one transaction, up to
 * `consumerBatchSize`, which saves a commit (a WAL flush) per event. If anything in such a
 * transaction fails, nothing of it stays and the events are handled again one by one, each with
 * its own retries, so one bad event never holds up or dead-letters its neighbours.
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
      .run({
        partitionsConsumedConcurrently: this.deps.options.concurrency,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.processBatch(payload),
      })
      .catch((error: Error) => this.deps.logger.error(`${this.groupId} stopped: ${error.message}`));
  }

  /** Stops fetching and waits for the messages being handled to finish before connections close. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    const route = this.routes.get(topic);
    const size = this.deps.options.consumerBatchSize;
    for (let start = 0; start < messages.length; start += size) {
      if (!isRunning() || isStale()) return;
      const chunk = messages.slice(start, start + size);
      if (route && !(chunk.length > 1 && (await this.handleTogether(route, topic, chunk, heartbeat)))) {
        for (const message of chunk) {
          if (!isRunning() || isStale()) return;
          await this.process(route, topic, partition, message, heartbeat);
          resolveOffset(message.offset);
          await heartbeat();
        }
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  }

  /** True when every event of `messages` was handled (or found in the inbox) in one committed transaction. */
  private async handleTogether(
    route: InboxRoute,
    topic: string,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    const envelopes: EventEnvelope[] = [];
    for (const message of messages) {
      const decoded = this.decode(topic, message);
      if (!decoded.ok) return false;
      envelopes.push(decoded.envelope);
    }
    let contexts: HandlerContext[];
    let lostGroup: unknown;
    try {
      contexts = await this.deps.dataSource.transaction(async (manager) => {
        // Batches of different partitions can lock the same rows in different orders. Waiting out
        // PostgreSQL's deadlock check (1 s) stalled both; giving up early sends this one to the
        // one-by-one path, which waits as long as it needs.
        await manager.query(`SET LOCAL lock_timeout = '${TOGETHER_LOCK_TIMEOUT_MS}ms'`);
        const handled: HandlerContext[] = [];
        for (const envelope of envelopes) {
          const context = await this.handleInTransaction(manager, route, envelope, topic);
          if (context) handled.push(context);
          // A slow handler (a hosted model) must not let the group think this member died.
          await heartbeat().catch((error: unknown) => {
            lostGroup = error;
            throw error;
          });
        }
        return handled;
      });
    } catch (error) {
      // The partition is moving to another member, which will handle these events itself.
      if (lostGroup) throw lostGroup;
      this.deps.logger.debug(
        `${this.groupId} ${topic}: ${envelopes.length} events together failed, one by one now: ${(error as Error).message}`,
      );
      return false;
    }
    for (const context of contexts) await this.runAfterCommit(context);
    return true;
  }

  private async process(
    route: InboxRoute,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
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
    const decoded = this.decode(topic, message);
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

  private decode(topic: string, message: KafkaMessage) {
    return decodeMessage(topic.slice(this.deps.options.topicNamespace.length), message.value);
  }

  private async handleOnce(route: InboxRoute, envelope: EventEnvelope, topic: string): Promise<void> {
    const context = await this.deps.dataSource.transaction((manager) =>
      this.handleInTransaction(manager, route, envelope, topic),
    );
    if (context) await this.runAfterCommit(context);
  }

  /** Undefined when the inbox already holds the event: a redelivery. */
  private async handleInTransaction(
    manager: EntityManager,
    route: InboxRoute,
    envelope: EventEnvelope,
    topic: string,
  ): Promise<HandlerContext | undefined> {
    const fresh: unknown[] = await manager.query(
      `INSERT INTO "${this.deps.options.schema}".inbox (consumer_group, event_id, topic) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.groupId, envelope.id, topic],
    );
    if (fresh.length === 0) return undefined;
    const context = new HandlerContext(manager, envelope, this.deps.outbox);
    await route.handle(envelope, route.definition, context);
    return context;
  }

  private async runAfterCommit(context: HandlerContext): Promise<void> {
    await context
      .runAfterCommit()
      .catch((error: Error) =>
        this.deps.logger.warn(`after-commit work for ${context.cause.id} failed (recovered by reconciliation): ${error.message}`),
      );
  }
}
