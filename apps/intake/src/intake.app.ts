import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import type { IntakeConfig } from './config.js';

export function createIntakeApp(config: IntakeConfig): Promise<INestApplication> {
  return createServiceApp(AppModule.register(config), config, {
    package: 'switchboard.intake.v1',
    protoPath: [protoPath('intake.proto'), protoPath('api-keys.proto')],
  });
}
