import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { qualifiedTopic, type EventDefinition } from '@switchboard/contracts';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { type EventHandler, HANDLES_EVENT, HandlerContext } from '../handler.js';
import { KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { EventOutbox } from '../outbox/event-outbox.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, NonRetryableError, type RetryPolicy } from '../retry.js';
import { sendToDeadLetters } from './dead-letters.js';
import { decodeMessage } from './decode.js';

interface Registration {
  definition: EventDefinition;
  handler: EventHandler;
}

/**
 * Runs every @HandlesEvent provider of the service. Each message is processed at most once per
 * consumer group: its event id goes into the inbox in the same transaction as the handler's
 * effects, so a redelivery after a crash finds the id and does nothing.
 */
@Injectable()
export class EventConsumerHost {
  private readonly logger = new Logger(EventConsumerHost.name);
  private consumer: Consumer | undefined;
  private readonly byTopic = new Map<string, Registration>();
  private readonly retry: RetryPolicy;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly discovery: DiscoveryService,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, maxAttempts: options.maxAttempts };
  }

  async start(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const definitions: EventDefinition[] | undefined = wrapper.metatype && Reflect.getMetadata(HANDLES_EVENT, wrapper.metatype);
      if (!definitions || !wrapper.instance) continue;
      for (const definition of definitions) {
        const topic = qualifiedTopic(this.options.topicNamespace, definition.topic);
        if (this.byTopic.has(topic)) throw new Error(`two handlers for ${topic}`);
        this.byTopic.set(topic, { definition, handler: wrapper.instance as EventHandler });
      }
    }
    if (this.byTopic.size === 0) return;
    this.consumer = this.kafka.consumer({
      groupId: this.options.consumerGroup,
      allowAutoTopicCreation: false,
      // A crashed instance's partitions move to the survivors within ten seconds.
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 250,
    });
    await this.consumer.connect();
    // A new group starts at the beginning: events emitted before this service first ran are not lost.
    await this.consumer.subscribe({ topics: [...this.byTopic.keys()], fromBeginning: true });
    // Joining the group can wait for a crashed predecessor's session to expire; serving HTTP and
    // gRPC meanwhile is fine, so the join is not awaited here.
    this.consumer
      .run({ partitionsConsumedConcurrently: this.options.concurrency, eachMessage: (payload) => this.process(payload) })
      .catch((error: Error) => this.logger.error(`consumer stopped: ${error.message}`));
    this.logger.log(`consuming ${[...this.byTopic.keys()].join(', ')} as ${this.options.consumerGroup}`);
  }

  /** Stops fetching and waits for the messages being handled to finish before connections close. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const registration = this.byTopic.get(topic);
    if (!registration) return;
    const decoded = decodeMessage(topic.slice(this.options.topicNamespace.length), message.value);
    if (!decoded.ok) {
      await this.deadLetter(topic, partition, message, decoded.code, decoded.reason, 0);
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.handleOnce(registration, decoded.envelope, topic);
        return;
      } catch (error) {
        const final = error instanceof NonRetryableError || attempt >= this.retry.maxAttempts;
        const code = error instanceof NonRetryableError ? error.code : 'CONSUMER.HANDLER_FAILED';
        const reason = (error as Error).message ?? String(error);
        if (final) {
          this.logger.error(`${topic} ${decoded.envelope.id} failed after ${attempt} attempt(s): ${reason}`);
          await this.deadLetter(topic, partition, message, code, reason, attempt);
          return;
        }
        this.logger.warn(`${topic} ${decoded.envelope.id} attempt ${attempt} failed: ${reason}`);
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, this.retry)));
        await heartbeat();
      }
    }
  }

  private async handleOnce(registration: Registration, envelope: HandlerContext['cause'], topic: string): Promise<void> {
    const context = await this.dataSource.transaction(async (manager) => {
      const fresh: unknown[] = await manager.query(
        `INSERT INTO "${this.options.schema}".inbox (consumer_group, event_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.consumerGroup, envelope.id, topic],
      );
      if (fresh.length === 0) return undefined;
      const handlerContext = new HandlerContext(manager, envelope, this.outbox);
      await registration.handler.handle(envelope, handlerContext);
      return handlerContext;
    });
    await context
      ?.runAfterCommit()
      .catch((error: Error) =>
        this.logger.warn(`after-commit work for ${envelope.id} failed (recovered by reconciliation): ${error.message}`),
      );
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    code: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    // If the dead-letter write itself fails, the error propagates and the offset is not committed.
    await sendToDeadLetters(this.producer, this.options.topicNamespace, {
      topic,
      partition,
      message,
      consumerGroup: this.options.consumerGroup,
      code,
      reason,
      attempts,
    });
  }
}
