import { schemaMigration } from '@switchboard/service-kit';

/**
 * Search moves into PostgreSQL. The weighted `search` tsvector (title A, body B, GIN-indexed) stays
 * the lexical analysis; a trigger unnests it (plus the tags, weight C) into per-article term
 * frequencies, because BM25 needs tf, document frequency and length, which a GIN posting list does
 * not keep, and because ranking every OR-match with ts_rank_cd costs 0.5 s at 10,000 articles.
 * Article embeddings live beside them as float4[] so the semantic score can be fused in SQL.
 */
export const HybridSqlSearch1764662400000 = schemaMigration('HybridSqlSearch1764662400000', {
  async up(runner, schema) {
    const s = `"${schema}"`;
    await runner.query(`ALTER TABLE ${s}.articles ADD COLUMN doc_no integer GENERATED ALWAYS AS IDENTITY`);
    await runner.query(`CREATE UNIQUE INDEX articles_doc_no_idx ON ${s}.articles (doc_no)`);
    // published articles only: what search may return, with what filters read
    await runner.query(`
      CREATE TABLE ${s}.search_docs (
        doc_no integer PRIMARY KEY,
        article_id text NOT NULL UNIQUE,
        title text NOT NULL,
        component text NOT NULL,
        product text NOT NULL,
        tags text[] NOT NULL,
        length real NOT NULL
      )`);
    // the BM25 inverted index: (lexeme, doc) with weighted tf and the doc's length, read index-only
    await runner.query(`
      CREATE TABLE ${s}.article_terms (
        lexeme text NOT NULL,
        doc_no integer NOT NULL,
        tf real NOT NULL,
        length real NOT NULL,
        PRIMARY KEY (lexeme, doc_no) INCLUDE (tf, length)
      )`);
    await runner.query(`CREATE INDEX article_terms_doc_idx ON ${s}.article_terms (doc_no)`);
    await runner.query(`
      CREATE TABLE ${s}.article_embeddings (
        doc_no integer PRIMARY KEY,
        model text NOT NULL,
        vector real[] NOT NULL
      )`);
    await runner.query(`
      CREATE FUNCTION ${s}.dot(a real[], b real[]) RETURNS double precision
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT sum(x::float8 * y::float8) FROM unnest(a, b) AS t(x, y) $$`);
    // title terms count twice, tags once, like the in-memory BM25F (titleWeight 2, tagWeight 1)
    await runner.query(`
      CREATE FUNCTION ${s}.index_article_terms() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM ${s}.article_terms WHERE doc_no = OLD.doc_no;
          DELETE FROM ${s}.search_docs WHERE doc_no = OLD.doc_no;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
          WITH terms AS (
                 SELECT u.lexeme, sum(CASE w WHEN 'A' THEN 2 ELSE 1 END)::real AS tf
                   FROM unnest(NEW.search || setweight(to_tsvector('english', array_to_string(NEW.tags, ' ')), 'C')) AS u,
                        unnest(u.weights) AS w
                  GROUP BY u.lexeme),
               doc AS (SELECT coalesce(sum(tf), 0)::real AS length FROM terms),
               postings AS (
                 INSERT INTO ${s}.article_terms (lexeme, doc_no, tf, length)
                 SELECT terms.lexeme, NEW.doc_no, terms.tf, doc.length FROM terms, doc)
          INSERT INTO ${s}.search_docs (doc_no, article_id, title, component, product, tags, length)
          SELECT NEW.doc_no, NEW.id, NEW.title, NEW.component, NEW.product, NEW.tags, doc.length FROM doc;
        END IF;
        RETURN NULL;
      END $fn$`);
    await runner.query(`
      CREATE TRIGGER articles_index_terms
      AFTER INSERT OR DELETE OR UPDATE OF title, body, tags, status, component, product ON ${s}.articles
      FOR EACH ROW EXECUTE FUNCTION ${s}.index_article_terms()`);
    await runner.query(`UPDATE ${s}.articles SET status = status WHERE status = 'published'`);
  },

  async down(runner, schema) {
    const s = `"${schema}"`;
    await runner.query(`DROP TRIGGER articles_index_terms ON ${s}.articles`);
    await runner.query(`DROP FUNCTION ${s}.index_article_terms()`);
    await runner.query(`DROP FUNCTION ${s}.dot(real[], real[])`);
    await runner.query(`DROP TABLE ${s}.article_embeddings, ${s}.article_terms, ${s}.search_docs`);
    await runner.query(`ALTER TABLE ${s}.articles DROP COLUMN doc_no`);
  },
});
