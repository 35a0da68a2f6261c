import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import { AgentRepository } from '../agents/agent.repository.js';
import { AgentsGrpcController } from '../agents/agents.grpc.controller.js';
import { AgentsHttpController } from '../agents/agents.http.controller.js';
import { ManageAgentsUseCase } from '../agents/manage-agents/manage-agents.usecase.js';
import { SetAgentStatusUseCase } from '../agents/manage-agents/set-agent-status.usecase.js';
import { RosterSeeder } from '../agents/roster.seeder.js';
import type { RoutingConfig } from '../config.js';
import { AssignmentGrpcController } from './assignment.grpc.controller.js';
import { AssignmentHttpController } from './assignment.http.controller.js';
import {
  InquiryTriagedKafkaHandler,
  TicketDeEscalatedKafkaHandler,
  TicketEscalatedKafkaHandler,
  TicketResolvedKafkaHandler,
  TicketRespondedKafkaHandler,
} from './assignment.kafka.handler.js';
import { AssignmentQueries } from './assignment.queries.js';
import { AssignmentRepository } from './assignment.repository.js';
import { OverrideAssignmentUseCase } from './override-assignment/override-assignment.usecase.js';
import { QueueDrainer } from './queue-drainer.js';
import { ReleaseTicketUseCase } from './release-ticket/release-ticket.usecase.js';
import { RerouteTicketUseCase } from './reroute-ticket/reroute-ticket.usecase.js';
import { RouteTicketUseCase } from './route-ticket/route-ticket.usecase.js';
import { TicketPlacement } from './ticket-placement.js';
import { TierPolicy } from './tier-policy.js';
import { ManageTeamsUseCase } from '../teams/manage-teams.usecase.js';
import { TeamsGrpcController } from '../teams/teams.grpc.controller.js';
import { TeamsHttpController } from '../teams/teams.http.controller.js';

@Module({
  controllers: [
    AssignmentHttpController,
    AssignmentGrpcController,
    AgentsHttpController,
    AgentsGrpcController,
    TeamsHttpController,
    TeamsGrpcController,
  ],
  providers: [
    {
      provide: TierPolicy,
      useFactory: (config: RoutingConfig) => TierPolicy.fromFile(config.tierPolicyFile),
      inject: [SERVICE_CONFIG],
    },
    AssignmentRepository,
    AgentRepository,
    AssignmentQueries,
    TicketPlacement,
    QueueDrainer,
    RosterSeeder,
    RouteTicketUseCase,
    RerouteTicketUseCase,
    ReleaseTicketUseCase,
    OverrideAssignmentUseCase,
    ManageAgentsUseCase,
    SetAgentStatusUseCase,
    ManageTeamsUseCase,
    InquiryTriagedKafkaHandler,
    TicketEscalatedKafkaHandler,
    TicketDeEscalatedKafkaHandler,
    TicketResolvedKafkaHandler,
    TicketRespondedKafkaHandler,
  ],
})
export class AssignmentModule {}
