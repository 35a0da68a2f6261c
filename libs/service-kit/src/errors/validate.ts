import { z } from 'zod';
import { AppError } from './app-error.js';

/** Turns untrusted input into a typed value or a 422 listing every violated field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, code = 'REQUEST.VALIDATION_FAILED'): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(code, 'the request does not match the expected shape', 422, {
    errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
