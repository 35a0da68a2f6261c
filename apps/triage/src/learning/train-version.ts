import { basename } from 'node:path';
import { type LabelledInquiry, readDataset } from '../model/dataset.js';
import { droppedByField, restrictToLabelSets } from '../model/label-sets.js';
import { fieldTrainingPool } from '../model/field-training-pool.js';
import { evaluate } from '../model/metrics.js';
import { readShippedTrainingSet } from '../model/shipped-training-set.js';
import { type AllowedLabels, type HoldoutScores, type NamedHoldoutScores, TriageModel } from '../model/triage-model.js';

export interface TrainVersionInput {
  trainingDir: string;
  holdoutFile: string;
  additionalHoldoutFiles: string[];
  /** corrections and resolved tickets */
  learnt: { ticketId: string; subject: string; body: string; labels: Record<string, string> }[];
  labelSets: AllowedLabels;
  /** worker threads the fields are learnt on; 1 trains them on the calling thread */
  threads: number;
}

export interface TrainedVersion {
  modelVersion: string;
  model: string;
  trainingExamples: number;
  learntExamples: number;
  droppedLabels: Record<string, number>;
  holdout: Record<string, { accuracy: number; macroF1: number }>;
  /** the version row keeps when the scores were measured: its training time */
  additionalHoldouts: Omit<NamedHoldoutScores, 'measuredAt'>[];
}

/**
 * A new model from the shipped training set plus what the service learnt, restricted to the
 * configured labels, scored on the shipped holdouts (which it never trains on). CPU-bound for
 * seconds: the service runs it in a worker thread.
 */
export async function trainVersion(input: TrainVersionInput): Promise<TrainedVersion> {
  const learnt: LabelledInquiry[] = input.learnt.map((e) => ({
    id: `ticket-${e.ticketId}`,
    subject: e.subject,
    body: e.body,
    labels: e.labels,
  }));
  const { examples, dropped } = restrictToLabelSets([...readShippedTrainingSet(input.trainingDir), ...learnt], input.labelSets);
  const model = await TriageModel.trainWith(fieldTrainingPool(input.threads), examples);
  const holdout = scoreOnHoldout(model, readDataset(input.holdoutFile), input.labelSets);
  const additional = scoreOnAdditionalHoldouts(model, input.additionalHoldoutFiles, input.labelSets);
  return {
    modelVersion: `model-${model.version}`,
    model: JSON.stringify(model.withHoldout(holdout, additional).toJSON()),
    trainingExamples: examples.length,
    learntExamples: learnt.length,
    droppedLabels: droppedByField(dropped),
    holdout: holdout.fields,
    additionalHoldouts: additional.map(({ name, examples, fields }) => ({ name, examples, fields })),
  };
}

/** Each file scored like the main holdout and named after the file (`holdout-b.jsonl` → `holdout-b`). */
export function scoreOnAdditionalHoldouts(model: TriageModel, files: string[], labelSets: AllowedLabels): NamedHoldoutScores[] {
  return files.map((file) => ({
    name: basename(file).replace(/\.[^.]+$/, ''),
    ...scoreOnHoldout(model, readDataset(file), labelSets),
  }));
}

/** The scores the model publishes with itself (`GET /v1/triage/accuracy`) and its version row keeps. */
export function scoreOnHoldout(model: TriageModel, holdout: LabelledInquiry[], labelSets: AllowedLabels): HoldoutScores {
  const predictions = holdout.map((inquiry) => model.classify(inquiry, labelSets));
  const scores: HoldoutScores['fields'] = {};
  for (const field of model.fields) {
    const rows = holdout.flatMap((inquiry, i) => (inquiry.labels[field] && predictions[i][field] ? [i] : []));
    if (rows.length === 0) continue;
    const report = evaluate(
      rows.map((i) => holdout[i].labels[field]),
      rows.map((i) => predictions[i][field].label),
    );
    scores[field] = { accuracy: round(report.accuracy), macroF1: round(report.macroF1), n: rows.length };
  }
  return { examples: holdout.length, measuredAt: new Date().toISOString(), fields: scores };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
