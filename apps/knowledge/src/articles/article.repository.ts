import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import type { ArticleDraft } from './article-markdown.js';

export interface SearchHit {
  articleId: string;
  title: string;
  component: string;
  score: number;
  snippet: string;
}

export interface SearchFilters {
  component?: string;
  limit: number;
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

  async upsert(manager: EntityManager, a: ArticleDraft): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.s}".articles (id, title, body, component, product, tags) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET title = $2, body = $3, component = $4, product = $5, tags = $6,
         version = "${this.s}".articles.version + 1, updated_at = now()`,
      [a.id, a.title, a.body, a.component, a.product, a.tags],
    );
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM "${this.s}".articles`);
    return count;
  }

  /**
   * Full-text search with any-word matching (an inquiry is long; requiring every word finds nothing),
   * title weighted over body, score normalised into [0, 1) as rank / (rank + 1).
   */
  search(query: string, filters: SearchFilters, manager: EntityManager = this.dataSource.manager): Promise<SearchHit[]> {
    return manager.query(
      `WITH q AS (SELECT nullif(replace(plainto_tsquery('english', $1)::text, '&', '|'), '')::tsquery AS query)
       SELECT a.id AS "articleId", a.title, a.component,
              round(ts_rank_cd(a.search, q.query, 32)::numeric, 4)::float AS score,
              ts_headline('english', a.body, q.query, 'MaxFragments=1, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>') AS snippet
         FROM "${this.s}".articles a, q
        WHERE q.query IS NOT NULL AND a.status = 'published' AND a.search @@ q.query
          AND ($2::text IS NULL OR a.component = $2)
        ORDER BY score DESC, a.id
        LIMIT $3`,
      [query, filters.component ?? null, filters.limit],
    );
  }

  async recordSuggestion(manager: EntityManager, ticketId: string, query: string, articleIds: string[]): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO "${this.s}".suggestions (ticket_id, query, article_ids) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [ticketId, query, articleIds],
    );
    return rows.length > 0;
  }

  findById(id: string) {
    return this.dataSource.query(
      `SELECT id, title, body, component, product, tags, status, version, updated_at AS "updatedAt"
         FROM "${this.s}".articles WHERE id = $1`,
      [id],
    );
  }
}
