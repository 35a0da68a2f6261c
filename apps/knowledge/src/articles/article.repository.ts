import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import type { ArticleDraft } from './article-markdown.js';

export type ArticleStatus = 'draft' | 'published' | 'archived';

export interface PublishedArticle {
  id: string;
  docNo: number;
  version: number;
  title: string;
  body: string;
  tags: string[];
  component: string;
  product: string;
}

@Injectable()
export class ArticleRepository {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.s = config.database.schema;
  }

  /** Creates or replaces an article; every stored state is kept as a numbered version. */
  async upsert(manager: EntityManager, a: ArticleDraft & { status?: ArticleStatus }): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO "${this.s}".articles (id, title, body, component, product, tags, status) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET title = $2, body = $3, component = $4, product = $5, tags = $6, status = $7,
         version = "${this.s}".articles.version + 1, updated_at = now()
       RETURNING version`,
      [a.id, a.title, a.body, a.component, a.product, a.tags, a.status ?? 'published'],
    );
    await this.recordVersion(manager, a.id);
    return row.version;
  }

  /** Inserts only; false when the id is taken. */
  async insert(manager: EntityManager, a: ArticleDraft & { status: ArticleStatus }): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".articles (id, title, body, component, product, tags, status) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [a.id, a.title, a.body, a.component, a.product, a.tags, a.status],
    );
    if (rows.length > 0) await this.recordVersion(manager, a.id);
    return rows.length > 0;
  }

  async lock(manager: EntityManager, id: string): Promise<(ArticleDraft & { status: ArticleStatus; version: number }) | null> {
    const [row] = await manager.query(
      `SELECT id, title, body, component, product, tags, status, version FROM "${this.s}".articles WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  private async recordVersion(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".article_versions (article_id, version, title, body, component, product, tags, status)
       SELECT id, version, title, body, component, product, tags, status FROM "${this.s}".articles WHERE id = $1
       ON CONFLICT DO NOTHING`,
      [id],
    );
  }

  versions(id: string) {
    return this.dataSource.query(
      `SELECT version, title, body, component, product, tags, status, created_at AS "createdAt"
         FROM "${this.s}".article_versions WHERE article_id = $1 ORDER BY version`,
      [id],
    );
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM "${this.s}".articles`);
    return count;
  }

  allPublished(): Promise<PublishedArticle[]> {
    return this.published('');
  }

  publishedByDocNo(docNos: number[]): Promise<PublishedArticle[]> {
    return this.published('AND doc_no = ANY($1)', [docNos]);
  }

  private published(condition: string, params: unknown[] = []): Promise<PublishedArticle[]> {
    return this.dataSource.query(
      `SELECT id, doc_no AS "docNo", version, title, body, tags, component, product
         FROM "${this.s}".articles WHERE status = 'published' ${condition} ORDER BY id`,
      params,
    );
  }

  /** What the semantic index compares with what it holds: which articles are searchable, at which version. */
  async publishedStamps(): Promise<Map<number, number>> {
    const rows: { docNo: number; version: number }[] = await this.dataSource.query(
      `SELECT doc_no AS "docNo", version FROM "${this.s}".articles WHERE status = 'published'`,
    );
    return new Map(rows.map((r) => [r.docNo, r.version]));
  }

  /** Stores article vectors of one model, so SQL can score lexical matches the vector index did not rank. */
  async saveEmbeddings(modelId: string, docNos: readonly number[], vectors: Float32Array, dimensions: number): Promise<void> {
    // small chunks: turning vectors into literals is event-loop work
    const CHUNK = 200;
    for (let start = 0; start < docNos.length; start += CHUNK) {
      const ids = docNos.slice(start, start + CHUNK);
      const literals = ids.map((_, i) => {
        const row = (start + i) * dimensions;
        return `{${Array.from(vectors.subarray(row, row + dimensions), (x) => x.toPrecision(7)).join(',')}}`;
      });
      await this.dataSource.query(
        `INSERT INTO "${this.s}".article_embeddings (doc_no, model, vector)
         SELECT d, $2, v::real[] FROM unnest($1::int[], $3::text[]) AS t(d, v)
         ON CONFLICT (doc_no) DO UPDATE SET model = excluded.model, vector = excluded.vector`,
        [ids, modelId, literals],
      );
    }
  }

  /**
   * Recounts every lexeme's document frequency into the snapshot searches use to tell selective
   * terms from common ones. One instance at a time (the others skip); only changed counts are written.
   */
  async refreshTermFrequencies(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `${this.s}.term_frequencies`,
      ]);
      if (!lock.locked) return;
      await manager.query(
        `WITH fresh AS (SELECT lexeme, count(*)::int AS df FROM "${this.s}".article_terms GROUP BY lexeme),
              gone AS (DELETE FROM "${this.s}".term_frequencies f WHERE NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.lexeme = f.lexeme))
         INSERT INTO "${this.s}".term_frequencies (lexeme, df) SELECT lexeme, df FROM fresh ORDER BY lexeme
         ON CONFLICT (lexeme) DO UPDATE SET df = excluded.df WHERE term_frequencies.df <> excluded.df`,
      );
    });
  }

  /** After a bulk change: fresh term counts, and postings read index-only once the visibility map knows their pages. */
  async refreshSearchStatistics(): Promise<void> {
    await this.refreshTermFrequencies();
    await this.dataSource.query(
      `VACUUM (ANALYZE) "${this.s}".articles, "${this.s}".article_terms, "${this.s}".search_docs, "${this.s}".article_embeddings, "${this.s}".term_frequencies`,
    );
  }

  /** Changes whenever an article is added, edited or removed. */
  async version(): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(max(updated_at), 'epoch')::text AS at, coalesce(sum(version), 0)::int AS v
         FROM "${this.s}".articles WHERE status = 'published'`,
    );
    return `${row.n}:${row.at}:${row.v}`;
  }

  /** Highlighted passages of the given articles for a query, from PostgreSQL full text. */
  async snippets(ids: string[], query: string): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; snippet: string }[] = await this.dataSource.query(
      `WITH q AS (SELECT nullif(replace(plainto_tsquery('english', $2)::text, '&', '|'), '')::tsquery AS query)
       SELECT a.id, CASE WHEN q.query IS NULL THEN left(a.body, 200)
              ELSE ts_headline('english', a.body, q.query, 'MaxFragments=1, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>') END AS snippet
         FROM "${this.s}".articles a, q WHERE a.id = ANY($1)`,
      [ids, query],
    );
    return new Map(rows.map((r) => [r.id, r.snippet]));
  }

  async recordSuggestion(
    manager: EntityManager,
    ticketId: string,
    query: string,
    articleIds: string[],
    text: string,
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".suggestions (ticket_id, query, article_ids, text) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [ticketId, query, articleIds, text],
    );
    return rows.length > 0;
  }

  /** The first suggestion of a ticket, locked, so a refinement after triage happens once. */
  async lockSuggestion(
    manager: EntityManager,
    ticketId: string,
  ): Promise<{ query: string; text: string | null; articleIds: string[]; component: string | null } | null> {
    const [row] = await manager.query(
      `SELECT query, text, article_ids AS "articleIds", component FROM "${this.s}".suggestions WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    return row ?? null;
  }

  async refineSuggestion(manager: EntityManager, ticketId: string, component: string, articleIds: string[]): Promise<void> {
    await manager.query(`UPDATE "${this.s}".suggestions SET component = $2, article_ids = $3 WHERE ticket_id = $1`, [
      ticketId,
      component,
      articleIds,
    ]);
  }

  list(status: ArticleStatus) {
    return this.dataSource.query(
      `SELECT id, title, component, product, tags, status, version, source_ticket_id AS "sourceTicketId", updated_at AS "updatedAt"
         FROM "${this.s}".articles WHERE status = $1 ORDER BY id`,
      [status],
    );
  }

  findById(id: string) {
    return this.dataSource.query(
      `SELECT id, title, body, component, product, tags, status, version, updated_at AS "updatedAt"
         FROM "${this.s}".articles WHERE id = $1`,
      [id],
    );
  }
}
