import type { SurveyConfig } from './survey-config.js';

export interface SurveyAnswers {
  csat?: number;
  nps?: number;
}

/** A low score on either question asks a person to follow up. */
export function needsFollowUp(
  answers: SurveyAnswers,
  config: Pick<SurveyConfig, 'SURVEY_CSAT_FOLLOW_UP_AT_OR_BELOW' | 'SURVEY_NPS_FOLLOW_UP_AT_OR_BELOW'>,
): boolean {
  return (
    (answers.csat !== undefined && answers.csat <= config.SURVEY_CSAT_FOLLOW_UP_AT_OR_BELOW) ||
    (answers.nps !== undefined && answers.nps <= config.SURVEY_NPS_FOLLOW_UP_AT_OR_BELOW)
  );
}

export interface ScoreCounts {
  csat: number[];
  nps: number[];
}

/** NPS = % promoters (9–10) − % detractors (0–6), rounded to one decimal; null without answers. */
export function netPromoterScore(answers: number[]): number | null {
  if (answers.length === 0) return null;
  const promoters = answers.filter((a) => a >= 9).length;
  const detractors = answers.filter((a) => a <= 6).length;
  return Math.round(((promoters - detractors) / answers.length) * 1000) / 10;
}

export function csatSummary(answers: number[]) {
  const distribution = Object.fromEntries([1, 2, 3, 4, 5].map((score) => [score, answers.filter((a) => a === score).length]));
  const average = answers.length === 0 ? null : Math.round((answers.reduce((a, b) => a + b, 0) / answers.length) * 100) / 100;
  return { responses: answers.length, average, distribution };
}

export function npsSummary(answers: number[]) {
  return {
    responses: answers.length,
    score: netPromoterScore(answers),
    promoters: answers.filter((a) => a >= 9).length,
    passives: answers.filter((a) => a === 7 || a === 8).length,
    detractors: answers.filter((a) => a <= 6).length,
  };
}
