import { Logger } from '@nestjs/common';
import { Kafka, type LogEntry, logLevel, Partitioners, type Producer } from 'kafkajs';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

export function createKafka(connection: KafkaConnection): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/**
 * Idempotent producer with one request in flight: broker-side de-duplication of retried sends,
 * and no reordering of one key's events when a send is retried.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // murmur2, as the Java client: integrators' consumers see the same key-to-partition mapping.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * kafkajs logs, at ERROR, every transient broker answer it then retries by itself (a group
 * rebalancing, a coordinator loading, a leader moving); those go to debug so real failures stand out.
 */
const TRANSIENT =
  /rebalanc|coordinator is (loading|not available)|not the leader|leader not available|topic creation errors|already exists|not a member of the group|connection (timeout|error|closed)/i;

function nestLogCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, error } = log as { message: string; error?: string };
    const text = error ? `${message}: ${error}` : message;
    if (TRANSIENT.test(text) || level >= logLevel.INFO) logger.debug(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else logger.error(text);
  };
}
