import { Module } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository.js';
import { ApiKeysGrpcController } from './api-keys.grpc.controller.js';
import { ApiKeysHttpController } from './api-keys.http.controller.js';
import { ManageApiKeysUseCase } from './manage-api-keys.usecase.js';

@Module({
  controllers: [ApiKeysHttpController, ApiKeysGrpcController],
  providers: [ApiKeyRepository, ManageApiKeysUseCase],
})
export class ApiKeysModule {}
