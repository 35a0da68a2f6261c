import { createHash } from 'node:crypto';
import { channelSchema } from '@switchboard/contracts';
import { AppError, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { environmentSchema } from '../../channels/environment.js';
import { customerProfileFields } from '../../channels/inbound-customer.schema.js';

export const submitInquirySchema = z
  .object({
    channel: channelSchema,
    subject: z.string().trim().min(1).max(500),
    body: z.string().min(1).max(100_000),
    customer: z
      .object({
        id: z.string().trim().min(1).max(200),
        email: z.email().optional(),
        ...customerProfileFields,
      })
      .strict(),
    environment: environmentSchema.optional(),
  })
  .strict();

export type SubmitInquiryInput = z.infer<typeof submitInquirySchema>;

/** A valid inquiry with its idempotency key; an invalid one cannot be constructed. */
export class SubmitInquiryCommand {
  private constructor(
    readonly idempotencyKey: string,
    readonly inquiry: SubmitInquiryInput,
    readonly correlationId: string,
  ) {}

  static create(idempotencyKey: string | undefined, body: unknown, correlationId: string): SubmitInquiryCommand {
    if (!idempotencyKey || idempotencyKey.trim() === '') {
      throw new AppError('INTAKE.IDEMPOTENCY_KEY_REQUIRED', 'the Idempotency-Key header is required', 400);
    }
    if (idempotencyKey.length > 255) {
      throw new AppError('INTAKE.IDEMPOTENCY_KEY_INVALID', 'the Idempotency-Key header is longer than 255 characters', 400);
    }
    return new SubmitInquiryCommand(idempotencyKey.trim(), parseInput(submitInquirySchema, body), correlationId);
  }

  /** Same key with a different body is a client bug, not a retry; the hash tells them apart. */
  get requestHash(): string {
    return createHash('sha256')
      .update(JSON.stringify(canonical(this.inquiry)))
      .digest('hex');
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
