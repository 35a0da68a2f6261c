import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import type { IntakeConfig } from './config.js';
import { BundlesModule } from './bundles/bundles.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { IntegratorsModule } from './integrators/integrators.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { ChannelsLifecycleBundles1764316801000 } from './migrations/1764316801000-channels-lifecycle-bundles.js';
import { Webhooks1764400000000 } from './migrations/1764400000000-webhooks.js';
import { Surveys1764400000001 } from './migrations/1764400000001-surveys.js';
import { ApiKeys1764950400100 } from './migrations/1764950400100-api-keys.js';
import { WebhookPredecessors1765036800000 } from './migrations/1765036800000-webhook-predecessors.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { TicketMessageEntity } from './tickets/ticket-message.entity.js';
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
          entities: [TicketEntity, TimelineEntryEntity, TicketMessageEntity],
          migrations: [
            Initial1764230400000,
            ChannelsLifecycleBundles1764316801000,
            Webhooks1764400000000,
            Surveys1764400000001,
            ApiKeys1764950400100,
            WebhookPredecessors1765036800000,
          ],
        }),
        MessagingModule.forService(),
        TicketsModule,
        ChannelsModule,
        LifecycleModule,
        BundlesModule,
        IntegratorsModule,
        SurveysModule,
        ApiKeysModule,
      ],
    };
  }
}
