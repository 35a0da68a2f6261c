import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { KnowledgeConfig } from '../../config.js';
import { ArticleRepository } from '../article.repository.js';
import { ImportArticlesUseCase } from './import-articles.usecase.js';
import { KnowledgeIndex } from '../knowledge-index.js';

/** A fresh install answers with the shipped articles; an existing knowledge base is left alone. */
@Injectable()
export class ArticleSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ArticleSeeder.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: KnowledgeConfig,
    private readonly articles: ArticleRepository,
    private readonly importArticles: ImportArticlesUseCase,
    private readonly index: KnowledgeIndex,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart || (await this.articles.count()) > 0) return;
    const n = await this.importArticles.fromDirectory();
    this.logger.log(`seeded ${n} articles`);
    await this.index.sync();
  }
}
