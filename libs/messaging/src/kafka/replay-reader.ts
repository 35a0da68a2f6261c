import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EventDefinition, type EventEnvelope, qualifiedTopic } from '@switchboard/contracts';
import type { Kafka } from 'kafkajs';
import { decodeMessage } from '../inbox/decode.js';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';

export interface ReplayedEvent {
  envelope: EventEnvelope;
  definition: EventDefinition;
  topic: string;
  partition: number;
  offset: string;
}

export interface ReplayWindow {
  from: Date;
  /** Exclusive; defaults to the topics' end when the read starts. */
  until?: Date;
  timeoutMs?: number;
}

/**
 * Reads retained history back from Kafka: every event of the given topics from a point in time
 * up to the end offsets seen when the read starts. Uses a throwaway consumer group (never
 * committed, deleted afterwards), so the service's own groups and offsets are untouched.
 */
@Injectable()
export class KafkaReplayReader {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  async read(definitions: readonly EventDefinition[], window: ReplayWindow): Promise<ReplayedEvent[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const groupId = `${this.options.consumerGroup}-replay-${randomUUID()}`;
    const byTopic = new Map(definitions.map((d) => [qualifiedTopic(this.options.topicNamespace, d.topic), d]));
    const pending = new Map<string, { start: bigint; end: bigint }>();
    try {
      for (const topic of byTopic.keys()) {
        const starts = await admin.fetchTopicOffsetsByTimestamp(topic, window.from.getTime());
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of starts) {
          const end = BigInt(ends.find((e) => e.partition === partition)?.high ?? '0');
          // -1 means no message at or after the timestamp: nothing to read in that partition.
          const start = offset === '-1' ? end : BigInt(offset);
          if (start < end) pending.set(`${topic}:${partition}`, { start, end });
        }
      }
      if (pending.size === 0) return [];
      const events = await this.consume(groupId, byTopic, pending, window);
      return events.sort((a, b) => a.envelope.time.localeCompare(b.envelope.time));
    } finally {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }

  private async consume(
    groupId: string,
    byTopic: Map<string, EventDefinition>,
    pending: Map<string, { start: bigint; end: bigint }>,
    window: ReplayWindow,
  ): Promise<ReplayedEvent[]> {
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    const events: ReplayedEvent[] = [];
    const topics = [...new Set([...pending.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))];
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`replay read did not finish within ${window.timeoutMs ?? 60_000} ms`)),
          window.timeoutMs ?? 60_000,
        );
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const key = `${topic}:${partition}`;
            const range = pending.get(key);
            if (!range) return;
            const offset = BigInt(message.offset);
            if (offset < range.start) return;
            const inWindow =
              Number(message.timestamp) >= window.from.getTime() &&
              (window.until === undefined || Number(message.timestamp) < window.until.getTime());
            const decoded = decodeMessage(topic.slice(this.options.topicNamespace.length), message.value);
            if (offset < range.end && inWindow && decoded.ok) {
              events.push({
                envelope: decoded.envelope,
                definition: byTopic.get(topic) ?? decoded.definition,
                topic,
                partition,
                offset: message.offset,
              });
            }
            if (offset >= range.end - 1n) pending.delete(key);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
        for (const [key, range] of pending) {
          const cut = key.lastIndexOf(':');
          consumer.seek({ topic: key.slice(0, cut), partition: Number(key.slice(cut + 1)), offset: range.start.toString() });
        }
      });
      await done;
      return events;
    } finally {
      await consumer.disconnect();
    }
  }
}
