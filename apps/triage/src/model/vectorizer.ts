import {
  DEFAULT_FEATURE_OPTIONS,
  extractFeatures,
  FEATURE_GROUPS,
  type FeatureGroup,
  type FeatureOptions,
} from './text-features.js';

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface VectorizerOptions {
  features: FeatureOptions;
  /** a feature seen in fewer training documents than this is dropped (noise, typos, one-off ids) */
  minDf: number;
  /** the most frequent features kept per group, so char n-grams cannot crowd out words */
  maxFeaturesPerGroup: number;
  /** each group is L2-normalised on its own, then scaled by its weight before the final normalisation */
  groupWeights: Record<FeatureGroup, number>;
}

export interface InquiryText {
  subject: string;
  body: string;
  /** the source the inquiry came from (a repository, a channel), when the input carries one */
  group?: string;
}

export const DEFAULT_VECTORIZER_OPTIONS: VectorizerOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  minDf: 2,
  maxFeaturesPerGroup: 200_000,
  groupWeights: { w: 1, t: 0.3, c: 1, g: 0.6 },
};

export interface VectorizerJSON {
  options: VectorizerOptions;
  vocabulary: string[];
  idf: number[];
}

const GROUP_INDEX = Object.fromEntries(FEATURE_GROUPS.map((g, i) => [g, i])) as Record<FeatureGroup, number>;

/** Sublinear TF-IDF over the named features of text-features.ts, vocabulary learnt from training data. */
export class TfidfVectorizer {
  private readonly index = new Map<string, number>();
  /** the feature group of each feature, as an index into FEATURE_GROUPS */
  readonly groupOf: Uint8Array;
  private readonly groupWeights: number[];

  private constructor(
    readonly options: VectorizerOptions,
    readonly vocabulary: string[],
    private readonly idf: Float64Array,
  ) {
    vocabulary.forEach((feature, i) => this.index.set(feature, i));
    this.groupOf = Uint8Array.from(vocabulary, (f) => GROUP_INDEX[f[0] as FeatureGroup]);
    this.groupWeights = FEATURE_GROUPS.map((g) => options.groupWeights[g] ?? 0);
  }

  get size(): number {
    return this.vocabulary.length;
  }

  static fit(texts: InquiryText[], options: VectorizerOptions = DEFAULT_VECTORIZER_OPTIONS): TfidfVectorizer {
    return TfidfVectorizer.fitTransform(texts, options).vectorizer;
  }

  /** Learns vocabulary and IDF from training texts and returns their vectors too. */
  static fitTransform(
    texts: InquiryText[],
    options: VectorizerOptions = DEFAULT_VECTORIZER_OPTIONS,
  ): { vectorizer: TfidfVectorizer; vectors: SparseVector[] } {
    const documents = texts.map((t) => extractFeatures(t.subject, t.body, options.features, t.group));
    const df = new Map<string, number>();
    for (const doc of documents) for (const feature of doc.keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
    const byGroup: Record<FeatureGroup, [string, number][]> = { w: [], t: [], c: [], g: [] };
    for (const [feature, count] of df) if (count >= options.minDf) byGroup[feature[0] as FeatureGroup].push([feature, count]);
    const vocabulary: string[] = [];
    for (const group of FEATURE_GROUPS) {
      // most frequent first; ties by name so the vocabulary never depends on Map insertion order
      const kept = byGroup[group].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.maxFeaturesPerGroup);
      vocabulary.push(...kept.map(([f]) => f).sort());
    }
    const n = documents.length;
    const idf = Float64Array.from(vocabulary, (f) => Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1);
    const vectorizer = new TfidfVectorizer(options, vocabulary, idf);
    return { vectorizer, vectors: documents.map((d) => vectorizer.transform(d)) };
  }

  static fromJSON(json: VectorizerJSON): TfidfVectorizer {
    return new TfidfVectorizer(json.options, json.vocabulary, Float64Array.from(json.idf));
  }

  toJSON(): VectorizerJSON {
    return {
      options: this.options,
      vocabulary: this.vocabulary,
      idf: Array.from(this.idf),
    };
  }

  extract(subject: string, body: string, group?: string): Map<string, number> {
    return extractFeatures(subject, body, this.options.features, group);
  }

  vectorize(subject: string, body: string, group?: string): SparseVector {
    return this.transform(this.extract(subject, body, group));
  }

  transform(counts: Map<string, number>): SparseVector {
    const indices: number[] = [];
    const values: number[] = [];
    const groupNorm = FEATURE_GROUPS.map(() => 0);
    for (const [feature, count] of counts) {
      const i = this.index.get(feature);
      if (i === undefined) continue;
      const v = (1 + Math.log(count)) * this.idf[i];
      indices.push(i);
      values.push(v);
      groupNorm[this.groupOf[i]] += v * v;
    }
    const scale = groupNorm.map((sq, g) => (sq > 0 ? this.groupWeights[g] / Math.sqrt(sq) : 0));
    let total = 0;
    for (let k = 0; k < values.length; k++) {
      values[k] *= scale[this.groupOf[indices[k]]];
      total += values[k] * values[k];
    }
    const norm = total > 0 ? 1 / Math.sqrt(total) : 0;
    return { indices: Int32Array.from(indices), values: Float64Array.from(values, (v) => v * norm) };
  }
}
