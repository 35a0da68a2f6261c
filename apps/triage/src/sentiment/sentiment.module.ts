import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module.js';
import { CustomerRepliedKafkaHandler } from './customer-replied.kafka.handler.js';

@Module({ imports: [LearningModule], providers: [CustomerRepliedKafkaHandler] })
export class SentimentModule {}
