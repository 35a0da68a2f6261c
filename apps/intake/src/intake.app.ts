import type { INestApplication } from '@nestjs/common';
import { protoPath } from '@switchboard/contracts';
import { createServiceApp } from '@switchboard/service-kit';
import { AppModule } from './app.module.js';
import { BUNDLE_CONTENT_TYPES } from './bundles/bundles.http.controller.js';
import type { IntakeConfig } from './config.js';

export function createIntakeApp(config: IntakeConfig): Promise<INestApplication> {
  return createServiceApp(
    AppModule.register(config),
    config,
    { package: 'switchboard.intake.v1', protoPath: [protoPath('intake.proto'), protoPath('api-keys.proto')] },
    [
      { path: '/v1/channels/email', types: ['message/rfc822', 'text/plain'], limitBytes: config.channels.emailMaxBytes },
      // Raw bytes: the GitHub signature is over the body exactly as sent.
      { path: '/v1/channels/github', types: ['application/json'], limitBytes: 5 * 1024 * 1024 },
      { path: '/v1/tickets/:id/bundles', types: BUNDLE_CONTENT_TYPES, limitBytes: config.bundles.maxBytes },
    ],
  );
}
