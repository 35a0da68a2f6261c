import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { articleText, paragraphTexts } from './article-texts.js';
import type { KnowledgeDocument } from './knowledge-document.js';
import { LsaEmbeddings, type LsaOptions } from './lsa-embeddings.js';

export interface SemanticModelJob {
  /** Only what the model reads is copied to the worker (the copy is made on the event loop). */
  documents: KnowledgeDocument[];
  trainingUnit: 'article' | 'paragraph';
  lsa: Partial<LsaOptions>;
}

// Trains the corpus's LSA model and embeds every article, off the service's event loop.
const job = workerData as SemanticModelJob;
const texts = job.documents.map(articleText);
const trainingTexts = job.trainingUnit === 'paragraph' ? job.documents.flatMap(paragraphTexts) : texts;
const model = LsaEmbeddings.fit(trainingTexts, job.lsa);
const dimensions = model.dimensions;
const vectors = new Float32Array(texts.length * dimensions);
texts.forEach((text, i) => vectors.set(model.embed(text), i * dimensions));
const hash = createHash('sha256').update(JSON.stringify(model.options));
for (const t of trainingTexts) hash.update(t).update('\u0000');
const json = model.toTransferable();
parentPort?.postMessage({ model: json, vectors, dimensions, modelId: `lsa-${hash.digest('hex').slice(0, 16)}` }, [
  json.projection.buffer as ArrayBuffer,
  vectors.buffer,
]);
