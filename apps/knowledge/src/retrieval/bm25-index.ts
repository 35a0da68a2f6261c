import type { KnowledgeDocument } from './knowledge-document.js';
import { analyze, type AnalyzerOptions } from './text-analyzer.js';

export interface Bm25Options {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
  /** A title term counts this many body terms: titles state what an article answers. */
  titleWeight: number;
  tagWeight: number;
  analyzer?: AnalyzerOptions;
}

export const DEFAULT_BM25_OPTIONS: Bm25Options = { k1: 1.2, b: 0.75, titleWeight: 2, tagWeight: 1 };

interface Postings {
  docs: Int32Array;
  weightedTf: Float32Array;
}

/**
 * BM25 over one virtual field: title and tag occurrences are added to the body's term frequency
 * with their weights (the simple form of BM25F), so a title match is worth more but still saturates.
 */
export class Bm25Index {
  private constructor(
    readonly options: Bm25Options,
    readonly size: number,
    private readonly postings: Map<string, Postings>,
    private readonly idf: Map<string, number>,
    /** k1 * (1 - b + b * length / average length), precomputed per document. */
    private readonly lengthNorm: Float64Array,
  ) {}

  static build(documents: readonly KnowledgeDocument[], options: Partial<Bm25Options> = {}): Bm25Index {
    const opts = { ...DEFAULT_BM25_OPTIONS, ...options };
    const lists = new Map<string, { docs: number[]; tf: number[] }>();
    const lengths = new Float64Array(documents.length);
    documents.forEach((doc, d) => {
      const tf = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const term of analyze(text, opts.analyzer)) {
          tf.set(term, (tf.get(term) ?? 0) + weight);
          lengths[d] += weight;
        }
      };
      add(doc.title, opts.titleWeight);
      add((doc.tags ?? []).join(' '), opts.tagWeight);
      add(doc.body, 1);
      for (const [term, f] of tf) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], tf: [] }));
        list.docs.push(d);
        list.tf.push(f);
      }
    });
    const n = documents.length;
    const avgLength = lengths.reduce((s, l) => s + l, 0) / Math.max(1, n) || 1;
    const lengthNorm = lengths.map((l) => opts.k1 * (1 - opts.b + (opts.b * l) / avgLength));
    const postings = new Map<string, Postings>();
    const idf = new Map<string, number>();
    for (const [term, list] of lists) {
      postings.set(term, { docs: Int32Array.from(list.docs), weightedTf: Float32Array.from(list.tf) });
      idf.set(term, bm25Idf(n, list.docs.length));
    }
    return new Bm25Index(opts, n, postings, idf, lengthNorm);
  }

  queryTerms(query: string): string[] {
    return [...new Set(analyze(query, this.options.analyzer))];
  }

  /** The BM25 score of every document (0 where nothing matches). */
  scoreAll(terms: readonly string[]): Float64Array {
    const scores = new Float64Array(this.size);
    const k1Plus1 = this.options.k1 + 1;
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf.get(term) ?? 0;
      const { docs, weightedTf } = list;
      for (let i = 0; i < docs.length; i++) {
        const tf = weightedTf[i];
        scores[docs[i]] += (idf * tf * k1Plus1) / (tf + this.lengthNorm[docs[i]]);
      }
    }
    return scores;
  }

  /**
   * What a document matching every query term at saturation would score. A term the corpus never
   * saw counts at the rarest term's weight, so a query about something unknown looks poorly covered.
   */
  scoreCeiling(terms: readonly string[]): number {
    const unseenIdf = bm25Idf(this.size, 0);
    return terms.reduce((sum, t) => sum + (this.idf.get(t) ?? unseenIdf) * (this.options.k1 + 1), 0);
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }
}

/** Lucene's BM25 idf: never negative, even for a term in every document. */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
