import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import type { SlaConfig } from './config.js';

export function createSlaMonitorApp(config: SlaConfig): Promise<INestApplication> {
  return createServiceApp(AppModule.register(config), config, {
    package: 'switchboard.sla.v1',
    protoPath: protoPath('sla.proto'),
  });
}
