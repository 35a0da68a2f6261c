import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { labelSetsOf, loadTaxonomy } from '../../apps/triage/src/classification/taxonomy.js';
import { droppedByField, restrictToLabelSets } from '../../apps/triage/src/model/label-sets.js';
import { DEFAULT_MODEL_FILE, readShippedTrainingSet } from '../../apps/triage/src/model/shipped-training-set.js';
import { TriageModel } from '../../apps/triage/src/model/triage-model.js';

// Part of the build: trains the default triage model from the shipped labelled set and stores it
// where the triage service loads it, so the service starts in milliseconds instead of training.
// Only labels of the configured taxonomy (TRIAGE_TAXONOMY_FILE, default Chat App) are learnt.
const started = performance.now();
const { examples, dropped } = restrictToLabelSets(
  readShippedTrainingSet(),
  labelSetsOf(loadTaxonomy(process.env.TRIAGE_TAXONOMY_FILE)),
);
if (dropped.length > 0)
  process.stdout.write(`labels outside the taxonomy, not learnt: ${JSON.stringify(droppedByField(dropped))}\n`);
const model = TriageModel.train(examples);
mkdirSync(dirname(DEFAULT_MODEL_FILE), { recursive: true });
writeFileSync(DEFAULT_MODEL_FILE, JSON.stringify(model.toJSON()));
const seconds = Math.round((performance.now() - started) / 100) / 10;
process.stdout.write(`triage model ${model.version}: ${examples.length} examples, trained in ${seconds} s\n`);
