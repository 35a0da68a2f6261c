import { BusinessCalendar, type WeeklyWindow } from './business-calendar.js';

const weekdays = (start: string, end: string): WeeklyWindow[] => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const berlin = (holidays: string[] = []) =>
  new BusinessCalendar({ timeZone: 'Europe/Berlin', mode: 'business_hours', weekly: weekdays('09:00', '17:00'), holidays });
const HOUR = 3_600_000;

describe('BusinessCalendar', () => {
  it('adds wall time on a 24/7 calendar', () => {
    const at = BusinessCalendar.always().add(new Date('2026-11-27T10:00:00Z'), 4 * HOUR);
    expect(at.toISOString()).toBe('2026-11-27T14:00:00.000Z');
  });

  it('counts only opening hours in the calendar time zone', () => {
    // Friday 15:00 Berlin (14:00 UTC, winter): 2 h left on Friday, the rest on Monday from 09:00.
    const due = berlin().add(new Date('2026-11-27T14:00:00Z'), 4 * HOUR);
    expect(due.toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('starts counting at opening time when the clock starts at night', () => {
    const due = berlin().add(new Date('2026-11-25T22:00:00Z'), HOUR);
    expect(due.toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('skips holidays', () => {
    const due = berlin(['2026-11-30']).add(new Date('2026-11-27T14:00:00Z'), 4 * HOUR);
    expect(due.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('follows daylight saving: 09:00 Berlin is 08:00 UTC in winter, 07:00 UTC in summer', () => {
    // Friday 2026-03-27 (CET, UTC+1) 16:00 local = 15:00 UTC; 1 h left, then Monday 2026-03-30 (CEST, UTC+2).
    const due = berlin().add(new Date('2026-03-27T15:00:00Z'), 2 * HOUR);
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('handles overnight windows that cross midnight', () => {
    const nights = new BusinessCalendar({
      timeZone: 'America/New_York',
      mode: 'business_hours',
      weekly: [{ day: 3, start: '22:00', end: '06:00' }],
      holidays: [],
    });
    // Wednesday 2026-11-25 22:00 New York (EST, UTC-5) = 2026-11-26T03:00Z; 3 h later is 01:00 local Thursday.
    expect(nights.add(new Date('2026-11-25T20:00:00Z'), 3 * HOUR).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(nights.between(new Date('2026-11-25T00:00:00Z'), new Date('2026-11-28T00:00:00Z'))).toBe(8 * HOUR);
  });

  it('measures open time between two instants as the inverse of add', () => {
    const cal = berlin();
    const from = new Date('2026-11-26T15:30:00Z');
    const due = cal.add(from, 5 * HOUR);
    expect(cal.between(from, due)).toBe(5 * HOUR);
    expect(cal.between(due, from)).toBe(0);
  });

  it('rejects an unknown time zone', () => {
    expect(() => BusinessCalendar.assertTimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
