/** A weekly opening window in local wall time; `end` before `start` runs past midnight. */
export interface WeeklyWindow {
  /** 0 = Sunday … 6 = Saturday, of the day the window opens. */
  day: number;
  start: string;
  end: string;
}

export interface CalendarSpec {
  timeZone: string;
  mode: '24x7' | 'business_hours';
  weekly: WeeklyWindow[];
  /** Local dates (YYYY-MM-DD) on which no window opens. */
  holidays: string[];
}

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const DAY_MINUTES = 1440;
const MINUTE_MS = 60_000;
/** Far enough for any real target; stops a calendar without windows from looping forever. */
const MAX_DAYS_AHEAD = 3660;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

// Building an Intl.DateTimeFormat costs far more than using one, and a calendar is built for
// every clock event; one format per time zone is shared (formats are immutable).
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Business-time arithmetic over a weekly schedule in one IANA time zone, with holidays. Wall times
 * are converted to instants through Intl, so DST shifts move the windows as the local clock does.
 */
export class BusinessCalendar {
  private readonly parts: Intl.DateTimeFormat;
  private readonly holidays: Set<string>;

  constructor(readonly spec: CalendarSpec) {
    this.parts = wallClockFormat(spec.timeZone);
    this.holidays = new Set(spec.holidays);
  }

  static always(): BusinessCalendar {
    return new BusinessCalendar({ timeZone: 'UTC', mode: '24x7', weekly: [], holidays: [] });
  }

  /** Throws RangeError for an unknown time zone. */
  static assertTimeZone(timeZone: string): void {
    new Intl.DateTimeFormat('en-US', { timeZone });
  }

  /** The instant at which `businessMs` of open time has passed since `from`. */
  add(from: Date, businessMs: number): Date {
    if (this.spec.mode === '24x7') return new Date(from.getTime() + businessMs);
    let left = businessMs;
    const start = from.getTime();
    let date = this.localDate(new Date(start - DAY_MINUTES * MINUTE_MS));
    for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = nextDate(date)) {
      for (const [a, b] of this.openIntervals(date)) {
        if (b <= start) continue;
        const from0 = Math.max(a, start);
        if (left <= b - from0) return new Date(from0 + left);
        left -= b - from0;
      }
    }
    throw new RangeError('the calendar has no open time within ten years');
  }

  /** Open time between two instants. */
  between(from: Date, to: Date): number {
    const a0 = from.getTime();
    const b0 = to.getTime();
    if (b0 <= a0) return 0;
    if (this.spec.mode === '24x7') return b0 - a0;
    let total = 0;
    let date = this.localDate(new Date(a0 - DAY_MINUTES * MINUTE_MS));
    for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = nextDate(date)) {
      const intervals = this.openIntervals(date);
      for (const [a, b] of intervals) total += Math.max(0, Math.min(b, b0) - Math.max(a, a0));
      if (this.instant(date, 0) > b0) break;
    }
    return total;
  }

  /** Open intervals (UTC ms) that fall on one local date, including the tail of last night's windows. */
  private openIntervals(date: LocalDate): [number, number][] {
    const out: [number, number][] = [];
    const prev = previousDate(date);
    if (!this.holidays.has(iso(date))) {
      for (const w of this.windowsOf(date)) {
        const s = minutesOf(w.start);
        const e = minutesOf(w.end);
        out.push([this.instant(date, s), e > s ? this.instant(date, e) : this.instant(nextDate(date), 0)]);
      }
    }
    if (!this.holidays.has(iso(prev))) {
      for (const w of this.windowsOf(prev)) {
        const s = minutesOf(w.start);
        const e = minutesOf(w.end);
        if (e <= s && e > 0) out.push([this.instant(date, 0), this.instant(date, e)]);
      }
    }
    return out.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  }

  private windowsOf(date: LocalDate): WeeklyWindow[] {
    const weekday = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
    return this.spec.weekly.filter((w) => w.day === weekday);
  }

  private localDate(at: Date): LocalDate {
    const p = this.fields(at);
    return { y: p.year, m: p.month, d: p.day };
  }

  private fields(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
    const out: Record<string, number> = {};
    for (const part of this.parts.formatToParts(at)) if (part.type !== 'literal') out[part.type] = Number(part.value);
    return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  }

  /** Offset of the zone from UTC at an instant, in ms. */
  private offset(at: number): number {
    const p = this.fields(new Date(at));
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - Math.floor(at / 1000) * 1000;
  }

  /** The instant of a local wall time; a time skipped by a DST jump lands just after the jump. */
  private instant(date: LocalDate, minutes: number): number {
    const wall = Date.UTC(date.y, date.m - 1, date.d) + minutes * MINUTE_MS;
    const first = wall - this.offset(wall);
    const second = wall - this.offset(first);
    return Math.max(first, second);
  }
}

function nextDate(d: LocalDate): LocalDate {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function previousDate(d: LocalDate): LocalDate {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d - 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const iso = (d: LocalDate) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
