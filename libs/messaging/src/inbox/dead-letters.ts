import { Topics, qualifiedTopic } from '@switchboard/contracts';
import type { KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  code: string;
  reason: string;
  attempts: number;
}

/**
 * The original bytes are kept untouched; why it failed and where it came from ride in headers,
 * so a replay tool can send it back to its topic as it was.
 */
export async function sendToDeadLetters(producer: Producer, namespace: string, letter: DeadLetter): Promise<void> {
  const originalHeaders = Object.fromEntries(
    Object.entries(letter.message.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : v]),
  );
  await producer.send({
    topic: qualifiedTopic(namespace, Topics.DeadLetter),
    acks: -1,
    messages: [
      {
        key: letter.message.key,
        value: letter.message.value,
        headers: {
          ...originalHeaders,
          'dlq-original-topic': letter.topic,
          'dlq-original-partition': String(letter.partition),
          'dlq-original-offset': letter.message.offset,
          'dlq-consumer-group': letter.consumerGroup,
          'dlq-error-code': letter.code,
          'dlq-reason': letter.reason.slice(0, 2000),
          'dlq-attempts': String(letter.attempts),
          'dlq-failed-at': new Date().toISOString(),
        },
      },
    ],
  });
}
