import { TIERS } from '@switchboard/contracts';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';

const DAY = 86_400_000;
export const schema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    period: z.enum(['day', 'week', 'month']).default('day'),
    tier: z.enum(TIERS).optional(),
  })
  .strict();

export interface ReportQuery {
  /** Inclusive UTC date. */
  from: string;
  /** Exclusive UTC date. */
  to: string;
  period: 'day' | 'week' | 'month';
  tier?: string;
}

/** Defaults to the last 30 days including today. */
export function parseReportQuery(input: unknown): ReportQuery {
  const q = parseInput(schema, Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== '' && v !== undefined)));
  const today = new Date().toISOString().slice(0, 10);
  const to = q.to ?? new Date(Date.parse(today) + DAY).toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - 31 * DAY).toISOString().slice(0, 10);
  return { from, to, period: q.period, tier: q.tier };
}
