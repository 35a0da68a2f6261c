import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

const fields = { name: z.string().trim().min(1).max(200), description: z.string().max(2000) };
export const createSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lowercase letters, digits, - and _'),
    ...fields,
    description: fields.description.default(''),
  })
  .strict();
export const updateSchema = z.object(fields).partial().strict();

export type TeamInput = z.infer<typeof createSchema>;

export const parseCreateTeam = (input: unknown): TeamInput => parseInput(createSchema, input);
export const parseUpdateTeam = (input: unknown): Partial<Omit<TeamInput, 'id'>> => parseInput(updateSchema, input);
