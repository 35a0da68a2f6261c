import { loadExtraConfig, loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';
import { z } from 'zod';
import { DEFAULT_PREDICTOR, type PredictorSettings } from './clocks/predict-risk/breach-predictor.js';

const hours = z.coerce.number().positive();

const extraSchema = z.object({
  /** Multiplies every target; tests and demos run hours-long targets in seconds. */
  SLA_TIME_SCALE: z.coerce.number().positive().max(1000).default(1),
  SLA_WARNING_THRESHOLDS: z
    .string()
    .default('50,75,90')
    .transform((v) => v.split(',').map((n) => Number(n.trim())))
    .pipe(z.array(z.number().int().min(1).max(99))),
  /** L4's resolution target is set per case in the SOP; this stands in where a policy leaves it open. */
  SLA_L4_RESOLUTION_HOURS: hours.default(24),
  SLA_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  SLA_RISK_MIN_SAMPLES: z.coerce.number().int().min(0).default(DEFAULT_PREDICTOR.minSamples),
  SLA_RISK_QUEUE_DELAY: z.coerce.number().min(0).default(DEFAULT_PREDICTOR.queueDelayPerPosition),
  SLA_RISK_LOAD_DELAY: z.coerce.number().min(0).default(DEFAULT_PREDICTOR.loadDelayPerTicket),
});

export interface SlaConfig extends ServiceConfig {
  timeScale: number;
  warningThresholds: number[];
  l4ResolutionHours: number;
  reconcileIntervalMs: number;
  predictor: PredictorSettings;
}

export function loadSlaConfig(env: NodeJS.ProcessEnv = process.env): SlaConfig {
  const extra = loadExtraConfig(extraSchema, env);
  return {
    ...loadServiceConfig('sla-monitor', env),
    timeScale: extra.SLA_TIME_SCALE,
    warningThresholds: extra.SLA_WARNING_THRESHOLDS,
    l4ResolutionHours: extra.SLA_L4_RESOLUTION_HOURS,
    reconcileIntervalMs: extra.SLA_RECONCILE_INTERVAL_MS,
    predictor: {
      minSamples: extra.SLA_RISK_MIN_SAMPLES,
      queueDelayPerPosition: extra.SLA_RISK_QUEUE_DELAY,
      loadDelayPerTicket: extra.SLA_RISK_LOAD_DELAY,
    },
  };
}
