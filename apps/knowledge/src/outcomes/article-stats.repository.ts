import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import type { SuggestionOutcomes } from '../retrieval/index.js';

export type OutcomeKind = 'suggested' | 'helpful' | 'not_helpful' | 'self_served';

export interface ArticleStats {
  articleId: string;
  suggested: number;
  helpful: number;
  notHelpful: number;
  selfServed: number;
  /** Share of suggestions that helped (said helpful, or solved in self-service). */
  successRate: number | null;
}

/** What happened after articles were shown: the signal success-aware ranking learns from. */
@Injectable()
export class ArticleStatsRepository {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.s = config.database.schema;
  }

  async count(manager: EntityManager, articleIds: string[], kind: OutcomeKind): Promise<void> {
    if (articleIds.length === 0) return;
    await manager.query(
      `INSERT INTO "${this.s}".article_stats (article_id, ${kind})
       SELECT id, 1 FROM unnest($1::text[]) AS id
       ON CONFLICT (article_id) DO UPDATE SET ${kind} = "${this.s}".article_stats.${kind} + 1, updated_at = now()`,
      [articleIds],
    );
  }

  async all(): Promise<ArticleStats[]> {
    const rows: Omit<ArticleStats, 'successRate'>[] = await this.dataSource.query(
      `SELECT article_id AS "articleId", suggested, helpful, not_helpful AS "notHelpful", self_served AS "selfServed"
         FROM "${this.s}".article_stats ORDER BY article_id`,
    );
    return rows.map((r) => ({
      ...r,
      successRate: r.suggested > 0 ? Math.round(((r.helpful + r.selfServed) / r.suggested) * 1000) / 1000 : null,
    }));
  }

  async outcomes(): Promise<Map<string, SuggestionOutcomes>> {
    return new Map((await this.all()).map((s) => [s.articleId, { suggested: s.suggested, resolved: s.helpful + s.selfServed }]));
  }
}
