import { eventDefinitions, eventEnvelopeSchema, Topics } from '@switchboard/contracts';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const pascal = (topic: string) =>
  topic
    .replace(/^support\./, '')
    .replace(/\.v\d+$/, '')
    .split(/[.-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

// The CloudEvents binary-mode headers every message carries (libs/messaging headersFor).
const HEADERS: JsonSchema = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_subject', 'content-type', 'correlation-id'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', format: 'uuid' },
    ce_type: { type: 'string' },
    ce_source: { type: 'string' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_subject: { type: 'string', description: 'equals the Kafka key' },
    'content-type': { type: 'string', const: 'application/cloudevents+json' },
    'correlation-id': { type: 'string' },
    'causation-id': { type: 'string' },
  },
};

/**
 * The AsyncAPI 3.0 document of every topic, generated from libs/contracts: one channel per topic,
 * its message being the CloudEvents envelope whose `data` is the event's zod schema.
 */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const envelope = jsonSchema(eventEnvelopeSchema) as { properties: Record<string, unknown> };
  for (const def of eventDefinitions) {
    const name = pascal(def.topic);
    messages[name] = {
      name,
      title: def.type,
      contentType: 'application/json',
      headers: HEADERS,
      payload: {
        ...envelope,
        properties: { ...envelope.properties, type: { type: 'string', const: def.type }, data: jsonSchema(def.schema) },
      },
      bindings: { kafka: { key: { type: 'string', description: 'the subject: ticket id (or API key id)' } } },
    };
    channels[name] = {
      address: def.topic,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      ...(def.topic === Topics.ApiKeys ? { description: 'compacted: the latest state of every API key' } : {}),
    };
    operations[`publish${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${name}` },
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
    };
  }
  channels.DeadLetter = {
    address: Topics.DeadLetter,
    description: 'messages a consumer gave up on, with their original bytes and headers',
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Switchboard events',
      version,
      description:
        'Every topic the Switchboard services publish, as CloudEvents 1.0 JSON envelopes keyed by subject. Topic names may be prefixed by a deployment namespace.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka' } },
    channels,
    operations,
    components: { messages },
  };
}
