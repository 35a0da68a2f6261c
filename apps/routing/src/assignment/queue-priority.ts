import type { ServiceLevel } from '@switchboard/contracts';

const URGENCY: Record<string, number> = { critical: 400, high: 300, medium: 200, low: 100 };
// A customer's level lifts a ticket within its urgency band, never past the next band.
const SERVICE_LEVEL: Record<ServiceLevel, number> = { enterprise: 80, premium: 40, standard: 0 };

export function queuePriority(urgency: string, serviceLevel: ServiceLevel): number {
  return (URGENCY[urgency] ?? 100) + SERVICE_LEVEL[serviceLevel];
}

/**
 * Waiting raises a ticket's effective priority by `agingPerMinute` a minute, so nothing starves.
 * Because every ticket ages at the same rate, ordering by effective priority now equals ordering
 * by this fixed rank, which is stored once at enqueue time and indexed.
 */
export function queueRank(priority: number, queuedAt: Date, agingPerMinute: number): number {
  return priority - agingPerMinute * (queuedAt.getTime() / 60_000);
}

export function effectivePriority(priority: number, queuedAt: Date, now: Date, agingPerMinute: number): number {
  return priority + agingPerMinute * ((now.getTime() - queuedAt.getTime()) / 60_000);
}

/** Customer priority in [0, 1] for candidate scoring. */
export function customerPriority(serviceLevel: ServiceLevel): number {
  return SERVICE_LEVEL[serviceLevel] / SERVICE_LEVEL.enterprise;
}
