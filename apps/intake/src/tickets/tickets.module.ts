import { Module } from '@nestjs/common';
import { TicketStatusWriter } from '../lifecycle/ticket-status-writer.js';
import { GetTicketUseCase } from './get-ticket/get-ticket.usecase.js';
import { ProjectTicketEventUseCase } from './project-ticket-event/project-ticket-event.usecase.js';
import { ResolveTicketUseCase } from './resolve-ticket/resolve-ticket.usecase.js';
import { RespondToTicketUseCase } from './respond-to-ticket/respond-to-ticket.usecase.js';
import { SubmitInquiryUseCase } from './submit-inquiry/submit-inquiry.usecase.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketsGrpcController } from './tickets.grpc.controller.js';
import { TicketsHttpController } from './tickets.http.controller.js';
import { SelfServiceOutcomeUseCase } from './self-service/self-service-outcome.usecase.js';
import { SelfServiceResolvedKafkaHandler, TicketProjectionKafkaHandler } from './tickets.kafka.handler.js';

@Module({
  controllers: [TicketsHttpController, TicketsGrpcController],
  providers: [
    TicketRepository,
    SubmitInquiryUseCase,
    GetTicketUseCase,
    RespondToTicketUseCase,
    ResolveTicketUseCase,
    ProjectTicketEventUseCase,
    TicketProjectionKafkaHandler,
    SelfServiceOutcomeUseCase,
    SelfServiceResolvedKafkaHandler,
    TicketStatusWriter,
  ],
  exports: [TicketRepository, TicketStatusWriter, ResolveTicketUseCase, GetTicketUseCase],
})
export class TicketsModule {}
