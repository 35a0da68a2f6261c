import { BusinessCalendar } from '../calendars/business-calendar.js';
import { consumedAt, dueAt, remainingAt, thresholdAt } from './clock-timing.js';

const always = BusinessCalendar.always();
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('clock timing', () => {
  it('places the due time and warnings proportionally on a fresh clock', () => {
    const clock = { targetMs: 4 * HOUR, consumedMs: 0, segmentStartedAt: at('2026-11-27T10:00:00Z') };
    expect(dueAt(clock, always)?.toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(thresholdAt(clock, always, 75)?.toISOString()).toBe('2026-11-27T13:00:00.000Z');
  });

  it('carries consumed time over a pause: the due time moves by the paused stretch', () => {
    const resumed = { targetMs: 4 * HOUR, consumedMs: 1 * HOUR, segmentStartedAt: at('2026-11-27T15:00:00Z') };
    expect(dueAt(resumed, always)?.toISOString()).toBe('2026-11-27T18:00:00.000Z');
    expect(remainingAt(resumed, always, at('2026-11-27T16:00:00Z'))).toBe(2 * HOUR);
  });

  it('has no due time while paused and keeps the consumed time', () => {
    const paused = { targetMs: 4 * HOUR, consumedMs: 3 * HOUR, segmentStartedAt: null };
    expect(dueAt(paused, always)).toBeNull();
    expect(consumedAt(paused, always, at('2030-01-01T00:00:00Z'))).toBe(3 * HOUR);
  });

  it('fires a threshold already passed at once on resume', () => {
    const resumed = { targetMs: 4 * HOUR, consumedMs: 3 * HOUR, segmentStartedAt: at('2026-11-27T15:00:00Z') };
    expect(thresholdAt(resumed, always, 50)?.toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });
});
