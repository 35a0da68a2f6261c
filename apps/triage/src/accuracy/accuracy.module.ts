import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module.js';
import { ReviewModule } from '../review/review.module.js';
import { AccuracyGrpcController } from './accuracy.grpc.controller.js';
import { AccuracyHttpController } from './accuracy.http.controller.js';
import { PublishedAccuracyQuery } from './published-accuracy.query.js';

@Module({
  imports: [LearningModule, ReviewModule],
  controllers: [AccuracyHttpController, AccuracyGrpcController],
  providers: [PublishedAccuracyQuery],
})
export class AccuracyModule {}
