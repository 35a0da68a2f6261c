import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import type { EscalationConfig } from './config.js';

export function createEscalationApp(config: EscalationConfig): Promise<INestApplication> {
  return createServiceApp(AppModule.register(config), config, {
    package: 'switchboard.escalation.v1',
    protoPath: protoPath('escalation.proto'),
  });
}
