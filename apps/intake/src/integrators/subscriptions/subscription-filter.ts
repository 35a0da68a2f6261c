import { channelSchema, serviceLevelSchema, tierSchema } from '@switchboard/contracts';
import { z } from 'zod';

export const subscriptionFilterSchema = z
  .object({
    channels: z.array(channelSchema).min(1).optional(),
    tiers: z.array(tierSchema).min(1).optional(),
    serviceLevels: z.array(serviceLevelSchema).min(1).optional(),
    ticketIds: z.array(z.uuid()).min(1).max(1000).optional(),
  })
  .strict();

export type SubscriptionFilter = z.infer<typeof subscriptionFilterSchema>;

/** What intake knows about a ticket when an event about it arrives; tier is unknown until routing. */
export interface TicketAttributes {
  ticketId: string;
  channel?: string;
  serviceLevel?: string;
  tier?: string;
}

/** Every list present must contain the ticket's value; an attribute not known yet does not match. */
export function matchesFilter(filter: SubscriptionFilter, ticket: TicketAttributes): boolean {
  const within = (allowed: readonly string[] | undefined, value: string | undefined) =>
    allowed === undefined || (value !== undefined && allowed.includes(value));
  return (
    within(filter.ticketIds, ticket.ticketId) &&
    within(filter.channels, ticket.channel) &&
    within(filter.serviceLevels, ticket.serviceLevel) &&
    within(filter.tiers, ticket.tier)
  );
}
