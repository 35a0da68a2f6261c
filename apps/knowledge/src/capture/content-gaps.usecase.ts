import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { KnowledgeIndex } from '../articles/knowledge-index.js';

export interface GapCluster {
  size: number;
  representative: string;
  examples: string[];
  ticketIds: string[];
}

const SAME_TOPIC = 0.6;

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};

/**
 * Questions no article answered well, grouped by similarity in the retriever's embedding space:
 * the largest groups are the articles most worth writing next.
 */
@Injectable()
export class ContentGapsUseCase {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: KnowledgeIndex,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.s = config.database.schema;
  }

  async execute(limit = 20): Promise<GapCluster[]> {
    const rows: { ticketId: string; query: string }[] = await this.dataSource.query(
      `SELECT ticket_id AS "ticketId", query FROM "${this.s}".suggestions
        WHERE cardinality(article_ids) = 0 ORDER BY created_at DESC LIMIT 1000`,
    );
    const vectors = await this.index.embed(rows.map((r) => r.query));
    const clusters: { centre: number[]; members: number[] }[] = [];
    rows.forEach((_, i) => {
      const home = clusters.find((c) => cosine(c.centre, vectors[i]) >= SAME_TOPIC);
      if (home) home.members.push(i);
      else clusters.push({ centre: vectors[i], members: [i] });
    });
    return clusters
      .sort((a, b) => b.members.length - a.members.length)
      .slice(0, limit)
      .map((c) => ({
        size: c.members.length,
        representative: rows[c.members[0]].query,
        examples: c.members.slice(0, 5).map((i) => rows[i].query),
        ticketIds: c.members.slice(0, 5).map((i) => rows[i].ticketId),
      }));
  }
}
