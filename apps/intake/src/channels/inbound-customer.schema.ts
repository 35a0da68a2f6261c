import { labelSchema, serviceLevelSchema } from '@switchboard/contracts';
import { z } from 'zod';

/** The profile fields a caller may send about any customer, whatever the channel. */
export const customerProfileFields = {
  serviceLevel: serviceLevelSchema.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as en or pt-BR')
    .optional(),
  /** The account's user type as the caller's CRM knows it; triage takes it over its own guess when it is a configured label. */
  userType: labelSchema.optional(),
};

/** Who wrote a chat message or forum post; `email`/`handle` let intake spot the same person on another channel. */
export const inboundCustomerSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    email: z.email().max(320).optional(),
    handle: z.string().trim().min(1).max(200).optional(),
    ...customerProfileFields,
  })
  .strict();
