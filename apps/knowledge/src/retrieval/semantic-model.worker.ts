import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { LsaEmbeddings, type LsaOptions } from './lsa-embeddings.js';

export interface SemanticModelJob {
  /** What each article is embedded as (articleText). */
  texts: string[];
  /** What the model learns co-occurrence from (paragraphTexts or texts). */
  trainingTexts: string[];
  lsa: Partial<LsaOptions>;
}

// Trains the corpus's LSA model and embeds every article, off the service's event loop.
const job = workerData as SemanticModelJob;
const model = LsaEmbeddings.fit(job.trainingTexts, job.lsa);
const dimensions = model.dimensions;
const vectors = new Float32Array(job.texts.length * dimensions);
job.texts.forEach((text, i) => vectors.set(model.embed(text), i * dimensions));
const hash = createHash('sha256').update(JSON.stringify(model.options));
for (const t of job.trainingTexts) hash.update(t).update('\u0000');
const json = model.toTransferable();
parentPort?.postMessage({ model: json, vectors, dimensions, modelId: `lsa-${hash.digest('hex').slice(0, 16)}` }, [
  json.projection.buffer as ArrayBuffer,
  vectors.buffer,
]);
