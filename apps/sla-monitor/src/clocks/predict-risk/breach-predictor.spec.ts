import { BreachPredictor, type RiskInput } from './breach-predictor.js';

const HOUR = 3_600_000;
const base: RiskInput = {
  remainingMs: 4 * HOUR,
  elapsedMs: 0,
  targetMs: 4 * HOUR,
  queuePosition: null,
  agentLoad: 1,
  meanHandlingMs: 1 * HOUR,
  samples: 20,
};

describe('BreachPredictor', () => {
  const predictor = new BreachPredictor();

  it('sees no risk for an assigned ticket whose typical handling fits the target', () => {
    expect(predictor.predict(base)).toMatchObject({ atRisk: false, expectedMs: HOUR });
  });

  it('predicts a miss from the queue position', () => {
    const verdict = predictor.predict({ ...base, queuePosition: 8 });
    expect(verdict.atRisk).toBe(true);
    expect(verdict.expectedMs).toBe(5 * HOUR);
    expect(verdict.reasons.join(' ')).toContain('position 8');
  });

  it('predicts a miss from the agent load', () => {
    expect(predictor.predict({ ...base, agentLoad: 14 }).atRisk).toBe(true);
    expect(predictor.predict({ ...base, agentLoad: 4 }).atRisk).toBe(false);
  });

  it('counts only the rest of a typical handling time once work has gone on', () => {
    const late = predictor.predict({ ...base, elapsedMs: 3.5 * HOUR, remainingMs: 0.5 * HOUR, meanHandlingMs: 3 * HOUR });
    expect(late).toMatchObject({ atRisk: false, expectedMs: 0.3 * HOUR });
  });

  it('falls back to half the target when history is thin', () => {
    const verdict = predictor.predict({ ...base, meanHandlingMs: 10 * HOUR, samples: 2, queuePosition: 2 });
    expect(verdict.expectedMs).toBe(4 * HOUR);
    expect(verdict.atRisk).toBe(false);
  });
});
