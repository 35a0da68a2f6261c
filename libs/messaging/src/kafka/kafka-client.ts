import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

export function createKafka(connection: KafkaConnection): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    // kafkajs reports every transient broker answer (coordinator loading, leader moving) at WARN and
    // retries them itself; real failures surface as errors in the relay and consumer.
    logLevel: logLevel.ERROR,
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
