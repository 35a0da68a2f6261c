import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@switchboard/messaging';
import { ServiceKitModule } from '@switchboard/service-kit';
import { AgentEntity } from './agents/agent.entity.js';
import { AssignmentModule } from './assignment/assignment.module.js';
import type { RoutingConfig } from './config.js';
import { Initial1764230400000 } from './migrations/1764230400000-initial.js';
import { AgentsQueueOverrides1764316800000 } from './migrations/1764316800000-agents-queue-overrides.js';
import { Teams1764403200000 } from './migrations/1764403200000-teams.js';

@Module({})
export class AppModule {
  static register(config: RoutingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          config,
          entities: [AgentEntity],
          migrations: [Initial1764230400000, AgentsQueueOverrides1764316800000, Teams1764403200000],
        }),
        MessagingModule.forService(),
        AssignmentModule,
      ],
    };
  }
}
