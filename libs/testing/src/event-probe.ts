import { randomUUID } from 'node:crypto';
import { buildEnvelope, type EventEnvelope, qualifiedTopic, type TopicName } from '@switchboard/contracts';
import { createKafka, ensureTopics, headersFor } from '@switchboard/messaging';
import { type Consumer, type IHeaders, type Kafka, Partitioners, type Producer } from 'kafkajs';
import { TEST_KAFKA_BROKERS, waitFor } from './test-env.js';

export interface SeenMessage {
  topic: string;
  key: string | null;
  envelope: EventEnvelope;
  headers: Record<string, string>;
}

/** A test's window on Kafka: creates the namespace's topics, records what is published, publishes raw input. */
export class EventProbe {
  readonly seen: SeenMessage[] = [];
  private readonly kafka: Kafka;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;

  constructor(readonly namespace: string) {
    this.kafka = createKafka({ brokers: TEST_KAFKA_BROKERS.split(','), clientId: `probe-${randomUUID().slice(0, 8)}` });
  }

  async start(topics: TopicName[]): Promise<this> {
    await ensureTopics(this.kafka, this.namespace, 3);
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: `${this.namespace}probe-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topics.map((t) => qualifiedTopic(this.namespace, t)), fromBeginning: true });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.seen.push({
          topic: topic.slice(this.namespace.length),
          key: message.key?.toString() ?? null,
          envelope: parseOrRaw(message.value?.toString() ?? 'null'),
          headers: textHeaders(message.headers),
        });
      },
    });
    await waitFor(async () => joined, { what: 'probe consumer to join', timeoutMs: 30_000 });
    return this;
  }

  of(topic: TopicName, subject?: string): SeenMessage[] {
    return this.seen.filter((m) => m.topic === topic && (subject === undefined || m.envelope?.subject === subject));
  }

  waitForEvent(topic: TopicName, subject: string, timeoutMs = 20_000): Promise<SeenMessage> {
    return waitFor(async () => this.of(topic, subject)[0], { timeoutMs, what: `${topic} for ${subject}` });
  }

  /** Publishes an envelope as a service would (for feeding a service under test). */
  async publish<T>(topic: TopicName, type: string, subject: string, data: T, id?: string): Promise<EventEnvelope<T>> {
    const envelope = testEnvelope(type, subject, data, id);
    await this.send(topic, [messageOf(subject, envelope)]);
    return envelope;
  }

  /** Publishes several envelopes in one request under one key, so they land in one partition and are fetched together. */
  async publishTogether<T>(topic: TopicName, type: string, key: string, items: { subject: string; data: T }[]): Promise<void> {
    await this.send(
      topic,
      items.map(({ subject, data }) => messageOf(key, testEnvelope(type, subject, data))),
    );
  }

  async publishRaw(topic: TopicName, key: string, value: string, headers: Record<string, string> = {}): Promise<void> {
    await this.send(topic, [{ key, value, headers }]);
  }

  private async send(
    topic: TopicName,
    messages: { key: string; value: string; headers: Record<string, string> }[],
  ): Promise<void> {
    await this.producer!.send({ topic: qualifiedTopic(this.namespace, topic), acks: -1, messages });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}

function testEnvelope<T>(type: string, subject: string, data: T, id?: string): EventEnvelope<T> {
  return buildEnvelope({ type, source: 'switchboard/test', subject, data, correlationId: randomUUID(), causationId: null, id });
}

function messageOf(key: string, envelope: EventEnvelope) {
  return { key, value: JSON.stringify(envelope), headers: headersFor(envelope) };
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

/** Dead letters keep the original bytes, which may not be JSON at all. */
function parseOrRaw(text: string): EventEnvelope {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text } as unknown as EventEnvelope;
  }
}
