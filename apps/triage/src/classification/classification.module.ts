import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module.js';
import { ReviewModule } from '../review/review.module.js';
import { classifierProvider } from './classifier.provider.js';
import { ClassificationGrpcController } from './classification.grpc.controller.js';
import { ClassificationHttpController } from './classification.http.controller.js';
import { InquiryReceivedKafkaHandler } from './classification.kafka.handler.js';
import { ClassifyInquiryUseCase } from './classify-inquiry/classify-inquiry.usecase.js';
import { GetTriageUseCase } from './get-triage/get-triage.usecase.js';

@Module({
  imports: [LearningModule, ReviewModule],
  controllers: [ClassificationHttpController, ClassificationGrpcController],
  providers: [classifierProvider, ClassifyInquiryUseCase, GetTriageUseCase, InquiryReceivedKafkaHandler],
})
export class ClassificationModule {}
