import type { SparseVector } from './sparse-matrix.js';
import { analyze, tokenize } from './text-analyzer.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

export interface FeaturizerOptions {
  /**
   * Share (0..1) of the vector's weight on character n-grams of each word: they match a misspelt or
   * differently inflected word that the word features miss. 0 turns them off.
   */
  charNgramWeight: number;
  charNgramMin: number;
  charNgramMax: number;
  /** A character n-gram seen in fewer documents than this says nothing about co-occurrence. */
  charNgramMinDf: number;
  /** Keeps the feature space (and the SVD's memory) bounded on big corpora. */
  maxCharNgrams: number;
}

export const DEFAULT_FEATURIZER_OPTIONS: FeaturizerOptions = {
  charNgramWeight: 0.5,
  charNgramMin: 3,
  charNgramMax: 5,
  charNgramMinDf: 2,
  maxCharNgrams: 40_000,
};

export interface TfidfFeaturizerJson {
  options: FeaturizerOptions;
  features: string[];
  idf: number[];
}

/**
 * Sublinear TF-IDF vectors over stemmed words plus, optionally, character n-grams; each block is
 * L2-normalised on its own and then weighted, so a long word list cannot drown the n-grams.
 */
export class TfidfFeaturizer {
  private readonly index: Map<string, number>;

  private constructor(
    readonly options: FeaturizerOptions,
    private readonly features: string[],
    private readonly idf: Float64Array,
  ) {
    this.index = new Map(features.map((f, i) => [f, i]));
  }

  get dimensions(): number {
    return this.features.length;
  }

  static fit(texts: readonly string[], options: Partial<FeaturizerOptions> = {}): TfidfFeaturizer {
    const opts = { ...DEFAULT_FEATURIZER_OPTIONS, ...options };
    const wordDf = new Map<string, number>();
    const charDf = new Map<string, number>();
    for (const text of texts) {
      for (const w of new Set(analyze(text))) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
      if (opts.charNgramWeight > 0) {
        for (const g of new Set(charNgrams(text, opts))) charDf.set(g, (charDf.get(g) ?? 0) + 1);
      }
    }
    const words = [...wordDf.keys()].sort();
    const grams = [...charDf.entries()]
      .filter(([, df]) => df >= opts.charNgramMinDf)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, opts.maxCharNgrams)
      .map(([g]) => g)
      .sort();
    const n = texts.length;
    const smoothIdf = (df: number) => Math.log((1 + n) / (1 + df)) + 1;
    const idf = Float64Array.from([
      ...words.map((w) => smoothIdf(wordDf.get(w) ?? 0)),
      ...grams.map((g) => smoothIdf(charDf.get(g) ?? 0)),
    ]);
    return new TfidfFeaturizer(opts, [...words, ...grams], idf);
  }

  transform(text: string): SparseVector {
    const words = this.block(analyze(text), 1 - this.options.charNgramWeight);
    if (this.options.charNgramWeight <= 0) return words;
    const grams = this.block(charNgrams(text, this.options), this.options.charNgramWeight);
    return {
      indices: Int32Array.from([...words.indices, ...grams.indices]),
      values: Float64Array.from([...words.values, ...grams.values]),
    };
  }

  toJSON(): TfidfFeaturizerJson {
    return { options: this.options, features: this.features, idf: Array.from(this.idf) };
  }

  static fromJSON(json: TfidfFeaturizerJson): TfidfFeaturizer {
    return new TfidfFeaturizer(json.options, json.features, Float64Array.from(json.idf));
  }

  /** One block scaled to squared norm `share`, so the blocks' shares add up to a unit vector. */
  private block(terms: readonly string[], share: number): SparseVector {
    const tf = new Map<number, number>();
    for (const t of terms) {
      const i = this.index.get(t);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const indices = Int32Array.from(tf.keys());
    const values = Float64Array.from(tf, ([i, count]) => (1 + Math.log(count)) * this.idf[i]);
    const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0));
    if (norm > 0) {
      const scale = Math.sqrt(share) / norm;
      for (let k = 0; k < values.length; k++) values[k] *= scale;
    }
    return { indices, values };
  }
}

/** Character n-grams of each content word, with boundary marks so prefixes and suffixes stand out. */
function charNgrams(text: string, opts: FeaturizerOptions): string[] {
  const grams: string[] = [];
  for (const token of tokenize(text)) {
    if (ENGLISH_STOP_WORDS.has(token) || token.length < 2) continue;
    const word = `<${token.replace(/'/g, '')}>`;
    for (let n = opts.charNgramMin; n <= opts.charNgramMax; n++) {
      for (let i = 0; i + n <= word.length; i++) grams.push('#' + word.slice(i, i + n));
    }
  }
  return grams;
}
