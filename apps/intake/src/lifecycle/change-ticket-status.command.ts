import { ticketStatusSchema } from '@switchboard/contracts';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const schema = z
  .object({
    status: ticketStatusSchema,
    changedBy: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export class ChangeTicketStatusCommand {
  private constructor(
    readonly ticketId: string,
    readonly to: z.infer<typeof ticketStatusSchema>,
    readonly changedBy: string,
    readonly reason: string | undefined,
  ) {}

  static create(ticketId: string, input: unknown): ChangeTicketStatusCommand {
    const parsed = parseInput(schema, input ?? {});
    return new ChangeTicketStatusCommand(ticketId, parsed.status, parsed.changedBy, parsed.reason);
  }
}
