import { AppError, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { normalizeEventType } from '../ticket-events.js';
import { subscriptionFilterSchema } from './subscription-filter.js';
import { checkTargetUrl } from './target-url.js';

const eventTypes = z.array(z.string().min(1)).min(1).max(100);

export const createSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    url: z.string().min(1).max(2000),
    eventTypes,
    filter: subscriptionFilterSchema.default({}),
    status: z.enum(['active', 'paused']).default('active'),
  })
  .strict();

export const updateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    url: z.string().min(1).max(2000).optional(),
    eventTypes: eventTypes.optional(),
    filter: subscriptionFilterSchema.optional(),
    status: z.enum(['active', 'paused']).optional(),
  })
  .strict();

function normalizeTypes(names: string[]): string[] {
  const unknown = names.filter((n) => !normalizeEventType(n));
  if (unknown.length > 0) {
    throw new AppError('WEBHOOK.UNKNOWN_EVENT_TYPE', `not a ticket event type: ${unknown.join(', ')}`, 422, { unknown });
  }
  return [...new Set(names.map((n) => normalizeEventType(n) as string))].sort();
}

export type CreateSubscription = Omit<z.infer<typeof createSchema>, 'name'> & { name: string };
export type UpdateSubscription = z.infer<typeof updateSchema>;

export function createSubscriptionCommand(body: unknown, allowPrivate: boolean): CreateSubscription {
  const input = parseInput(createSchema, body);
  const url = checkTargetUrl(input.url, allowPrivate);
  return { ...input, url, name: input.name ?? new URL(url).host, eventTypes: normalizeTypes(input.eventTypes) };
}

export function updateSubscriptionCommand(body: unknown, allowPrivate: boolean): UpdateSubscription {
  const input = parseInput(updateSchema, body);
  return {
    ...input,
    url: input.url === undefined ? undefined : checkTargetUrl(input.url, allowPrivate),
    eventTypes: input.eventTypes === undefined ? undefined : normalizeTypes(input.eventTypes),
  };
}
