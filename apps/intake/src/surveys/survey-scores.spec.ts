import { csatSummary, needsFollowUp, netPromoterScore, npsSummary } from './survey-scores.js';

const config = {
  SURVEY_DELAY_MS: 1,
  SURVEY_REMINDER_COUNT: 0,
  SURVEY_REMINDER_INTERVAL_MS: 1,
  SURVEY_QUESTIONS: ['csat', 'nps'] as ('csat' | 'nps')[],
  SURVEY_CSAT_FOLLOW_UP_AT_OR_BELOW: 2,
  SURVEY_NPS_FOLLOW_UP_AT_OR_BELOW: 6,
  SURVEY_RECONCILE_INTERVAL_MS: 1,
};

describe('survey scores', () => {
  it('computes NPS as % promoters minus % detractors', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(netPromoterScore([10, 10, 10, 3])).toBe(50);
    expect(netPromoterScore([9, 8, 8])).toBe(33.3);
    expect(netPromoterScore([])).toBeNull();
    expect(npsSummary([10, 7, 8, 2])).toEqual({ responses: 4, score: 0, promoters: 1, passives: 2, detractors: 1 });
  });

  it('summarises CSAT as an average and a 1–5 distribution', () => {
    expect(csatSummary([5, 4, 4, 1])).toEqual({ responses: 4, average: 3.5, distribution: { 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 } });
    expect(csatSummary([]).average).toBeNull();
  });

  it('flags CSAT ≤ 2 or NPS ≤ 6 for follow-up, by configuration', () => {
    expect(needsFollowUp({ csat: 2 }, config)).toBe(true);
    expect(needsFollowUp({ csat: 3, nps: 7 }, config)).toBe(false);
    expect(needsFollowUp({ nps: 6 }, config)).toBe(true);
    expect(needsFollowUp({ csat: 3 }, { ...config, SURVEY_CSAT_FOLLOW_UP_AT_OR_BELOW: 3 })).toBe(true);
  });
});
