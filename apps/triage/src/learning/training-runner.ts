import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type TrainedVersion, type TrainVersionInput, trainVersion } from './train-version.js';

const WORKER_FILE = fileURLToPath(new URL('./retrain.worker.js', import.meta.url));

/**
 * Trains in a worker thread, so the service keeps answering while it runs. Only where no
 * compiled worker exists (tests running the TypeScript sources) does it train in-line.
 */
export function runTraining(input: TrainVersionInput): Promise<TrainedVersion> {
  if (!existsSync(WORKER_FILE)) return Promise.resolve().then(() => trainVersion(input));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: input });
    // a training never keeps a stopping service alive; the version is then marked failed
    worker.unref();
    worker.once('message', (message: { ok: true; result: TrainedVersion } | { ok: false; error: string }) => {
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`training worker exited with ${code}`)));
  });
}
