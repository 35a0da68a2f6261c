import { agentStatusSchema, channelSchema, tierSchema } from '@switchboard/contracts';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { isValidTimezone, WEEKDAYS } from './availability.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const interval = z.tuple([hhmm, hhmm]).refine(([from, to]) => from < to, 'an interval must end after it starts');
const workingHours = z.partialRecord(z.enum(WEEKDAYS), z.array(interval).max(6));
const shift = z
  .object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
  .refine((s) => Date.parse(s.start) < Date.parse(s.end), 'a shift must end after it starts');

const profileFields = {
  name: z.string().trim().min(1).max(200),
  tier: tierSchema,
  tiers: z.array(tierSchema).min(1).max(4).optional(),
  skills: z.array(z.string().trim().min(1).max(64)).max(50),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/))
    .min(1)
    .max(20),
  capacity: z.number().int().min(0).max(1000),
  channelCapacity: z.partialRecord(channelSchema, z.number().int().min(0).max(1000)),
  timezone: z.string().refine(isValidTimezone, 'an IANA time zone such as Europe/Berlin'),
  workingHours,
  shifts: z.array(shift).max(200),
  teamId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{1,63}$/)
    .nullable(),
};

export const createSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lowercase letters, digits, - and _'),
    ...profileFields,
    skills: profileFields.skills.default([]),
    languages: profileFields.languages.default(['en']),
    channelCapacity: profileFields.channelCapacity.default({}),
    timezone: profileFields.timezone.default('UTC'),
    workingHours: workingHours.default({}),
    shifts: profileFields.shifts.default([]),
    teamId: profileFields.teamId.default(null),
    status: agentStatusSchema.default('online'),
  })
  .strict();

export const updateSchema = z.object(profileFields).partial().strict();

export type CreateAgentInput = z.infer<typeof createSchema> & { tiers: NonNullable<z.infer<typeof createSchema>['tiers']> };
export type UpdateAgentInput = z.infer<typeof updateSchema>;

export class CreateAgentCommand {
  private constructor(
    readonly agent: CreateAgentInput,
    readonly correlationId: string,
  ) {}

  static create(input: unknown, correlationId: string): CreateAgentCommand {
    const agent = parseInput(createSchema, input);
    // the home tier is always one of the tiers an agent covers
    const tiers = [...new Set([agent.tier, ...(agent.tiers ?? [])])];
    return new CreateAgentCommand({ ...agent, tiers }, correlationId);
  }
}

export class UpdateAgentCommand {
  private constructor(
    readonly agentId: string,
    readonly changes: UpdateAgentInput,
  ) {}

  static create(agentId: string, input: unknown): UpdateAgentCommand {
    return new UpdateAgentCommand(agentId, parseInput(updateSchema, input));
  }
}

export class SetAgentStatusCommand {
  private constructor(
    readonly agentId: string,
    readonly status: z.infer<typeof agentStatusSchema>,
    readonly correlationId: string,
  ) {}

  static create(agentId: string, input: unknown, correlationId: string): SetAgentStatusCommand {
    const { status } = parseInput(z.object({ status: agentStatusSchema }).strict(), input);
    return new SetAgentStatusCommand(agentId, status, correlationId);
  }
}
