import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import type { TriageConfig } from './config.js';

export function createTriageApp(config: TriageConfig): Promise<INestApplication> {
  return createServiceApp(AppModule.register(config), config, {
    package: 'switchboard.triage.v1',
    protoPath: protoPath('triage.proto'),
  });
}
