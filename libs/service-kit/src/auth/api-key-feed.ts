import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { apiKeyChangedEvent, qualifiedTopic, Topics } from '@switchboard/contracts';
import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { ReadinessRegistry } from '../health/readiness.registry.js';
import { ApiKeyRegistry } from './api-key-registry.js';

const BOOT_WAIT_MS = 30_000;

/**
 * Feeds the registry from the compacted key topic: read from the beginning at boot with a
 * throwaway consumer group (every instance needs every key, so instances must not share
 * partitions), then followed. The service reports not ready until it has caught up with the end
 * the topic had at boot, so it never rejects a key it merely has not read yet.
 */
@Injectable()
export class ApiKeyFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeyFeed');
  private consumer: Consumer | undefined;
  private caughtUp = false;
  private stopped = false;
  private failure: string | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly registry: ApiKeyRegistry,
    readiness: ReadinessRegistry,
  ) {
    readiness.register({
      name: 'api-keys',
      check: async () => {
        if (!this.caughtUp) throw new Error(this.failure ?? 'API keys are still loading');
      },
    });
  }

  /**
   * Waits (bounded) for the catch-up, so a freshly started instance already knows every key when
   * it starts listening; if Kafka is slow it starts anyway and reports not ready until it has.
   */
  async onApplicationBootstrap(): Promise<void> {
    void this.follow();
    const deadline = Date.now() + BOOT_WAIT_MS;
    while (!this.caughtUp && !this.stopped && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Keeps trying in the background: the topic may not exist yet while the messaging module creates it. */
  private async follow(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.failure = `API key feed: ${(error as Error).message}`;
        this.logger.warn(`${this.failure} (attempt ${attempt})`);
        await this.consumer?.disconnect().catch(() => undefined);
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * attempt)));
      }
    }
  }

  private async start(): Promise<void> {
    const startedAt = Date.now();
    const { kafka: k } = this.config;
    const topic = qualifiedTopic(k.topicNamespace, Topics.ApiKeys);
    const kafka = new Kafka({ clientId: `${k.clientId}-api-keys`, brokers: k.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const ends = new Map<number, number>();
    try {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (Number(p.high) > Number(p.low)) ends.set(p.partition, Number(p.high));
      }
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({ groupId: `${k.consumerGroup}-api-keys-${randomUUID()}`, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const markIfCaughtUp = () => {
      if (!this.caughtUp && ends.size === 0) {
        this.caughtUp = true;
        this.logger.log(`API keys loaded: ${this.registry.size} in ${Date.now() - startedAt} ms`);
      }
    };
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        this.applyMessage(message.value?.toString());
        const end = ends.get(partition);
        if (end !== undefined && Number(message.offset) + 1 >= end) ends.delete(partition);
        markIfCaughtUp();
      },
    });
    markIfCaughtUp();
  }

  private applyMessage(value: string | undefined): void {
    if (!value) return;
    try {
      const envelope = JSON.parse(value) as { data?: unknown };
      const parsed = apiKeyChangedEvent.schema.safeParse(envelope.data);
      if (parsed.success) this.registry.apply(parsed.data);
      else this.logger.warn(`ignored an invalid API key record: ${parsed.error.message}`);
    } catch {
      this.logger.warn('ignored an API key record that is not JSON');
    }
  }
}
