import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * CloudEvents 1.0 structured-mode envelope. `correlationId` follows one inquiry across every
 * service; `causationId` names the event that directly caused this one; `precededBy`, present
 * only then, names the event about the same subject emitted just before this one in the same
 * transaction (a sibling of one cause, published on another topic, so a reader of several topics
 * can restore the order).
 */
export const eventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
  datacontenttype: z.literal('application/json'),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  precededBy: z.uuid().optional(),
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & {
  data: TData;
};

export interface EnvelopeInput<TData> {
  type: string;
  source: string;
  subject: string;
  data: TData;
  correlationId: string;
  causationId: string | null;
  precededBy?: string;
  id?: string;
  time?: Date;
}

export function buildEnvelope<TData>(input: EnvelopeInput<TData>): EventEnvelope<TData> {
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    time: (input.time ?? new Date()).toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    correlationId: input.correlationId,
    causationId: input.causationId,
    ...(input.precededBy && { precededBy: input.precededBy }),
    data: input.data,
  };
}
