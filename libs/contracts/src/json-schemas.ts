import { z } from 'zod';
import type { EventDefinition } from './define-event.js';
import { eventEnvelopeSchema } from './envelope.js';
import { eventDefinitions } from './registry.js';

/**
 * JSON Schema (draft 2020-12) of each event's `data`, generated from the zod contracts so that
 * consumers in other languages validate against exactly what the services validate.
 * The committed copies in docs/events are checked against this by a unit test.
 */
export function eventJsonSchema(definition: EventDefinition): Record<string, unknown> {
  return {
    $id: `https://switchboard.dev/schemas/events/${definition.topic}.json`,
    title: definition.type,
    description: `data of a CloudEvent of type ${definition.type} on topic ${definition.topic}, keyed by ticket id where it has one`,
    ...z.toJSONSchema(definition.schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }),
  };
}

export function envelopeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://switchboard.dev/schemas/events/envelope.json',
    title: 'CloudEvents 1.0 structured envelope of every Switchboard event',
    ...z.toJSONSchema(eventEnvelopeSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }),
  };
}

/** File name → schema, as committed under docs/events. */
export function eventJsonSchemaFiles(): Record<string, Record<string, unknown>> {
  const files: Record<string, Record<string, unknown>> = { 'envelope.json': envelopeJsonSchema() };
  for (const definition of eventDefinitions) files[`${definition.topic}.json`] = eventJsonSchema(definition);
  return files;
}
