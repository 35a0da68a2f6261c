import type { JobsOptions } from 'bullmq';

/**
 * Options for an alarm whose truth lives in PostgreSQL (an SLA threshold, a survey send, a webhook
 * attempt). One that throws (the database briefly away) is tried again within seconds rather than
 * left to the reconciler. A failed alarm is removed, not kept: BullMQ drops an add whose job id is
 * still in Redis, so a kept failure (after its retries spanned, say, a long database outage) would
 * block the reconciler from re-arming that alarm for good.
 */
export const DURABLE_ALARM_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: true,
} as const satisfies JobsOptions;

/** A durable alarm's job options: under `jobId`, due at `dueAt` (at once if that has passed). */
export function alarmAt(jobId: string, dueAt: Date | number, now = Date.now()) {
  return { ...DURABLE_ALARM_OPTIONS, jobId, delay: Math.max(0, new Date(dueAt).getTime() - now) };
}
