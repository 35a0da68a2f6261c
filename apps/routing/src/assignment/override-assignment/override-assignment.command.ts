import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const schema = z
  .object({
    agentId: z.string().trim().min(1).max(100),
    supervisorId: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(3).max(2000),
  })
  .strict();

/** A supervisor's reassignment; the reason is required because overrides measure routing quality. */
export class OverrideAssignmentCommand {
  private constructor(
    readonly ticketId: string,
    readonly agentId: string,
    readonly supervisorId: string,
    readonly reason: string,
    readonly correlationId: string,
  ) {}

  static create(ticketId: string, input: unknown, correlationId: string): OverrideAssignmentCommand {
    const p = parseInput(schema, input);
    return new OverrideAssignmentCommand(ticketId, p.agentId, p.supervisorId, p.reason, correlationId);
  }
}
