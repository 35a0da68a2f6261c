import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

export const schema = z.object({ subject: z.string().max(500).default(''), body: z.string().min(1).max(100_000) }).strict();

/** A dry-run classification request: nothing is stored or emitted. */
export class ClassifyTextCommand {
  private constructor(
    readonly subject: string,
    readonly body: string,
  ) {}

  static create(input: unknown): ClassifyTextCommand {
    const parsed = parseInput(schema, input);
    return new ClassifyTextCommand(parsed.subject, parsed.body);
  }
}
