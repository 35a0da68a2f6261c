import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const schema = z
  .object({ resolvedBy: z.string().trim().min(1).max(200), resolutionNote: z.string().max(20_000).optional() })
  .strict();

export class ResolveTicketCommand {
  private constructor(
    readonly ticketId: string,
    readonly resolvedBy: string,
    readonly resolutionNote: string | undefined,
  ) {}

  static create(ticketId: string, input: unknown): ResolveTicketCommand {
    const parsed = parseInput(schema, input ?? {});
    return new ResolveTicketCommand(ticketId, parsed.resolvedBy, parsed.resolutionNote);
  }
}
