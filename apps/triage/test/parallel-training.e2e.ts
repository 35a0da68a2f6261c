import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '@switchboard/testing';

// The build and the evaluation commands learn the fields on worker threads, and a worker thread
// runs only compiled code, so this test drives the built modules (`npm run build` first).
const built = (file: string) => import(pathToFileURL(resolve(REPO_ROOT, 'dist/apps/triage/src/model', file)).href);

describe('triage fields trained side by side on worker threads', () => {
  it('give the same model as training them one after another', async () => {
    const { readShippedTrainingSet } = await built('shipped-training-set.js');
    const { TriageModel } = await built('triage-model.js');
    const { fieldTrainingPool, FIELD_TRAINING_WORKER_FILE } = await built('field-training-pool.js');
    expect(existsSync(FIELD_TRAINING_WORKER_FILE)).toBe(true);
    const examples = readShippedTrainingSet().slice(0, 160);

    const sequential = TriageModel.train(examples);
    const threaded = await TriageModel.trainWith(fieldTrainingPool(2), examples);

    const stored = (model: { toJSON(): object }) => ({ ...model.toJSON(), trainedAt: undefined });
    expect(threaded.fields).toEqual(sequential.fields);
    expect(threaded.version).toBe(sequential.version);
    expect(stored(threaded)).toEqual(stored(sequential));
    const inquiry = { subject: 'Cannot install', body: 'pip install kollab fails with a permission error' };
    expect(threaded.classify(inquiry)).toEqual(sequential.classify(inquiry));
  });

  it('reject with the error of a field that cannot be learnt', async () => {
    const { fieldTrainingPool } = await built('field-training-pool.js');
    const { DEFAULT_FIELD_OPTIONS } = await built('field-classifier.js');
    const vector = { indices: Int32Array.from([0]), values: Float64Array.from([1]) };
    const good = [[vector, vector, vector, vector], ['a', 'b', 'a', 'b'], 1, DEFAULT_FIELD_OPTIONS, undefined];
    // a negative feature count cannot size the weights
    const bad = [[vector, vector], ['a', 'b'], -1, DEFAULT_FIELD_OPTIONS, undefined];

    await expect(fieldTrainingPool(2)([good, bad, good])).rejects.toThrow(/length/i);
  });
});
