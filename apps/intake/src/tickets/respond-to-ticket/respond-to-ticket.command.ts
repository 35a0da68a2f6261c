import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const schema = z.object({ authorId: z.string().trim().min(1).max(200), body: z.string().min(1).max(100_000) }).strict();

export class RespondToTicketCommand {
  private constructor(
    readonly ticketId: string,
    readonly authorId: string,
    readonly body: string,
    readonly correlationId: string,
  ) {}

  static create(ticketId: string, input: unknown, correlationId: string): RespondToTicketCommand {
    const parsed = parseInput(schema, input);
    return new RespondToTicketCommand(ticketId, parsed.authorId, parsed.body, correlationId);
  }
}
