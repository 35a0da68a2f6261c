import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventDefinitions } from './registry.js';
import { eventJsonSchemaFiles } from './json-schemas.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/events');

describe('committed JSON Schemas of the events', () => {
  const generated = eventJsonSchemaFiles();

  it('has one file per registered event plus the envelope, and nothing stale', () => {
    const committed = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed).toEqual(Object.keys(generated).sort());
    expect(committed).toHaveLength(eventDefinitions.length + 1);
  });

  it.each(Object.keys(eventJsonSchemaFiles()))('%s matches the zod contract (run npm run events:schemas)', (name) => {
    expect(JSON.parse(readFileSync(resolve(dir, name), 'utf8'))).toEqual(generated[name]);
  });

  it('describes ticket ids as uuids and required fields as required', () => {
    const received = generated['support.inquiry.received.v1.json'] as {
      required: string[];
      properties: Record<string, { format?: string }>;
    };
    expect(received.required).toEqual(expect.arrayContaining(['ticketId', 'channel', 'customer']));
    expect(received.properties.ticketId?.format).toBe('uuid');
  });
});
