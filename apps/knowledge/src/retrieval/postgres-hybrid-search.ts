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
  /** Document frequency over which (and over COMMON_TERM_MIN_SHARE of the corpus) a term is common. */
  commonTermMinDf?: number;
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
 * A term in more articles than this (and more than this share of them) is "common": its postings
 * are looked up for the candidates only. Under it, or in a corpus this small, every posting is read.
 */
export const COMMON_TERM_MIN_DF = 1000;
export const COMMON_TERM_MIN_SHARE = 0.05;
/** The rarest terms of a question are always read in full, so one made of common words still finds candidates. */
const ALWAYS_READ_TERMS = 2;

/**
 * One statement does the whole fusion. Lexical: BM25 over PostgreSQL's own analysis of the query
 * (`to_tsvector('english')`, the same analysis as the articles' weighted tsvector), OR semantics,
 * divided by what a perfect match would score so it keeps its meaning across queries. The postings
 * of selective terms are read in full and pick the lexical candidates; common terms (a snapshot of
 * document frequencies says which) add their part for the candidates only, by primary key, which
 * is what keeps a question at 10,000 articles from reading most of the index. Semantic: the cosines
 * passed in, or the stored vector's dot product with the query vector. Fused by interpolation plus
 * the prior; margins over the next row by a window.
 */
export function hybridSearchSql(schema: string): string {
  const s = `"${schema}"`;
  // `match` (websearch syntax: "phrases", -exclusions) is a hard constraint, answered by the GIN index
  const filter = `($8::text IS NULL OR d.component = $8) AND ($9::text IS NULL OR d.product = $9) AND d.tags @> $10::text[]
    AND ($17::text IS NULL OR d.doc_no IN (
      SELECT a.doc_no FROM ${s}.articles a WHERE a.search @@ websearch_to_tsquery('english', $17)))`;
  const bm25 = (tf: string, length: string) =>
    `i.idf * ${tf} * ($13::float8 + 1) / (${tf} + $13::float8 * (1 - $14::float8 + $14::float8 * ${length} / c.avgdl))`;
  return `
WITH corpus AS (SELECT $19::float8 AS n, $20::float8 AS avgdl),
terms AS (
  SELECT lexeme FROM unnest(to_tsvector('english', $1)) ORDER BY positions[1] LIMIT ${MAX_QUERY_TERMS}
),
ranked AS (
  SELECT terms.lexeme, f.df AS snapshot_df, row_number() OVER (ORDER BY coalesce(f.df, 0), terms.lexeme) AS rarity
    FROM terms LEFT JOIN ${s}.term_frequencies f USING (lexeme)
),
known AS (
  SELECT ranked.lexeme, ranked.snapshot_df,
         ranked.rarity <= ${ALWAYS_READ_TERMS}
           OR coalesce(ranked.snapshot_df, 0) <= greatest($21::float8, ${COMMON_TERM_MIN_SHARE} * corpus.n) AS read
    FROM ranked CROSS JOIN corpus
),
postings AS MATERIALIZED (
  SELECT p.lexeme, p.doc_no, p.tf, p.length FROM known JOIN ${s}.article_terms p USING (lexeme) WHERE known.read
),
counted AS (SELECT lexeme, count(*) AS df FROM postings GROUP BY lexeme),
idf AS (
  SELECT known.lexeme, known.read, ln(1 + (corpus.n - d.df + 0.5) / (d.df + 0.5)) AS idf
    FROM known CROSS JOIN corpus LEFT JOIN counted USING (lexeme)
   CROSS JOIN LATERAL (SELECT coalesce(counted.df, known.snapshot_df, 0) AS df) d
),
ceiling AS (SELECT nullif(sum(idf) * ($13::float8 + 1), 0) AS value FROM idf),
selective AS MATERIALIZED (
  SELECT p.doc_no, sum(${bm25('p.tf', 'p.length')}) AS bm25
    FROM postings p JOIN idf i USING (lexeme) CROSS JOIN corpus c
   GROUP BY p.doc_no
),
semantic AS (SELECT * FROM unnest($2::int[], $3::float8[]) AS s(doc_no, cosine)),
candidates AS MATERIALIZED (
  (SELECT l.doc_no FROM selective l
    WHERE $18::boolean OR EXISTS (SELECT 1 FROM ${s}.search_docs d WHERE d.doc_no = l.doc_no AND ${filter})
    ORDER BY l.bm25 DESC, l.doc_no LIMIT $6)
  UNION
  SELECT doc_no FROM semantic
),
common AS (
  -- one primary-key probe per (candidate, common term): never the common term's whole posting list
  SELECT cd.doc_no, sum(${bm25('p.tf', 'p.length')}) AS bm25
    FROM candidates cd
    CROSS JOIN idf i
    CROSS JOIN corpus c
    CROSS JOIN LATERAL (SELECT t.tf, t.length FROM ${s}.article_terms t
                         WHERE t.lexeme = i.lexeme AND t.doc_no = cd.doc_no OFFSET 0) p
   WHERE NOT i.read
   GROUP BY cd.doc_no
),
scored AS (
  SELECT d.article_id, d.title, d.component,
         coalesce((coalesce(l.bm25, 0) + coalesce(cm.bm25, 0)) / ceiling.value, 0) AS lexical,
         coalesce(sem.cosine, (SELECT ${s}.dot(e.vector, $4::real[]) FROM ${s}.article_embeddings e
                                WHERE e.doc_no = c.doc_no AND e.model = $5), 0) AS semantic
    FROM candidates c
    -- OFFSET 0 keeps this a per-candidate primary-key lookup instead of a scan of every article
    CROSS JOIN LATERAL (SELECT * FROM ${s}.search_docs d WHERE d.doc_no = c.doc_no AND ${filter} OFFSET 0) d
    CROSS JOIN ceiling
    LEFT JOIN selective l ON l.doc_no = c.doc_no
    LEFT JOIN common cm ON cm.doc_no = c.doc_no
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
    r.commonTermMinDf ?? COMMON_TERM_MIN_DF,
  ]);
  return rows.map((row) => ({
    ...row,
    lexical: Number(row.lexical),
    semantic: Number(row.semantic),
    fused: Number(row.fused),
    margin: Number(row.margin),
  }));
}
