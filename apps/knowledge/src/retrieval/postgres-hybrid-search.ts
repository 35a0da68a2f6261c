import type { Bm25Options } from './bm25-index.js';
import type { ArticleFilters, SemanticCandidates } from './semantic-index.js';

/** Anything that runs a parameterised statement: a TypeORM DataSource or EntityManager, a pg client. */
export interface SqlQueryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface FusedRow {
  id: string;
  title: string;
  component: string;
  lexical: number;
  semantic: number;
  fused: number;
  margin: number;
}

export interface SqlSearchRequest {
  query: string;
  /** Nearest articles by the in-memory vector index, with their cosines. */
  semantic: SemanticCandidates;
  /** Unit query vector and model id: scores lexical candidates outside `semantic` from stored vectors. */
  queryVector: ArrayLike<number>;
  modelId: string;
  /** How many of the best lexical matches join the semantic candidates. */
  lexicalCandidates: number;
  /** Rows wanted (the margin of the last one is still measured against its runner-up). */
  limit: number;
  filters: ArticleFilters;
  /** Per-article prior in [-1, 1] (success rate); articles not listed get 0. */
  priors: ReadonlyMap<string, number>;
  bm25: Pick<Bm25Options, 'k1' | 'b'>;
  /** BM25's collection statistics (see corpusStatistics). */
  corpus: CorpusStatistics;
  lexicalWeight: number;
  priorWeight: number;
}

export interface CorpusStatistics {
  documents: number;
  averageLength: number;
}

/** Published articles and their mean weighted length: a scan of 10,000 rows, so callers cache it briefly. */
export async function corpusStatistics(db: SqlQueryable, schema: string): Promise<CorpusStatistics> {
  const [row] = await db.query(
    `SELECT count(*)::float8 AS documents, coalesce(avg(length), 1)::float8 AS "averageLength" FROM "${schema}".search_docs`,
  );
  return { documents: Number(row.documents), averageLength: Number(row.averageLength) || 1 };
}

/** Query terms beyond this (in order of appearance) are ignored: a pasted log must not scan every posting. */
const MAX_QUERY_TERMS = 64;

/**
 * One statement does the whole fusion. Lexical: BM25 over PostgreSQL's own analysis of the query
 * (`to_tsvector('english')`, the same analysis as the articles' weighted tsvector), OR semantics,
 * idf from the postings, divided by what a perfect match would score so it keeps its meaning
 * across queries. Semantic: the cosines passed in, or the stored vector's dot product with the
 * query vector. Fused by interpolation plus the prior; margins over the next row by a window.
 */
export function hybridSearchSql(schema: string): string {
  const s = `"${schema}"`;
  // `match` (websearch syntax: "phrases", -exclusions) is a hard constraint, answered by the GIN index
  const filter = `($8::text IS NULL OR d.component = $8) AND ($9::text IS NULL OR d.product = $9) AND d.tags @> $10::text[]
    AND ($17::text IS NULL OR d.doc_no IN (
      SELECT a.doc_no FROM ${s}.articles a WHERE a.search @@ websearch_to_tsquery('english', $17)))`;
  return `
WITH corpus AS (SELECT $19::float8 AS n, $20::float8 AS avgdl),
terms AS (
  SELECT lexeme FROM unnest(to_tsvector('english', $1)) ORDER BY positions[1] LIMIT ${MAX_QUERY_TERMS}
),
postings AS MATERIALIZED (
  SELECT t.lexeme, t.doc_no, t.tf, t.length FROM terms JOIN ${s}.article_terms t USING (lexeme)
),
df AS (SELECT lexeme, count(*) AS df FROM postings GROUP BY lexeme),
idf AS (
  SELECT terms.lexeme, ln(1 + (corpus.n - coalesce(df.df, 0) + 0.5) / (coalesce(df.df, 0) + 0.5)) AS idf
    FROM terms CROSS JOIN corpus LEFT JOIN df USING (lexeme)
),
ceiling AS (SELECT nullif(sum(idf) * ($13::float8 + 1), 0) AS value FROM idf),
lexical AS MATERIALIZED (
  SELECT p.doc_no, sum(i.idf * p.tf * ($13::float8 + 1) / (p.tf + $13::float8 * (1 - $14::float8 + $14::float8 * p.length / c.avgdl))) AS bm25
    FROM postings p JOIN idf i USING (lexeme) CROSS JOIN corpus c
   GROUP BY p.doc_no
),
semantic AS (SELECT * FROM unnest($2::int[], $3::float8[]) AS s(doc_no, cosine)),
candidates AS (
  (SELECT l.doc_no FROM lexical l
    WHERE $18::boolean OR EXISTS (SELECT 1 FROM ${s}.search_docs d WHERE d.doc_no = l.doc_no AND ${filter})
    ORDER BY l.bm25 DESC, l.doc_no LIMIT $6)
  UNION
  SELECT doc_no FROM semantic
),
scored AS (
  SELECT d.article_id, d.title, d.component,
         coalesce(l.bm25 / ceiling.value, 0) AS lexical,
         coalesce(sem.cosine, (SELECT ${s}.dot(e.vector, $4::real[]) FROM ${s}.article_embeddings e
                                WHERE e.doc_no = c.doc_no AND e.model = $5), 0) AS semantic
    FROM candidates c
    -- OFFSET 0 keeps this a per-candidate primary-key lookup instead of a scan of every article
    CROSS JOIN LATERAL (SELECT * FROM ${s}.search_docs d WHERE d.doc_no = c.doc_no AND ${filter} OFFSET 0) d
    CROSS JOIN ceiling
    LEFT JOIN lexical l ON l.doc_no = c.doc_no
    LEFT JOIN semantic sem ON sem.doc_no = c.doc_no
),
fused AS (
  SELECT sc.*, $15::float8 * sc.lexical + (1 - $15::float8) * greatest(sc.semantic, 0)
               + $16::float8 * coalesce(pr.prior, 0) AS fused
    FROM scored sc LEFT JOIN unnest($11::text[], $12::float8[]) AS pr(article_id, prior) USING (article_id)
)
SELECT article_id AS id, title, component, lexical, semantic, fused,
       coalesce(fused - lead(fused) OVER w, 0) AS margin
  FROM fused
WINDOW w AS (ORDER BY fused DESC, article_id)
 ORDER BY fused DESC, article_id
 LIMIT $7`;
}

export async function runHybridSearch(db: SqlQueryable, schema: string, r: SqlSearchRequest): Promise<FusedRow[]> {
  const priorIds = [...r.priors.keys()];
  const rows: FusedRow[] = await db.query(hybridSearchSql(schema), [
    r.query,
    r.semantic.docNos,
    r.semantic.cosines,
    Array.from(r.queryVector),
    r.modelId,
    r.lexicalCandidates,
    r.limit,
    r.filters.component ?? null,
    r.filters.product ?? null,
    [...(r.filters.tags ?? [])],
    priorIds,
    priorIds.map((id) => r.priors.get(id) ?? 0),
    r.bm25.k1,
    r.bm25.b,
    r.lexicalWeight,
    r.priorWeight,
    r.filters.match?.trim() || null,
    !(r.filters.component || r.filters.product || r.filters.tags?.length || r.filters.match?.trim()),
    r.corpus.documents,
    r.corpus.averageLength,
  ]);
  return rows.map((row) => ({
    ...row,
    lexical: Number(row.lexical),
    semantic: Number(row.semantic),
    fused: Number(row.fused),
    margin: Number(row.margin),
  }));
}
