import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { ChangeTicketStatusUseCase } from './change-ticket-status.usecase.js';
import { LifecycleGrpcController } from './lifecycle.grpc.controller.js';
import { LifecycleHttpController } from './lifecycle.http.controller.js';
import { MergeTicketsUseCase } from './merge-tickets.usecase.js';

/** Import this module to change a ticket's status from another feature (`ChangeTicketStatusUseCase`). */
@Module({
  imports: [TicketsModule],
  controllers: [LifecycleHttpController, LifecycleGrpcController],
  providers: [ChangeTicketStatusUseCase, MergeTicketsUseCase],
  exports: [ChangeTicketStatusUseCase],
})
export class LifecycleModule {}
