import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceKitModule } from '@switchboard/service-kit';
import { ArticleRepository } from './articles/article.repository.js';
import { ImportArticlesUseCase } from './articles/import-articles/import-articles.usecase.js';
import { loadKnowledgeConfig } from './config.js';
import { KNOWLEDGE_MIGRATIONS } from './migrations/index.js';

// `npm run seed:knowledge [-- DIR]`: (re)imports Markdown articles; no servers, no Kafka consumers.
const config = loadKnowledgeConfig();

@Module({
  imports: [ServiceKitModule.forService({ config, entities: [], migrations: KNOWLEDGE_MIGRATIONS })],
  providers: [ArticleRepository, ImportArticlesUseCase],
})
class SeedModule {}

const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
const count = await app.get(ImportArticlesUseCase).fromDirectory(process.argv[2]);
process.stdout.write(`imported ${count} articles\n`);
await app.close();
