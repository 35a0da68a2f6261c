import { Module } from '@nestjs/common';
import { ModelRegistry } from './model-registry.js';
import { ModelVersionRepository } from './model-version.repository.js';
import { ModelVersionsGrpcController } from './model-versions.grpc.controller.js';
import { ModelVersionsHttpController } from './model-versions.http.controller.js';
import { ModelVersionsUseCase } from './model-versions.usecase.js';
import { TicketResolvedKafkaHandler } from './ticket-resolved.kafka.handler.js';

@Module({
  controllers: [ModelVersionsHttpController, ModelVersionsGrpcController],
  providers: [ModelRegistry, ModelVersionRepository, ModelVersionsUseCase, TicketResolvedKafkaHandler],
  exports: [ModelRegistry, ModelVersionRepository],
})
export class LearningModule {}
