import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import type { IntakeConfig } from './config.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { ApiKeys1764950400100 } from './migrations/1764950400100-api-keys.js';
import { TicketEntity } from './tickets/ticket.entity.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { TimelineEntryEntity } from './tickets/timeline-entry.entity.js';

@Module({})
export class AppModule {
  static register(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          config,
          entities: [TicketEntity, TimelineEntryEntity],
          migrations: [Initial1764230400000, ApiKeys1764950400100],
        }),
        MessagingModule.forService(),
        TicketsModule,
        ApiKeysModule,
      ],
    };
  }
}
