import { loadExtraConfig } from '@switchboard/service-kit';
import { z } from 'zod';

const ms = z.coerce.number().int().min(1);

const schema = z.object({
  /** Time between a ticket's resolution and its survey. */
  SURVEY_DELAY_MS: ms.default(3_600_000),
  SURVEY_REMINDER_COUNT: z.coerce.number().int().min(0).max(10).default(2),
  SURVEY_REMINDER_INTERVAL_MS: ms.default(48 * 3_600_000),
  SURVEY_QUESTIONS: z
    .string()
    .default('csat,nps')
    .transform((v) => [...new Set(v.split(',').map((q) => q.trim()))])
    .pipe(z.array(z.enum(['csat', 'nps'])).min(1)),
  /** A CSAT at or below this, or an NPS answer at or below the next, asks a person to follow up. */
  SURVEY_CSAT_FOLLOW_UP_AT_OR_BELOW: z.coerce.number().int().min(1).max(5).default(2),
  SURVEY_NPS_FOLLOW_UP_AT_OR_BELOW: z.coerce.number().int().min(0).max(10).default(6),
  /** A follow-up score on a resolved ticket reopens it, so a person sees it in the open queue. */
  SURVEY_REOPEN_ON_FOLLOW_UP: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SURVEY_RECONCILE_INTERVAL_MS: ms.default(60_000),
});

export type SurveyConfig = z.infer<typeof schema>;

export const SURVEY_CONFIG = Symbol('SURVEY_CONFIG');

export const loadSurveyConfig = (env: NodeJS.ProcessEnv = process.env): SurveyConfig => loadExtraConfig(schema, env);
