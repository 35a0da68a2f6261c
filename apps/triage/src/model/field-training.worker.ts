import { parentPort } from 'node:worker_threads';
import { FieldClassifier } from './field-classifier.js';
import type { FieldTrainingInput } from './triage-model.js';

// One field's training per message, for `fieldTrainingPool`.
parentPort?.on('message', (input: FieldTrainingInput) => {
  try {
    parentPort?.postMessage({ ok: true, state: FieldClassifier.train(...input).state() });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: (error as Error).message });
  }
});
