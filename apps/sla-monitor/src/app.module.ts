import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { ClocksModule } from './clocks/clocks.module.js';
import type { SlaConfig } from './config.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { PoliciesPausesReports1764316800000 } from './migrations/1764316800000-policies-pauses-reports.js';

@Module({})
export class AppModule {
  static register(config: SlaConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          config,
          entities: [],
          migrations: [Initial1764230400000, PoliciesPausesReports1764316800000],
        }),
        MessagingModule.forService(),
        ClocksModule,
      ],
    };
  }
}
