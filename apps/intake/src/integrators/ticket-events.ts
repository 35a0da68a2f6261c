import { type EventDefinition, eventDefinitions } from '@switchboard/contracts';
import { z } from 'zod';

/** Every registered event about one ticket (its payload has a ticketId): what integrators can subscribe to. */
export const ticketEventDefinitions: readonly EventDefinition[] = eventDefinitions.filter(
  (d) => d.schema instanceof z.ZodObject && 'ticketId' in d.schema.shape,
);

const byName = new Map<string, string>(
  ticketEventDefinitions.flatMap((d) => [[d.type, d.type] as const, [d.topic, d.type] as const]),
);

/** Accepts a CloudEvents type or a topic name; `*` means every ticket event, present and future. */
export function normalizeEventType(name: string): string | undefined {
  return name === '*' ? '*' : byName.get(name);
}

export function ticketIdOf(data: unknown): string | undefined {
  const id = (data as { ticketId?: unknown } | null)?.ticketId;
  return typeof id === 'string' ? id : undefined;
}
