import { parentPort, workerData } from 'node:worker_threads';
import { type TrainVersionInput, trainVersion } from './train-version.js';

// Runs one training off the service's event loop and hands the result back.
trainVersion(workerData as TrainVersionInput).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: Error) => parentPort?.postMessage({ ok: false, error: error.message }),
);
