import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { topIndices } from './top-k.js';

/** What a search may be narrowed to; every listed tag must be on the article. */
export interface ArticleFilters {
  component?: string;
  product?: string;
  tags?: readonly string[];
  /**
   * websearch_to_tsquery text every result must match ("a phrase", -word); applied in SQL only.
   * Kept apart from the question, whose words are all optional: support questions quote error
   * messages and carry CLI flags (-p) that must not turn into constraints.
   */
  match?: string;
}

export interface IndexedArticleMeta {
  docNo: number;
  component: string;
  product: string;
  tags: readonly string[];
}

export function matchesFilters(meta: IndexedArticleMeta, f: ArticleFilters): boolean {
  return (
    (!f.component || meta.component === f.component) &&
    (!f.product || meta.product === f.product) &&
    (f.tags ?? []).every((t) => meta.tags.includes(t))
  );
}

export interface SemanticCandidates {
  docNos: number[];
  cosines: number[];
}

/**
 * The article vectors of one embedding model, in memory: the k nearest for a query take
 * a few milliseconds at 10,000 articles, which no SQL dot product over float4[] matches without
 * pgvector. Articles can be added, replaced and dropped without retraining the model.
 */
export class SemanticIndex {
  private readonly rows = new Map<number, number>();
  private metas: IndexedArticleMeta[] = [];
  private vectors: Float32Array;

  constructor(
    readonly model: EmbeddingsInterface,
    /** Names the model; stored vectors of another model are not comparable. */
    readonly modelId: string,
    readonly dimensions: number,
    capacity = 64,
  ) {
    this.vectors = new Float32Array(Math.max(1, capacity) * dimensions);
  }

  get size(): number {
    return this.metas.length;
  }

  has(docNo: number): boolean {
    return this.rows.has(docNo);
  }

  docNos(): number[] {
    return this.metas.map((m) => m.docNo);
  }

  /** Adds or replaces an article's vector (normalised here). */
  set(meta: IndexedArticleMeta, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) throw new Error(`expected ${this.dimensions} dimensions, got ${vector.length}`);
    let row = this.rows.get(meta.docNo);
    if (row === undefined) {
      row = this.metas.length;
      if ((row + 1) * this.dimensions > this.vectors.length) {
        const grown = new Float32Array(Math.max(this.vectors.length * 2, (row + 1) * this.dimensions));
        grown.set(this.vectors);
        this.vectors = grown;
      }
      this.rows.set(meta.docNo, row);
      this.metas.push(meta);
    } else {
      this.metas[row] = meta;
    }
    this.vectors.set(unitVector(vector), row * this.dimensions);
  }

  delete(docNo: number): void {
    const row = this.rows.get(docNo);
    if (row === undefined) return;
    const last = this.metas.length - 1;
    if (row !== last) {
      const moved = this.metas[last];
      this.metas[row] = moved;
      this.rows.set(moved.docNo, row);
      this.vectors.copyWithin(row * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
    }
    this.metas.pop();
    this.rows.delete(docNo);
  }

  async embedQuery(query: string): Promise<Float32Array> {
    return unitVector(await this.model.embedQuery(query));
  }

  /** The `k` articles nearest the (unit) query vector among those passing the filters, best first. */
  nearest(queryVector: Float32Array, k: number, filters: ArticleFilters = {}): SemanticCandidates {
    const n = this.metas.length;
    const d = this.dimensions;
    const filtered = Boolean(filters.component || filters.product || filters.tags?.length);
    const cosines = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      if (filtered && !matchesFilters(this.metas[r], filters)) {
        cosines[r] = -Infinity;
        continue;
      }
      let s = 0;
      const base = r * d;
      for (let c = 0; c < d; c++) s += queryVector[c] * this.vectors[base + c];
      cosines[r] = s;
    }
    const top = topIndices(cosines, k).filter((r) => cosines[r] > -Infinity);
    return { docNos: top.map((r) => this.metas[r].docNo), cosines: top.map((r) => cosines[r]) };
  }
}

export function unitVector(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += out[i] * out[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}
