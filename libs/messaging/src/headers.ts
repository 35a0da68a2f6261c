import type { EventEnvelope } from '@switchboard/contracts';
import type { IHeaders } from 'kafkajs';

/**
 * CloudEvents binary-mode headers duplicate the envelope's attributes so tools can route and
 * filter without parsing the body; the structured JSON body stays the source of truth.
 */
export function headersFor(envelope: EventEnvelope): Record<string, string> {
  return {
    ce_specversion: envelope.specversion,
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_source: envelope.source,
    ce_time: envelope.time,
    ce_subject: envelope.subject,
    'content-type': 'application/cloudevents+json',
    'correlation-id': envelope.correlationId,
    ...(envelope.causationId ? { 'causation-id': envelope.causationId } : {}),
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
