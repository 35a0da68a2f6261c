export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Per weekday, local working intervals as ["09:00", "17:30"]; an empty object means no fixed hours. */
export type WeeklyHours = Partial<Record<Weekday, [string, string][]>>;

/** An explicit shift, absolute times: covers on-call and overtime outside the weekly hours. */
export interface Shift {
  start: string;
  end: string;
}

export interface Schedule {
  timezone: string;
  workingHours: WeeklyHours;
  shifts: Shift[];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function localWeekdayAndMinute(at: Date, timezone: string): { day: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').toLowerCase().slice(0, 3) as Weekday, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * Whether the schedule lets the agent take a new ticket at this moment: inside a shift, or inside
 * the weekly hours in the agent's own time zone. No hours and no shifts means always.
 */
export function isWithinSchedule(schedule: Schedule, at: Date): boolean {
  if (schedule.shifts.some((s) => Date.parse(s.start) <= at.getTime() && at.getTime() < Date.parse(s.end))) return true;
  const days = Object.values(schedule.workingHours).filter((d) => d && d.length > 0);
  if (days.length === 0) return schedule.shifts.length === 0;
  const { day, minute } = localWeekdayAndMinute(at, schedule.timezone);
  return (schedule.workingHours[day] ?? []).some(([from, to]) => minutes(from) <= minute && minute < minutes(to));
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
