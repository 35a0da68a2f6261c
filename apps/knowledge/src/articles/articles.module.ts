import { Module } from '@nestjs/common';
import { ArticleRepository } from './article.repository.js';
import { KnowledgeIndex } from './knowledge-index.js';
import { ArticlesGrpcController } from './articles.grpc.controller.js';
import { ArticlesHttpController } from './articles.http.controller.js';
import { InquiryReceivedKafkaHandler } from './articles.kafka.handler.js';
import { ArticleSeeder } from './import-articles/article-seeder.js';
import { ImportArticlesUseCase } from './import-articles/import-articles.usecase.js';
import { SearchArticlesUseCase } from './search-articles/search-articles.usecase.js';
import { SuggestArticlesUseCase } from './suggest-articles/suggest-articles.usecase.js';

@Module({
  controllers: [ArticlesHttpController, ArticlesGrpcController],
  providers: [
    ArticleRepository,
    KnowledgeIndex,
    ImportArticlesUseCase,
    ArticleSeeder,
    SearchArticlesUseCase,
    SuggestArticlesUseCase,
    InquiryReceivedKafkaHandler,
  ],
  exports: [ImportArticlesUseCase],
})
export class ArticlesModule {}
