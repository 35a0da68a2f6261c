import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { type LabelledInquiry, readDataset } from '../../apps/triage/src/model/dataset.js';
import { DEFAULT_FIELD_OPTIONS } from '../../apps/triage/src/model/field-classifier.js';
import { fieldTrainingPool } from '../../apps/triage/src/model/field-training-pool.js';
import {
  crossGroupMacroF1,
  evaluate,
  expectedCalibrationError,
  formatReport,
  macroF1ByGroup,
  wilsonInterval,
} from '../../apps/triage/src/model/metrics.js';
import { readShippedTrainingSet } from '../../apps/triage/src/model/shipped-training-set.js';
import { TriageModel } from '../../apps/triage/src/model/triage-model.js';
import { decideReview, defaultReviewPolicy, type ScoredField } from '../../apps/triage/src/review/review-policy.js';
import { DATASET_ARGUMENTS, datasetReadOptions } from './dataset-arguments.js';

// `npm run eval:triage -- --test FILE [--train FILE] ...`: trains the triage model exactly as the
// service does, classifies every test inquiry and scores each labelled field. The last line of
// output is one JSON object, for scripts.
const { values: args } = parseArgs({
  options: {
    ...DATASET_ARGUMENTS,
    test: { type: 'string' },
  },
});

function usage(message: string): never {
  console.error(`${message}
usage: eval-triage --test FILE [--train FILE] [--format jsonl|csv] [--text-fields title,body]
                   [--label-field FIELD --map from=to,...] [--group-by FIELD]`);
  process.exit(2);
}

if (!args.test) usage('--test is required');
if (args.format && args.format !== 'jsonl' && args.format !== 'csv') usage(`--format must be jsonl or csv, not ${args.format}`);

const readOptions = datasetReadOptions(args);

function readTraining(): LabelledInquiry[] {
  return args.train ? readDataset(args.train, readOptions) : readShippedTrainingSet();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const training = readTraining();
const test = readDataset(args.test, readOptions);
console.log(`training examples: ${training.length}; test examples: ${test.length} (${args.test})`);

const trainStart = performance.now();
const threads = availableParallelism();
const model = await TriageModel.trainWith(fieldTrainingPool(threads), training);
const trainSeconds = (performance.now() - trainStart) / 1000;
console.log(
  `trained in ${trainSeconds.toFixed(1)} s (fields side by side on up to ${threads} threads); settings chosen by ${DEFAULT_FIELD_OPTIONS.folds}-fold cross-validation on the training data:`,
);
for (const [field, chosen] of Object.entries(model.describe())) {
  console.log(
    `  ${field}: C=${chosen.c} balanced=${chosen.balanced} nbWeight=${chosen.nbWeight} groupScale=${JSON.stringify(chosen.groupScale ?? {})} cv macro-F1=${chosen.cvMacroF1.toFixed(3)}`,
  );
}

const latencies: number[] = [];
const predictions = test.map((inquiry) => {
  const start = performance.now();
  const result = model.classify(inquiry);
  latencies.push(performance.now() - start);
  return result;
});
latencies.sort((a, b) => a - b);
console.log(
  `classify latency over ${latencies.length} inquiries: p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p99 ${percentile(latencies, 0.99).toFixed(2)} ms`,
);

// What the review queue would hold at the shipped thresholds, and how many of the model's mistakes it would catch.
const policy = defaultReviewPolicy();
const decisions = predictions.map((p) => decideReview(p as unknown as Record<string, ScoredField>, policy));
console.log(
  `review queue at the default thresholds: ${decisions.filter((d) => d.uncertain.length > 0).length} of ${test.length} queued, ${decisions.filter((d) => d.holdsTriage).length} holding their triage`,
);
for (const field of Object.keys(policy.thresholds)) {
  const wrong = test.flatMap((inquiry, i) =>
    inquiry.labels[field] && predictions[i][field] && predictions[i][field].label !== inquiry.labels[field] ? [i] : [],
  );
  const flagged = wrong.filter((i) => decisions[i].uncertain.some((u) => u.field === field)).length;
  console.log(`  ${field}: ${flagged} of its ${wrong.length} mistakes flagged for review`);
}

const summary: {
  n: number;
  accuracy: Record<string, number>;
  macro_f1: Record<string, number>;
  /** Mean over groups of the macro-F1; with several scored fields, the mean of the fields' values. */
  cross_repo_f1?: number;
  cross_repo_f1_by_field?: Record<string, number>;
} = { n: test.length, accuracy: {}, macro_f1: {} };
for (const field of model.fields) {
  const rows = test.flatMap((inquiry, i) => (inquiry.labels[field] ? [i] : []));
  if (rows.length === 0) continue;
  const gold = rows.map((i) => test[i].labels[field]);
  const predicted = rows.map((i) => predictions[i][field].label);
  const report = evaluate(gold, predicted);
  summary.accuracy[field] = round(report.accuracy);
  summary.macro_f1[field] = round(report.macroF1);
  const confidences = rows.map((i) => predictions[i][field].confidence);
  const ece = expectedCalibrationError(
    confidences,
    predicted.map((p, k) => p === gold[k]),
  );
  const meanConfidence = confidences.reduce((a, b) => a + b, 0) / confidences.length;
  const interval = wilsonInterval(Math.round(report.accuracy * report.n), report.n);
  let line = `\n${field} (n=${report.n}): accuracy ${report.accuracy.toFixed(3)} (95 % interval ${interval.low.toFixed(3)}–${interval.high.toFixed(3)})`;
  line += `, macro-F1 ${report.macroF1.toFixed(3)}`;
  line += `, mean confidence ${meanConfidence.toFixed(3)}, calibration error (ECE) ${ece.toFixed(3)}`;
  if (args['group-by']) {
    const groups = rows.map((i) => test[i].group ?? '');
    const crossGroup = crossGroupMacroF1(gold, predicted, groups);
    summary.cross_repo_f1_by_field = { ...summary.cross_repo_f1_by_field, [field]: round(crossGroup) };
    const perGroup = [...macroF1ByGroup(gold, predicted, groups)].map(([g, f1]) => `${g} ${f1.toFixed(3)}`).join(', ');
    line += `, mean macro-F1 over ${new Set(groups).size} ${args['group-by']} groups ${crossGroup.toFixed(3)} (${perGroup})`;
  }
  console.log(line);
  console.log(formatReport(report));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

if (summary.cross_repo_f1_by_field) {
  const values = Object.values(summary.cross_repo_f1_by_field);
  summary.cross_repo_f1 = round(values.reduce((a, b) => a + b, 0) / values.length);
}
console.log(JSON.stringify(summary));
