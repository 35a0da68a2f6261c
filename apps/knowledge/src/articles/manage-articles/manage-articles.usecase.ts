import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { ArticleRepository } from '../article.repository.js';
import { KnowledgeIndex } from '../knowledge-index.js';
import type { ArticleInput, parseUpdateArticle } from './article.commands.js';

/** Article authoring: every change is a new version; only published articles are searchable. */
@Injectable()
export class ManageArticlesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly index: KnowledgeIndex,
  ) {}

  async create(article: ArticleInput) {
    const created = await this.dataSource.transaction((m) => this.articles.insert(m, article));
    if (!created) throw conflict('KNOWLEDGE.ARTICLE_EXISTS', `an article with id ${article.id} exists`);
    return this.changed(article.id);
  }

  async update(id: string, changes: ReturnType<typeof parseUpdateArticle>) {
    await this.dataSource.transaction(async (m) => {
      const current = await this.articles.lock(m, id);
      if (!current) throw notFound('KNOWLEDGE.ARTICLE_NOT_FOUND', `article ${id} does not exist`);
      await this.articles.upsert(m, { ...current, ...changes });
    });
    return this.changed(id);
  }

  /** All or nothing: one invalid article and none is stored. */
  async import(articles: ArticleInput[]) {
    await this.dataSource.transaction(async (m) => {
      for (const a of articles) await this.articles.upsert(m, a);
    });
    await this.index.sync();
    return { imported: articles.length, ids: articles.map((a) => a.id) };
  }

  async versions(id: string) {
    const versions = await this.articles.versions(id);
    if (versions.length === 0) throw notFound('KNOWLEDGE.ARTICLE_NOT_FOUND', `article ${id} does not exist`);
    return versions;
  }

  private async changed(id: string) {
    await this.index.sync();
    const [article] = await this.articles.findById(id);
    return article;
  }
}
