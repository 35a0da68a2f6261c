import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { labelSetsOf, loadTaxonomy } from '../../apps/triage/src/classification/taxonomy.js';
import { scoreOnAdditionalHoldouts, scoreOnHoldout } from '../../apps/triage/src/learning/train-version.js';
import { readDataset } from '../../apps/triage/src/model/dataset.js';
import { droppedByField, restrictToLabelSets } from '../../apps/triage/src/model/label-sets.js';
import {
  additionalHoldoutFiles,
  DEFAULT_HOLDOUT_FILE,
  DEFAULT_MODEL_FILE,
  readShippedTrainingSet,
} from '../../apps/triage/src/model/shipped-training-set.js';
import { TriageModel } from '../../apps/triage/src/model/triage-model.js';
import { fieldTrainingPool } from '../../apps/triage/src/model/field-training-pool.js';

// Part of the build: trains the default triage model from the shipped labelled set and stores it
// where the triage service loads it, so the service starts in milliseconds instead of training.
// Only labels of the configured taxonomy (TRIAGE_TAXONOMY_FILE, default Chat App) are learnt.
const started = performance.now();
const labelSets = labelSetsOf(loadTaxonomy(process.env.TRIAGE_TAXONOMY_FILE));
const { examples, dropped } = restrictToLabelSets(readShippedTrainingSet(), labelSets);
if (dropped.length > 0)
  process.stdout.write(`labels outside the taxonomy, not learnt: ${JSON.stringify(droppedByField(dropped))}\n`);
const trained = await TriageModel.trainWith(fieldTrainingPool(), examples);
// scored on the holdouts it never saw, so the service can publish its accuracy from the first start
const holdoutFile = process.env.TRIAGE_HOLDOUT_FILE ?? DEFAULT_HOLDOUT_FILE;
const additionalFiles = additionalHoldoutFiles(process.env.TRIAGE_ADDITIONAL_HOLDOUT_FILES).filter((f) => existsSync(f));
const model = existsSync(holdoutFile)
  ? trained.withHoldout(
      scoreOnHoldout(trained, readDataset(holdoutFile), labelSets),
      scoreOnAdditionalHoldouts(trained, additionalFiles, labelSets),
    )
  : trained;
mkdirSync(dirname(DEFAULT_MODEL_FILE), { recursive: true });
writeFileSync(DEFAULT_MODEL_FILE, JSON.stringify(model.toJSON()));
const seconds = Math.round((performance.now() - started) / 100) / 10;
process.stdout.write(`triage model ${model.version}: ${examples.length} examples, trained in ${seconds} s\n`);
if (model.holdout) {
  const accuracy = Object.entries(model.holdout.fields).map(([field, s]) => `${field} ${s.accuracy}`);
  process.stdout.write(`holdout accuracy (${model.holdout.examples} inquiries): ${accuracy.join(', ')}\n`);
}
for (const holdout of model.additionalHoldouts) {
  const accuracy = Object.entries(holdout.fields).map(([field, s]) => `${field} ${s.accuracy}`);
  process.stdout.write(`${holdout.name} accuracy (${holdout.examples} inquiries): ${accuracy.join(', ')}\n`);
}
