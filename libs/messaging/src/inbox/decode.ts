import { definitionForTopic, type EventDefinition, type EventEnvelope, eventEnvelopeSchema } from '@switchboard/contracts';

export type Decoded =
  { ok: true; envelope: EventEnvelope; definition: EventDefinition } | { ok: false; code: string; reason: string };

/** Validates an incoming message against the envelope and the topic's own contract. */
export function decodeMessage(topic: string, value: Buffer | null): Decoded {
  if (!value) return { ok: false, code: 'CONTRACT.EMPTY_MESSAGE', reason: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, code: 'CONTRACT.MALFORMED_JSON', reason: 'message value is not JSON' };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, code: 'CONTRACT.INVALID_ENVELOPE', reason: describe(envelope.error.issues) };
  }
  const definition = definitionForTopic(topic);
  if (!definition) return { ok: false, code: 'CONTRACT.UNKNOWN_TOPIC', reason: `no contract for ${topic}` };
  if (envelope.data.type !== definition.type) {
    return { ok: false, code: 'CONTRACT.TYPE_MISMATCH', reason: `type ${envelope.data.type} on ${topic}` };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, code: 'CONTRACT.INVALID_PAYLOAD', reason: describe(data.error.issues) };
  return { ok: true, envelope: { ...envelope.data, data: data.data }, definition };
}

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}
