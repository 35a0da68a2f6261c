import { Module } from '@nestjs/common';
import { ArticleRepository } from './article.repository.js';
import { CaptureHttpController } from '../capture/capture.http.controller.js';
import { TicketResolvedKafkaHandler } from '../capture/capture.kafka.handler.js';
import { CaptureResolutionUseCase } from '../capture/capture-resolution.usecase.js';
import { ContentGapsUseCase } from '../capture/content-gaps.usecase.js';
import { ArticleStatsRepository } from '../outcomes/article-stats.repository.js';
import { OutcomesHttpController } from '../outcomes/outcomes.http.controller.js';
import { GuidedSessionUseCase } from '../self-service/guided-session.usecase.js';
import { SelfServiceGrpcController } from '../self-service/self-service.grpc.controller.js';
import { SelfServiceHttpController } from '../self-service/self-service.http.controller.js';
import { KnowledgeIndex } from './knowledge-index.js';
import { ManageArticlesUseCase } from './manage-articles/manage-articles.usecase.js';
import { ArticlesGrpcController } from './articles.grpc.controller.js';
import { ArticlesHttpController } from './articles.http.controller.js';
import { InquiryReceivedKafkaHandler, InquiryTriagedKafkaHandler } from './articles.kafka.handler.js';
import { ArticleSeeder } from './import-articles/article-seeder.js';
import { ImportArticlesUseCase } from './import-articles/import-articles.usecase.js';
import { SearchArticlesUseCase } from './search-articles/search-articles.usecase.js';
import { SuggestArticlesUseCase } from './suggest-articles/suggest-articles.usecase.js';

@Module({
  controllers: [
    ArticlesHttpController,
    ArticlesGrpcController,
    SelfServiceHttpController,
    SelfServiceGrpcController,
    OutcomesHttpController,
    CaptureHttpController,
  ],
  providers: [
    ArticleRepository,
    ManageArticlesUseCase,
    ArticleStatsRepository,
    CaptureResolutionUseCase,
    ContentGapsUseCase,
    TicketResolvedKafkaHandler,
    GuidedSessionUseCase,
    KnowledgeIndex,
    ImportArticlesUseCase,
    ArticleSeeder,
    SearchArticlesUseCase,
    SuggestArticlesUseCase,
    InquiryReceivedKafkaHandler,
    InquiryTriagedKafkaHandler,
  ],
  exports: [ImportArticlesUseCase],
})
export class ArticlesModule {}
