import type { EvaluableRetriever } from './retrieval-evaluation.js';
import type { LabelledQuery } from './labelled-query.js';
import {
  calibrate,
  type CalibrationSample,
  chooseThreshold,
  fitCalibration,
  type LogisticCalibration,
} from './logistic-calibration.js';

export interface FittedCalibration {
  calibration: LogisticCalibration;
  noAnswerThreshold: number;
}

/**
 * Fits the score calibration and the "no good answer" cut on labelled dev questions. Each query's
 * best hit is one sample (right, wrong, or a query nothing answers), so the score reads as "the
 * chance this suggestion answers the question"; deeper hits would mostly add easy negatives and
 * drag every probability down.
 */
export async function fitRetrieverCalibration(
  retriever: EvaluableRetriever,
  queries: readonly LabelledQuery[],
  depth = 1,
): Promise<FittedCalibration> {
  const samples: CalibrationSample[] = [];
  const tops: { features: number[]; answerable: boolean }[] = [];
  for (const q of queries) {
    const { hits } = await retriever.search(q.query, { limit: depth });
    const relevant = new Set(q.relevant);
    for (const h of hits) samples.push({ features: [h.fused, h.margin], relevant: relevant.has(h.id) });
    if (hits.length > 0) tops.push({ features: [hits[0].fused, hits[0].margin], answerable: relevant.size > 0 });
  }
  const calibration = fitCalibration(samples);
  const noAnswerThreshold = chooseThreshold(
    tops.map((t) => ({ topScore: calibrate(calibration, t.features), answerable: t.answerable })),
  );
  return { calibration, noAnswerThreshold };
}
