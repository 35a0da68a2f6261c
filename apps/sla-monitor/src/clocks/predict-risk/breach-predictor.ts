export interface RiskInput {
  /** Target time left on the clock. */
  remainingMs: number;
  /** Target time already used. */
  elapsedMs: number;
  targetMs: number;
  /** Place in the tier's queue; null once an agent has the ticket. */
  queuePosition: number | null;
  /** Open tickets on the assigned agent's desk, this one included. */
  agentLoad: number;
  /** Mean handling time of this kind of clock at this tier, from finished clocks. */
  meanHandlingMs: number | null;
  samples: number;
}

export interface RiskVerdict {
  atRisk: boolean;
  expectedMs: number;
  reasons: string[];
}

export interface PredictorSettings {
  /** Below this many finished clocks the history is not trusted; half the target stands in. */
  minSamples: number;
  /** Share of a mean handling time each ticket ahead in the queue adds to the wait. */
  queueDelayPerPosition: number;
  /** Share of a mean handling time each other ticket on the agent's desk adds. */
  loadDelayPerTicket: number;
}

export const DEFAULT_PREDICTOR: PredictorSettings = { minSamples: 3, queueDelayPerPosition: 0.5, loadDelayPerTicket: 0.25 };

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/**
 * Expected time to stop the clock = wait in the queue + delay from the agent's other tickets +
 * the rest of a typical handling time. At risk when that exceeds the time left on the target.
 */
export class BreachPredictor {
  constructor(private readonly settings: PredictorSettings = DEFAULT_PREDICTOR) {}

  predict(input: RiskInput): RiskVerdict {
    const history = input.samples >= this.settings.minSamples ? input.meanHandlingMs : null;
    const trusted = history !== null;
    const mean = history ?? input.targetMs / 2;
    const reasons = [
      trusted ? `mean handling ${minutes(mean)} over ${input.samples} tickets` : `no history: assumed ${minutes(mean)}`,
    ];
    const queueWait = (input.queuePosition ?? 0) * mean * this.settings.queueDelayPerPosition;
    if (input.queuePosition) reasons.push(`position ${input.queuePosition} in the queue (+${minutes(queueWait)})`);
    const others = Math.max(0, input.agentLoad - 1);
    const loadDelay = others * mean * this.settings.loadDelayPerTicket;
    if (others > 0) reasons.push(`agent has ${others} other open tickets (+${minutes(loadDelay)})`);
    const ownWork = Math.max(mean - input.elapsedMs, mean * 0.1);
    const expectedMs = Math.round(queueWait + loadDelay + ownWork);
    reasons.push(`expected ${minutes(expectedMs)} against ${minutes(input.remainingMs)} left`);
    return { atRisk: expectedMs > input.remainingMs, expectedMs, reasons };
  }
}
