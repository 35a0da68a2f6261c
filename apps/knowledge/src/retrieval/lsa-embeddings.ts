import { Embeddings } from '@langchain/core/embeddings';
import { CsrMatrix } from './sparse-matrix.js';
import { seededRandom } from './seeded-random.js';
import { truncatedSvd } from './randomized-svd.js';
import { type FeaturizerOptions, TfidfFeaturizer, type TfidfFeaturizerJson } from './tfidf-featurizer.js';

export interface LsaOptions {
  /** Latent dimensions kept at most. */
  dimensions: number;
  /**
   * The rank is also capped at this share of the training texts: a rank close to the number of
   * documents reproduces plain TF-IDF and generalises nothing.
   */
  dimensionsPerDocument: number;
  /**
   * Each latent axis is divided by its singular value to this power: 0 keeps the corpus's dominant
   * themes dominant (best in validation), 1 weighs every axis alike.
   */
  singularValuePower: number;
  oversampling: number;
  powerIterations: number;
  /**
   * The SVD sees at most this many training texts (a seeded sample): co-occurrence statistics
   * saturate long before that, while the SVD's cost keeps growing with every text.
   */
  maxTrainingTexts: number;
  seed: number;
  featurizer: Partial<FeaturizerOptions>;
}

export const DEFAULT_LSA_OPTIONS: LsaOptions = {
  dimensions: 128,
  dimensionsPerDocument: 0.5,
  singularValuePower: 0,
  oversampling: 16,
  powerIterations: 4,
  maxTrainingTexts: 20_000,
  seed: 42,
  featurizer: {},
};

export interface LsaEmbeddingsJson {
  kind: 'lsa';
  options: LsaOptions;
  featurizer: TfidfFeaturizerJson;
  singularValues: number[];
  /** features x dimensions, row-major, already scaled by the singular values. */
  projection: number[] | Float64Array;
}

/**
 * Latent semantic analysis as a LangChain embedding model: trained offline on the corpus itself
 * (a truncated SVD of its TF-IDF matrix), so words that keep appearing in the same articles end up
 * close even when a question uses one and the article the other. Deterministic for a given seed.
 */
export class LsaEmbeddings extends Embeddings {
  private constructor(
    readonly options: LsaOptions,
    private readonly featurizer: TfidfFeaturizer,
    readonly singularValues: number[],
    private readonly projection: Float64Array,
  ) {
    super({});
  }

  get dimensions(): number {
    return this.singularValues.length;
  }

  static fit(texts: readonly string[], options: Partial<LsaOptions> = {}): LsaEmbeddings {
    const opts = { ...DEFAULT_LSA_OPTIONS, ...options };
    const featurizer = TfidfFeaturizer.fit(texts, opts.featurizer);
    const sample = seededSample(texts, opts.maxTrainingTexts, opts.seed);
    const matrix = CsrMatrix.fromRows(
      sample.map((t) => featurizer.transform(t)),
      featurizer.dimensions,
    );
    const svd = truncatedSvd(matrix, {
      rank: Math.max(1, Math.min(opts.dimensions, Math.ceil(sample.length * opts.dimensionsPerDocument))),
      oversampling: opts.oversampling,
      powerIterations: opts.powerIterations,
      seed: opts.seed,
    });
    const k = svd.singularValues.length;
    const projection = new Float64Array(featurizer.dimensions * k);
    svd.rightVectors.forEach((v, c) => {
      const scale = Math.pow(svd.singularValues[c], -opts.singularValuePower);
      for (let f = 0; f < v.length; f++) projection[f * k + c] = v[f] * scale;
    });
    return new LsaEmbeddings(opts, featurizer, svd.singularValues, projection);
  }

  /** Synchronous core of both LangChain methods; a unit vector, or zeros for a text with no known feature. */
  embed(text: string): Float64Array {
    const k = this.dimensions;
    const out = new Float64Array(k);
    const x = this.featurizer.transform(text);
    for (let p = 0; p < x.indices.length; p++) {
      const row = x.indices[p] * k;
      const value = x.values[p];
      for (let c = 0; c < k; c++) out[c] += value * this.projection[row + c];
    }
    const norm = Math.sqrt(out.reduce((s, v) => s + v * v, 0));
    if (norm > 0) for (let c = 0; c < k; c++) out[c] /= norm;
    return out;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => Array.from(this.embed(d)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embed(document));
  }

  /** Like toJSON, but the projection stays a typed array, so a worker can hand it over without copying. */
  toTransferable(): LsaEmbeddingsJson & { projection: Float64Array } {
    return {
      kind: 'lsa',
      options: this.options,
      featurizer: this.featurizer.toJSON(),
      singularValues: this.singularValues,
      projection: this.projection,
    };
  }

  toJSON(): LsaEmbeddingsJson {
    return {
      kind: 'lsa',
      options: this.options,
      featurizer: this.featurizer.toJSON(),
      singularValues: this.singularValues,
      projection: Array.from(this.projection),
    };
  }

  static fromJSON(json: LsaEmbeddingsJson): LsaEmbeddings {
    if (json.kind !== 'lsa') throw new Error(`not an LSA model: ${String(json.kind)}`);
    return new LsaEmbeddings(
      json.options,
      TfidfFeaturizer.fromJSON(json.featurizer),
      json.singularValues,
      json.projection instanceof Float64Array ? json.projection : Float64Array.from(json.projection),
    );
  }
}

/** Up to `size` of the texts, picked by a seeded partial shuffle and kept in corpus order. */
function seededSample(texts: readonly string[], size: number, seed: number): readonly string[] {
  if (texts.length <= size) return texts;
  const random = seededRandom(seed);
  const picked = Array.from(texts.keys());
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (picked.length - i));
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  return picked
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => texts[i]);
}
