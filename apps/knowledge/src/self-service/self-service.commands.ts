import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const startSchema = z.object({ ticketId: z.uuid(), articleId: z.string().min(1).max(200) }).strict();
export const checkpointSchema = z.object({ worked: z.boolean(), note: z.string().max(2000).optional() }).strict();

export class StartSessionCommand {
  private constructor(
    readonly ticketId: string,
    readonly articleId: string,
    readonly correlationId: string,
  ) {}

  static create(input: unknown, correlationId: string): StartSessionCommand {
    const p = parseInput(startSchema, input);
    return new StartSessionCommand(p.ticketId, p.articleId, correlationId);
  }
}

/** The customer's answer at a checkpoint: "did this work?". */
export class RecordCheckpointCommand {
  private constructor(
    readonly sessionId: string,
    readonly worked: boolean,
    readonly note: string | undefined,
  ) {}

  static create(sessionId: string, input: unknown): RecordCheckpointCommand {
    const p = parseInput(checkpointSchema, input);
    return new RecordCheckpointCommand(sessionId, p.worked, p.note);
  }
}
