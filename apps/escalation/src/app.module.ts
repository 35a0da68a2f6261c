import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import type { EscalationConfig } from './config.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { ProjectionHandoffs1764316800000 } from './migrations/1764316800000-projection-handoffs.js';

@Module({})
export class AppModule {
  static register(config: EscalationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          config,
          entities: [],
          migrations: [Initial1764230400000, ProjectionHandoffs1764316800000],
        }),
        MessagingModule.forService(),
        EscalationsModule,
      ],
    };
  }
}
