import type { BusinessCalendar } from '../calendars/business-calendar.js';

/** The part of a clock that decides when it falls due: target and consumed time are business time. */
export interface TimedClock {
  targetMs: number;
  consumedMs: number;
  /** When the current running stretch began; null while paused. */
  segmentStartedAt: Date | null;
}

export function consumedAt(clock: TimedClock, calendar: BusinessCalendar, now: Date): number {
  if (!clock.segmentStartedAt) return clock.consumedMs;
  return clock.consumedMs + calendar.between(new Date(clock.segmentStartedAt), now);
}

export function remainingAt(clock: TimedClock, calendar: BusinessCalendar, now: Date): number {
  return Math.round(clock.targetMs - consumedAt(clock, calendar, now));
}

/** When a share of the target (100 is the breach) is used up, if the clock runs. */
export function thresholdAt(clock: TimedClock, calendar: BusinessCalendar, percent: number): Date | null {
  if (!clock.segmentStartedAt) return null;
  const left = Math.max(0, (clock.targetMs * percent) / 100 - clock.consumedMs);
  return calendar.add(new Date(clock.segmentStartedAt), left);
}

export const dueAt = (clock: TimedClock, calendar: BusinessCalendar): Date | null => thresholdAt(clock, calendar, 100);
