import { parentPort, workerData } from 'node:worker_threads';
import { type TrainVersionInput, trainVersion } from './train-version.js';

// Runs one training off the service's event loop and hands the result back.
try {
  parentPort?.postMessage({ ok: true, result: trainVersion(workerData as TrainVersionInput) });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: (error as Error).message });
}
