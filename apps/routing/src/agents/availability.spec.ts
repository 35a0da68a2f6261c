import { isValidTimezone, isWithinSchedule } from './availability.js';

const weekdays9to17 = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], fri: [['09:00', '17:00']] } as const;

describe('agent availability', () => {
  it('is always available without hours or shifts', () => {
    expect(isWithinSchedule({ timezone: 'UTC', workingHours: {}, shifts: [] }, new Date())).toBe(true);
  });

  it('reads working hours in the agent time zone', () => {
    const schedule = { timezone: 'Europe/Berlin', workingHours: structuredClone(weekdays9to17) as never, shifts: [] };
    // Friday 2026-11-27 08:30 UTC is 09:30 in Berlin (UTC+1 in winter)
    expect(isWithinSchedule(schedule, new Date('2026-11-27T08:30:00Z'))).toBe(true);
    // 07:30 UTC is 08:30 in Berlin: before the day starts
    expect(isWithinSchedule(schedule, new Date('2026-11-27T07:30:00Z'))).toBe(false);
    // Saturday: no hours
    expect(isWithinSchedule(schedule, new Date('2026-11-28T10:00:00Z'))).toBe(false);
  });

  it('lets a shift cover time outside the weekly hours', () => {
    const schedule = {
      timezone: 'UTC',
      workingHours: structuredClone(weekdays9to17) as never,
      shifts: [{ start: '2026-11-28T10:00:00Z', end: '2026-11-28T14:00:00Z' }],
    };
    expect(isWithinSchedule(schedule, new Date('2026-11-28T11:00:00Z'))).toBe(true);
    expect(isWithinSchedule(schedule, new Date('2026-11-28T15:00:00Z'))).toBe(false);
  });

  it('with shifts only, is available only during a shift', () => {
    const schedule = {
      timezone: 'UTC',
      workingHours: {},
      shifts: [{ start: '2026-11-28T10:00:00Z', end: '2026-11-28T14:00:00Z' }],
    };
    expect(isWithinSchedule(schedule, new Date('2026-11-28T09:00:00Z'))).toBe(false);
  });

  it('knows a time zone from a typo', () => {
    expect(isValidTimezone('America/New_York')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });
});
