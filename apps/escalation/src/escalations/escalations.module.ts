import { Module } from '@nestjs/common';
import { DeEscalateUseCase } from './de-escalate/de-escalate.usecase.js';
import { EscalateTicketUseCase } from './escalate-ticket/escalate-ticket.usecase.js';
import { EscalationRepository } from './escalation.repository.js';
import { EscalationsGrpcController } from './escalations.grpc.controller.js';
import {
  DeEscalationsHttpController,
  EscalationsHttpController,
  ExpertsHttpController,
  HandoffsHttpController,
} from './escalations.http.controller.js';
import { EscalationEventsKafkaHandler } from './escalations.kafka.handler.js';
import { ManageExpertsUseCase } from './experts/manage-experts.usecase.js';
import { GetHandoffUseCase } from './handoff/get-handoff.usecase.js';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';
import { ProjectEventsUseCase } from './project-events/project-events.usecase.js';
import { RequestEscalationUseCase } from './request-escalation/request-escalation.usecase.js';

@Module({
  controllers: [
    EscalationsHttpController,
    HandoffsHttpController,
    DeEscalationsHttpController,
    ExpertsHttpController,
    EscalationsGrpcController,
  ],
  providers: [
    EscalationRepository,
    EscalateTicketUseCase,
    ProjectEventsUseCase,
    RequestEscalationUseCase,
    DeEscalateUseCase,
    GetHandoffUseCase,
    ManageExpertsUseCase,
    ListEscalationsUseCase,
    EscalationEventsKafkaHandler,
  ],
})
export class EscalationsModule {}
