import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type LabelledInquiry, readDataset } from '../../apps/triage/src/model/dataset.js';
import { seededRandom, stratifiedFolds } from '../../apps/triage/src/model/folds.js';
import { crossGroupMacroF1, evaluate } from '../../apps/triage/src/model/metrics.js';
import { readShippedTrainingSet } from '../../apps/triage/src/model/shipped-training-set.js';
import { fieldTrainingPool } from '../../apps/triage/src/model/field-training-pool.js';
import { DEFAULT_TRAIN_OPTIONS, TriageModel, type TrainOptions } from '../../apps/triage/src/model/triage-model.js';
import { DATASET_ARGUMENTS, datasetReadOptions } from './dataset-arguments.js';

// `node dist/tools/eval/cv-triage.js [--train FILE] [--options JSON] ...`: k-fold cross-validation
// of the triage model on a TRAINING file only, the way model changes are decided (test files are
// never read). Each fold trains `TriageModel.train` exactly as the service does, on the other folds,
// with the default options deep-merged with `--options`. Folds are stratified by label and group,
// so every fold holds every repository in its share. `--extra FILE` (repeatable) adds examples to
// every fold's training part only, so a new batch of data is judged on the old folds. The last line
// is one JSON object.
const { values: args } = parseArgs({
  options: {
    ...DATASET_ARGUMENTS,
    options: { type: 'string', default: '{}' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '11' },
    fields: { type: 'string' },
    /** extra labelled files added to every fold's training part and never scored: is new data worth adding? */
    extra: { type: 'string', multiple: true },
    /** train each fold on this share of its training part (a learning curve: would more data help?) */
    fraction: { type: 'string', default: '1' },
    /** JSONL of every out-of-fold prediction (every line, every field) with its label, confidence and the ranked labels' probabilities */
    predictions: { type: 'string' },
  },
});

const readOptions = datasetReadOptions(args);

type Json = Record<string, unknown>;
function deepMerge<T>(base: T, patch: Json): T {
  const out: Json = { ...(base as Json) };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? deepMerge(current, value as Json)
        : value;
  }
  return out as T;
}

const examples: LabelledInquiry[] = args.train ? readDataset(args.train, readOptions) : readShippedTrainingSet();
const extra: LabelledInquiry[] = (args.extra ?? []).flatMap((file) => readDataset(file, readOptions));
const options = deepMerge<TrainOptions>(DEFAULT_TRAIN_OPTIONS, JSON.parse(args.options ?? '{}') as Json);
const folds = Number(args.folds);
const fields = args.fields?.split(',') ?? [...new Set(examples.flatMap((e) => Object.keys(e.labels)))].sort();
// stratify on the first field's label and the group
const strata = examples.map((e) => `${e.group ?? ''}|${e.labels[fields[0]] ?? ''}`);
const fold = stratifiedFolds(strata, folds, Number(args.seed));

const fraction = Number(args.fraction);
if (!(fraction > 0 && fraction <= 1)) {
  console.error(`--fraction must be in (0, 1], not ${args.fraction}`);
  process.exit(2);
}
// the same lines are left out of every fold's training part, so each fold sees the chosen share
const keepRandom = seededRandom(Number(args.seed) + 1);
const keep = examples.map(() => keepRandom() < fraction);

const predicted: Record<string, string[]> = Object.fromEntries(fields.map((f) => [f, new Array<string>(examples.length)]));
const ranked: Record<string, Record<string, number>[]> = Object.fromEntries(
  fields.map((f) => [f, new Array<Record<string, number>>(examples.length)]),
);
const started = performance.now();
for (let f = 0; f < folds; f++) {
  const train = [...examples.filter((_e, i) => fold[i] !== f && keep[i]), ...extra];
  const model = await TriageModel.trainWith(fieldTrainingPool(), train, { ...options, fields });
  examples.forEach((e, i) => {
    if (fold[i] !== f) return;
    const result = model.classify(e);
    for (const field of fields) {
      predicted[field][i] = result[field]?.label ?? '';
      const answer = result[field];
      ranked[field][i] = answer
        ? Object.fromEntries([answer, ...(answer.alternatives ?? [])].map((r) => [r.label, round(r.confidence)]))
        : {};
    }
  });
}
const seconds = (performance.now() - started) / 1000;

if (args.predictions) writePredictions(args.predictions);

const summary: Record<string, Record<string, number>> = { accuracy: {}, macro_f1: {}, cross_group_f1: {} };
for (const field of fields) {
  const rows = examples.flatMap((e, i) => (e.labels[field] ? [i] : []));
  const gold = rows.map((i) => examples[i].labels[field]);
  const guess = rows.map((i) => predicted[field][i]);
  const report = evaluate(gold, guess);
  summary.accuracy[field] = round(report.accuracy);
  summary.macro_f1[field] = round(report.macroF1);
  let line = `${field}: ${folds}-fold CV accuracy ${report.accuracy.toFixed(4)}, macro-F1 ${report.macroF1.toFixed(4)}`;
  if (args['group-by']) {
    const crossGroup = crossGroupMacroF1(
      gold,
      guess,
      rows.map((i) => examples[i].group ?? ''),
    );
    summary.cross_group_f1[field] = round(crossGroup);
    line += `, mean macro-F1 over ${args['group-by']} groups ${crossGroup.toFixed(4)}`;
  }
  console.log(line);
}
console.log(`${folds} trainings in ${seconds.toFixed(1)} s; options ${args.options}`);
console.log(
  JSON.stringify({
    n: examples.length,
    extra: extra.length,
    folds,
    options: JSON.parse(args.options ?? '{}') as Json,
    ...summary,
  }),
);

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function writePredictions(file: string): void {
  const lines = examples.flatMap((e, i) =>
    fields
      .filter((field) => predicted[field][i])
      .map((field) =>
        JSON.stringify({
          id: e.id,
          field,
          // a line may leave a field out of training and still be predicted (label null)
          label: e.labels[field] ?? null,
          predicted: predicted[field][i],
          confidence: ranked[field][i][predicted[field][i]] ?? 0,
          probabilities: ranked[field][i],
        }),
      ),
  );
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  console.log(`${lines.length} predictions written to ${file}`);
}
