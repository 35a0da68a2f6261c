import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type EventDefinition, type EventEnvelope, qualifiedTopic } from '@switchboard/contracts';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { HandlerContext } from '../handler.js';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { EventOutbox } from '../outbox/event-outbox.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, NonRetryableError } from '../retry.js';
import { sendToDeadLetters } from './dead-letters.js';
import { decodeMessage } from './decode.js';

export type TapHandler = (event: EventEnvelope, definition: EventDefinition, context: HandlerContext) => Promise<void>;

/**
 * A second consumer group inside one service, for a feature that must see topics the service's
 * own handlers already consume (the host allows one handler per topic and group). Same
 * guarantees as the host: inbox dedupe in the handler's transaction, retries, dead letters.
 */
@Injectable()
export class EventTaps implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EventTaps.name);
  private readonly consumers: Consumer[] = [];
  private readonly joinedAt = new Map<string, Date>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** `name` becomes part of the group id (`<service group>-<name>`): renaming it re-reads every topic. */
  async open(name: string, definitions: readonly EventDefinition[], handler: TapHandler): Promise<void> {
    const groupId = `${this.options.consumerGroup}-${name}`;
    const byTopic = new Map(definitions.map((d) => [qualifiedTopic(this.options.topicNamespace, d.topic), d]));
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 250,
    });
    this.consumers.push(consumer);
    consumer.on(consumer.events.GROUP_JOIN, () => this.joinedAt.set(name, new Date()));
    await consumer.connect();
    await consumer.subscribe({ topics: [...byTopic.keys()], fromBeginning: true });
    consumer
      .run({
        partitionsConsumedConcurrently: this.options.concurrency,
        eachMessage: (payload) => this.process(groupId, byTopic, handler, payload),
      })
      .catch((error: Error) => this.logger.error(`tap ${groupId} stopped: ${error.message}`));
    this.logger.log(`tap ${groupId} consuming ${byTopic.size} topics`);
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
    await Promise.all(this.consumers.map((c) => c.disconnect()));
  }

  private async process(
    groupId: string,
    byTopic: Map<string, EventDefinition>,
    handler: TapHandler,
    { topic, partition, message, heartbeat }: EachMessagePayload,
  ): Promise<void> {
    const decoded = decodeMessage(topic.slice(this.options.topicNamespace.length), message.value);
    const retry = { ...DEFAULT_RETRY_POLICY, maxAttempts: this.options.maxAttempts };
    const letter = (code: string, reason: string, attempts: number) =>
      sendToDeadLetters(this.producer, this.options.topicNamespace, {
        topic,
        partition,
        message,
        consumerGroup: groupId,
        code,
        reason,
        attempts,
      });
    if (!decoded.ok) return letter(decoded.code, decoded.reason, 0);
    const definition = byTopic.get(topic) ?? decoded.definition;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const context = await this.dataSource.transaction(async (manager) => {
          const fresh: unknown[] = await manager.query(
            `INSERT INTO "${this.options.schema}".inbox (consumer_group, event_id, topic) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [groupId, decoded.envelope.id, topic],
          );
          if (fresh.length === 0) return undefined;
          const handlerContext = new HandlerContext(manager, decoded.envelope, this.outbox);
          await handler(decoded.envelope, definition, handlerContext);
          return handlerContext;
        });
        await context
          ?.runAfterCommit()
          .catch((error: Error) => this.logger.warn(`after-commit work for ${decoded.envelope.id} failed: ${error.message}`));
        return;
      } catch (error) {
        const reason = (error as Error).message ?? String(error);
        if (error instanceof NonRetryableError || attempt >= retry.maxAttempts) {
          this.logger.error(`${groupId} ${topic} ${decoded.envelope.id} failed after ${attempt} attempt(s): ${reason}`);
          return letter(error instanceof NonRetryableError ? error.code : 'CONSUMER.HANDLER_FAILED', reason, attempt);
        }
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, retry)));
        await heartbeat();
      }
    }
  }
}
