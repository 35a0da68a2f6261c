import { Module } from '@nestjs/common';
import { RosterSeeder } from '../agents/roster.seeder.js';
import { AssignmentGrpcController } from './assignment.grpc.controller.js';
import { AssignmentHttpController } from './assignment.http.controller.js';
import {
  InquiryTriagedKafkaHandler,
  TicketEscalatedKafkaHandler,
  TicketResolvedKafkaHandler,
} from './assignment.kafka.handler.js';
import { AssignmentQueries } from './assignment.queries.js';
import { AssignmentRepository } from './assignment.repository.js';
import { ReleaseTicketUseCase } from './release-ticket/release-ticket.usecase.js';
import { RerouteTicketUseCase } from './reroute-ticket/reroute-ticket.usecase.js';
import { RouteTicketUseCase } from './route-ticket/route-ticket.usecase.js';

@Module({
  controllers: [AssignmentHttpController, AssignmentGrpcController],
  providers: [
    AssignmentRepository,
    AssignmentQueries,
    RosterSeeder,
    RouteTicketUseCase,
    RerouteTicketUseCase,
    ReleaseTicketUseCase,
    InquiryTriagedKafkaHandler,
    TicketEscalatedKafkaHandler,
    TicketResolvedKafkaHandler,
  ],
})
export class AssignmentModule {}
