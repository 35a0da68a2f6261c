import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import type { KnowledgeConfig } from './config.js';

export function createKnowledgeApp(config: KnowledgeConfig): Promise<INestApplication> {
  return createServiceApp(AppModule.register(config), config, {
    package: 'switchboard.knowledge.v1',
    protoPath: protoPath('knowledge.proto'),
  });
}
