import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FieldClassifier, type FieldClassifierState } from './field-classifier.js';
import type { FieldTrainingInput } from './triage-model.js';

export const FIELD_TRAINING_WORKER_FILE = fileURLToPath(new URL('./field-training.worker.js', import.meta.url));

type WorkerReply = { ok: true; state: FieldClassifierState } | { ok: false; error: string };

/**
 * For `TriageModel.trainWith`: learns the fields on up to `threads` worker threads. Where no
 * compiled worker exists (tests on the TypeScript sources) or one thread is asked for, it trains
 * in-line. The service retrains on `TRIAGE_TRAINING_THREADS` (default 1: the other core serves).
 */
export function fieldTrainingPool(threads: number = availableParallelism()) {
  return async (inputs: FieldTrainingInput[]): Promise<FieldClassifierState[]> => {
    const workers = Math.min(threads, inputs.length);
    if (workers <= 1 || !existsSync(FIELD_TRAINING_WORKER_FILE)) {
      return inputs.map((input) => FieldClassifier.train(...input).state());
    }
    // most labels first: the longest trainings start first, so the threads finish together
    const queue = inputs.map((_, i) => i).sort((a, b) => new Set(inputs[b][1]).size - new Set(inputs[a][1]).size);
    const states = new Array<FieldClassifierState>(inputs.length);
    const drain = async () => {
      const worker = new Worker(FIELD_TRAINING_WORKER_FILE);
      try {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          states[next] = await trainOn(worker, inputs[next]);
        }
      } catch (error) {
        queue.length = 0;
        throw error;
      } finally {
        await worker.terminate();
      }
    };
    await Promise.all(Array.from({ length: workers }, drain));
    return states;
  };
}

function trainOn(worker: Worker, input: FieldTrainingInput): Promise<FieldClassifierState> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off('message', onReply).off('error', onError).off('exit', onExit);
      outcome();
    };
    const onReply = (reply: WorkerReply) => settle(() => (reply.ok ? resolve(reply.state) : reject(new Error(reply.error))));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`field training worker exited with ${code}`)));
    worker.on('message', onReply).on('error', onError).on('exit', onExit);
    worker.postMessage(input);
  });
}
