import type { WebhookConfig } from '../webhook-config.js';

export type RetrySchedule = Pick<
  WebhookConfig,
  'WEBHOOK_RETRY_BASE_DELAY_MS' | 'WEBHOOK_RETRY_MAX_DELAY_MS' | 'WEBHOOK_RETRY_WINDOW_MS'
>;

/**
 * Exponential backoff with jitter between half and the full step, so deliveries that failed
 * together (a receiver outage) do not all come back in the same instant.
 */
export function retryDelay(failedAttempts: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const step = Math.min(
    schedule.WEBHOOK_RETRY_MAX_DELAY_MS,
    schedule.WEBHOOK_RETRY_BASE_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1),
  );
  return Math.max(1, Math.round(step / 2 + (random() * step) / 2));
}

/** The next attempt, or none when it would fall outside the retry window that began with the first attempt. */
export function nextAttemptAt(
  firstAttemptAt: Date,
  failedAttempts: number,
  now: Date,
  schedule: RetrySchedule,
  random: () => number = Math.random,
): Date | undefined {
  const next = new Date(now.getTime() + retryDelay(failedAttempts, schedule, random));
  return next.getTime() - firstAttemptAt.getTime() > schedule.WEBHOOK_RETRY_WINDOW_MS ? undefined : next;
}
