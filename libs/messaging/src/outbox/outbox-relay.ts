import { Inject, Injectable, Logger } from '@nestjs/common';
import { qualifiedTopic, type TopicName } from '@switchboard/contracts';
import type { Message, Producer } from 'kafkajs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { KAFKA_PRODUCER, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import { outboxChannel } from './event-outbox.js';

interface OutboxRow {
  seq: string;
  topic: TopicName;
  message_key: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows in commit order. One relay per schema holds a transaction-scoped
 * advisory lock while it publishes, so several instances never interleave one ticket's events.
 * A crash between send and delete republishes a batch: consumers de-duplicate by event id.
 *
 * Every outbox write notifies the relay (LISTEN/NOTIFY), so it publishes at once; polling only
 * covers what a notification could miss. It is slow while the listener is connected (each idle
 * poll is a transaction, and six services polling four times a second kept PostgreSQL and the
 * services busy doing nothing) and fast while the listener is down and reconnecting.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private notified = false;
  private listener: pg.Client | undefined;
  private listening = false;
  private reconnect: NodeJS.Timeout | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnect);
    this.wake?.();
    await this.loop;
    // Whatever committed before shutdown is published now rather than at the next start.
    await this.drainAll().catch((error: Error) => this.logger.warn(`final drain failed: ${error.message}`));
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes until the outbox is empty; used at shutdown and by tests. */
  async drainAll(): Promise<void> {
    while ((await this.publishBatch()) === this.options.relayBatchSize) {
      // keep draining full batches
    }
  }

  /** Connects the notification listener; on failure the relay polls fast and tries again. */
  private async listen(): Promise<void> {
    const listener = new pg.Client({ connectionString: this.options.databaseUrl });
    this.listener = listener;
    listener.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    const lost = (reason: string) => {
      if (this.listener !== listener || !this.listening) return;
      this.listening = false;
      this.logger.warn(`outbox listener lost (${reason}); polling every ${this.options.relayDeafPollMs} ms until it is back`);
      void listener.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection ended'));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${outboxChannel(this.options.schema)}`);
      // a reconnect that finishes after stop() must not keep the process alive
      if (!this.running) {
        await listener.end();
        return;
      }
      this.listening = true;
      // anything written while no one listened is published by the next pass
      this.notified = true;
      this.wake?.();
    } catch (error) {
      this.logger.warn(`outbox listener: ${(error as Error).message}; polling every ${this.options.relayDeafPollMs} ms`);
      void listener.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    this.reconnect = setTimeout(() => void this.listen(), 1000);
    this.reconnect.unref();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // Cleared before the pass reads, so a notification that comes while it runs (a commit the
        // pass's snapshot missed) makes the next idle return at once.
        this.notified = false;
        const published = await this.publishBatch();
        if (published < this.options.relayBatchSize) {
          await this.idle(this.listening ? this.options.relayIdlePollMs : this.options.relayDeafPollMs);
        }
      } catch (error) {
        this.logger.warn(`outbox publish failed, retrying: ${(error as Error).message}`);
        await this.idle(1000);
      }
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.notified || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      // A wake-up belongs to one idle: kept past it, a later notification would call it during a
      // pass, and a wake-up that cleared the flag then lost that notification until the next poll
      // (2 s late under load).
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async publishBatch(): Promise<number> {
    const { schema, relayBatchSize, topicNamespace } = this.options;
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `switchboard.outbox.${schema}`,
      ]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, topic, message_key, payload, headers FROM "${schema}".outbox ORDER BY seq LIMIT $1`,
        [relayBatchSize],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, Message[]>();
      for (const row of rows) {
        const topic = qualifiedTopic(topicNamespace, row.topic);
        const messages = byTopic.get(topic) ?? [];
        messages.push({ key: row.message_key, value: JSON.stringify(row.payload), headers: row.headers });
        byTopic.set(topic, messages);
      }
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      await manager.query(`DELETE FROM "${schema}".outbox WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }
}
