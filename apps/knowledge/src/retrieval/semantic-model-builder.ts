import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { articleText } from './article-texts.js';
import type { KnowledgeDocument } from './knowledge-document.js';
import { LsaEmbeddings, type LsaEmbeddingsJson, type LsaOptions } from './lsa-embeddings.js';
import { type IndexedArticleMeta, SemanticIndex } from './semantic-index.js';
import type { SemanticModelJob } from './semantic-model.worker.js';

export interface SemanticModelSettings {
  lsa: Partial<LsaOptions>;
  trainingUnit: 'article' | 'paragraph';
}

export interface TrainedSemanticModel {
  model: EmbeddingsInterface;
  modelId: string;
  dimensions: number;
  /** One row of `dimensions` per document, in the order given. */
  vectors: Float32Array;
}

/**
 * The worker's compiled file. Jest runs the TypeScript sources, which a worker thread cannot load,
 * so from a source tree the built copy under dist/ is used (tests build first, as for services).
 */
function workerFile(): URL {
  const beside = new URL('./semantic-model.worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL(beside.href.replace(/\/apps\/knowledge\/src\/retrieval\//, '/dist/apps/knowledge/src/retrieval/'));
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error(`semantic model worker not found at ${fileURLToPath(beside)}: build first (npm run build)`);
}

/**
 * Trains the corpus's LSA model and embeds the documents in a worker thread: at 10,000 articles this
 * takes about a minute of CPU that must not stall the Kafka consumer or HTTP. A hosted embedding
 * model, when configured, is only called (I/O, no training).
 */
export async function trainSemanticModel(
  documents: readonly KnowledgeDocument[],
  settings: SemanticModelSettings,
  hosted?: EmbeddingsInterface,
  hostedId = 'hosted',
): Promise<TrainedSemanticModel> {
  if (hosted) {
    const rows = await hosted.embedDocuments(documents.map(articleText));
    const dimensions = rows[0]?.length ?? 0;
    const vectors = new Float32Array(rows.length * dimensions);
    rows.forEach((v, i) => vectors.set(v, i * dimensions));
    return { model: hosted, modelId: hostedId, dimensions, vectors };
  }
  const job: SemanticModelJob = {
    documents: documents.map(({ id, title, body, tags }) => ({ id, title, body, tags: [...(tags ?? [])] })),
    trainingUnit: settings.trainingUnit,
    lsa: settings.lsa,
  };
  const result = await new Promise<{ model: LsaEmbeddingsJson; vectors: Float32Array; dimensions: number; modelId: string }>(
    (resolve, reject) => {
      const worker = new Worker(workerFile(), { workerData: job });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`semantic model worker exited with ${code}`)));
    },
  );
  return {
    model: LsaEmbeddings.fromJSON(result.model),
    modelId: result.modelId,
    dimensions: result.dimensions,
    vectors: result.vectors,
  };
}

/** Trains (or calls) the embedding model over the articles and holds their vectors in a semantic index. */
export async function buildSemanticIndex(
  articles: readonly (KnowledgeDocument & IndexedArticleMeta)[],
  settings: SemanticModelSettings,
  hosted?: EmbeddingsInterface,
  hostedId?: string,
): Promise<{ index: SemanticIndex; trained: TrainedSemanticModel }> {
  const trained = await trainSemanticModel(articles, settings, hosted, hostedId);
  const d = trained.dimensions;
  const index = new SemanticIndex(trained.model, trained.modelId, d, articles.length);
  articles.forEach((a, i) => index.set(a, trained.vectors.subarray(i * d, (i + 1) * d)));
  return { index, trained };
}
