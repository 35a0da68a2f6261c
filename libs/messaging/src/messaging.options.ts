export interface MessagingOptions {
  /** The service's PostgreSQL schema, which holds its outbox and inbox tables. */
  schema: string;
  /** CloudEvents `source` of everything this service emits. */
  source: string;
  databaseUrl: string;
  brokers: string[];
  clientId: string;
  topicNamespace: string;
  partitions: number;
  consumerGroup: string;
  maxAttempts: number;
  concurrency: number;
  /** At most this many events of one partition share a transaction (see InboxConsumer). */
  consumerBatchSize: number;
  relayBatchSize: number;
  /** How often the relay looks for rows no notification announced, while its listener is connected. */
  relayIdlePollMs: number;
  /** The same while the listener is down (PostgreSQL restarted, connection cut) and reconnecting. */
  relayDeafPollMs: number;
  /** Processed event ids older than this are forgotten; keep it above the topics' retention. */
  inboxRetentionDays: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
