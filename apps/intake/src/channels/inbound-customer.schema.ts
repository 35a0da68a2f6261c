import { serviceLevelSchema } from '@switchboard/contracts';
import { z } from 'zod';

/** Who wrote a chat message or forum post; `email`/`handle` let intake spot the same person on another channel. */
export const inboundCustomerSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    email: z.email().max(320).optional(),
    handle: z.string().trim().min(1).max(200).optional(),
    serviceLevel: serviceLevelSchema.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as en or pt-BR')
      .optional(),
  })
  .strict();
