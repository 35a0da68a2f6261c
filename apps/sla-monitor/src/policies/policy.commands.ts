import { SERVICE_LEVELS, TIERS } from '@switchboard/contracts';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { BusinessCalendar } from '../calendars/business-calendar.js';

const seconds = z
  .number()
  .int()
  .positive()
  .max(365 * 86_400);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const timeZone = z.string().refine((tz) => {
  try {
    BusinessCalendar.assertTimeZone(tz);
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Berlin');

const policyFields = {
  firstResponseSeconds: seconds,
  nextResponseSeconds: seconds,
  /** null: set per case (the SOP's L4); the configured default applies. */
  resolutionSeconds: seconds.nullable(),
  calendarId: z.string().min(1).max(64),
};
export const createPolicy = z
  .object({
    tier: z.enum(TIERS),
    serviceLevel: z.enum(SERVICE_LEVELS),
    ...policyFields,
    calendarId: policyFields.calendarId.default('24x7'),
  })
  .strict();
export const updatePolicy = z.object(policyFields).partial().strict();

const window = z.object({ day: z.number().int().min(0).max(6), start: hhmm, end: hhmm }).strict();
const calendarFields = {
  name: z.string().trim().min(1).max(200),
  timeZone,
  mode: z.enum(['24x7', 'business_hours']),
  weekly: z.array(window).max(50),
  holidays: z.array(z.iso.date()).max(1000),
};
export const createCalendar = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lowercase letters, digits, - and _'),
    ...calendarFields,
    weekly: calendarFields.weekly.default([]),
    holidays: calendarFields.holidays.default([]),
  })
  .strict()
  .refine((c) => c.mode === '24x7' || c.weekly.length > 0, {
    message: 'business hours need at least one weekly window',
    path: ['weekly'],
  });
export const updateCalendar = z.object(calendarFields).partial().strict();

export type CreatePolicy = z.infer<typeof createPolicy>;
export type UpdatePolicy = z.infer<typeof updatePolicy>;
export type CreateCalendar = z.infer<typeof createCalendar>;
export type UpdateCalendar = z.infer<typeof updateCalendar>;

export const parseCreatePolicy = (input: unknown): CreatePolicy => parseInput(createPolicy, input);
export const parseUpdatePolicy = (input: unknown): UpdatePolicy => parseInput(updatePolicy, input);
export const parseCreateCalendar = (input: unknown): CreateCalendar => parseInput(createCalendar, input);
export const parseUpdateCalendar = (input: unknown): UpdateCalendar => parseInput(updateCalendar, input);
