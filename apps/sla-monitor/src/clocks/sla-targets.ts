import type { SlaClockKind, Tier } from '@switchboard/contracts';

const HOUR_MS = 3_600_000;

/** First-response and resolution targets per tier, from the SOP's tier table. */
export const SOP_TARGET_HOURS: Record<Tier, Record<SlaClockKind, number | null>> = {
  L1: { first_response: 1, resolution: 4 },
  L2: { first_response: 2, resolution: 8 },
  L3: { first_response: 4, resolution: 24 },
  L4: { first_response: 1, resolution: null },
};

export interface ClockPlan {
  kind: SlaClockKind;
  startedAt: Date;
  dueAt: Date;
}

/**
 * Which clocks a (re)routed ticket gets: resolution always, first response only while nobody has
 * answered yet. L4's resolution target is set per case; the configured default stands in.
 */
export function planClocks(
  tier: Tier,
  now: Date,
  options: { responded: boolean; timeScale: number; l4ResolutionHours: number },
): ClockPlan[] {
  const kinds: SlaClockKind[] = options.responded ? ['resolution'] : ['first_response', 'resolution'];
  return kinds.map((kind) => {
    const hours = SOP_TARGET_HOURS[tier][kind] ?? options.l4ResolutionHours;
    return { kind, startedAt: now, dueAt: new Date(now.getTime() + hours * HOUR_MS * options.timeScale) };
  });
}

/** When a threshold (percent of the target; 100 is the breach) falls due. */
export function thresholdAt(startedAt: Date, dueAt: Date, percent: number): Date {
  return new Date(startedAt.getTime() + ((dueAt.getTime() - startedAt.getTime()) * percent) / 100);
}
