import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { AccuracyModule } from './accuracy/accuracy.module.js';
import { ClassificationModule } from './classification/classification.module.js';
import { TriageResultEntity } from './classification/triage-result.entity.js';
import type { TriageConfig } from './config.js';
import { LearningModule } from './learning/learning.module.js';
import { TRIAGE_MIGRATIONS } from './migrations/index.js';
import { ReviewModule } from './review/review.module.js';
import { SentimentModule } from './sentiment/sentiment.module.js';

@Module({})
export class AppModule {
  static register(config: TriageConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          config,
          entities: [TriageResultEntity],
          migrations: TRIAGE_MIGRATIONS,
        }),
        MessagingModule.forService(),
        // review and accuracy routes (`/v1/triage/reviews`, `/accuracy`) before the catch-all `/v1/triage/:ticketId`
        ReviewModule,
        AccuracyModule,
        LearningModule,
        ClassificationModule,
        SentimentModule,
      ],
    };
  }
}
