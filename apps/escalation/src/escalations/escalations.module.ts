import { Module } from '@nestjs/common';
import { EscalateTicketUseCase } from './escalate-ticket/escalate-ticket.usecase.js';
import { EscalationsGrpcController } from './escalations.grpc.controller.js';
import { EscalationsHttpController } from './escalations.http.controller.js';
import { SlaBreachedKafkaHandler } from './escalations.kafka.handler.js';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';

@Module({
  controllers: [EscalationsHttpController, EscalationsGrpcController],
  providers: [EscalateTicketUseCase, ListEscalationsUseCase, SlaBreachedKafkaHandler],
})
export class EscalationsModule {}
