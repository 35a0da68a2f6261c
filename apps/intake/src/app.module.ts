import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import type { IntakeConfig } from './config.js';
import { IntegratorsModule } from './integrators/integrators.module.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { Webhooks1764400000000 } from './migrations/1764400000000-webhooks.js';
import { Surveys1764400000001 } from './migrations/1764400000001-surveys.js';
import { SurveysModule } from './surveys/surveys.module.js';
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
          migrations: [Initial1764230400000, Webhooks1764400000000, Surveys1764400000001],
        }),
        MessagingModule.forService(),
        TicketsModule,
        IntegratorsModule,
        SurveysModule,
      ],
    };
  }
}
