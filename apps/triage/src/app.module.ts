import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { ClassificationModule } from './classification/classification.module.js';
import { TriageResultEntity } from './classification/triage-result.entity.js';
import type { TriageConfig } from './config.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { Guidance1764316800000 } from './migrations/1764316800000-guidance.js';
import { ReviewAndLearning1764403200000 } from './migrations/1764403200000-review-and-learning.js';
import { RequestedReviews1764489600000 } from './migrations/1764489600000-requested-reviews.js';
import { LearningModule } from './learning/learning.module.js';
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
          migrations: [
            Initial1764230400000,
            Guidance1764316800000,
            ReviewAndLearning1764403200000,
            RequestedReviews1764489600000,
          ],
        }),
        MessagingModule.forService(),
        // review routes (`/v1/triage/reviews`) before the catch-all `/v1/triage/:ticketId`
        ReviewModule,
        LearningModule,
        ClassificationModule,
        SentimentModule,
      ],
    };
  }
}
