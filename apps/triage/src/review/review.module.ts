import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module.js';
import { DecideReviewUseCase } from './decide-review.usecase.js';
import { ReviewQueries } from './list-reviews.query.js';
import { RequestReviewUseCase } from './request-review.usecase.js';
import { ReviewGrpcController } from './review.grpc.controller.js';
import { ReviewHttpController } from './review.http.controller.js';
import { ReviewRepository } from './review.repository.js';

@Module({
  imports: [LearningModule],
  controllers: [ReviewHttpController, ReviewGrpcController],
  providers: [ReviewRepository, ReviewQueries, DecideReviewUseCase, RequestReviewUseCase],
  exports: [ReviewRepository],
})
export class ReviewModule {}
