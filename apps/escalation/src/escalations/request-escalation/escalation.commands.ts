import { ticketIdSchema } from '@switchboard/contracts';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const requestSchema = z
  .object({
    ticketId: ticketIdSchema,
    /** Triggers people call; the others come from events. */
    trigger: z.enum(['code_change', 'security', 'manual']),
    reason: z.string().trim().min(3).max(2000),
    requestedBy: z.string().trim().min(1).max(200).default('agent'),
  })
  .strict();

export const deEscalateSchema = z
  .object({
    ticketId: ticketIdSchema,
    reason: z.string().trim().min(3).max(2000),
    requestedBy: z.string().trim().min(1).max(200),
  })
  .strict();

export const expertsSchema = z.object({ experts: z.array(z.string().trim().min(1).max(200)).max(100) }).strict();

export type RequestEscalation = z.infer<typeof requestSchema>;
export type DeEscalate = z.infer<typeof deEscalateSchema>;

export const parseRequestEscalation = (input: unknown): RequestEscalation => parseInput(requestSchema, input);
export const parseDeEscalate = (input: unknown): DeEscalate => parseInput(deEscalateSchema, input);
export const parseExperts = (input: unknown): string[] => parseInput(expertsSchema, input).experts;
