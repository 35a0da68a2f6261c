import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import type { RoutingConfig } from './config.js';

export function createRoutingApp(config: RoutingConfig): Promise<INestApplication> {
  return createServiceApp(AppModule.register(config), config, {
    package: 'switchboard.routing.v1',
    protoPath: protoPath('routing.proto'),
  });
}
