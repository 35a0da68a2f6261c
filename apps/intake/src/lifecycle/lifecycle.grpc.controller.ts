import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { ChangeTicketStatusCommand } from './change-ticket-status.command.js';
import { ChangeTicketStatusUseCase } from './change-ticket-status.usecase.js';
import { MergeTicketsCommand, MergeTicketsUseCase } from './merge-tickets.usecase.js';

@Controller()
export class LifecycleGrpcController {
  constructor(
    private readonly changeStatus: ChangeTicketStatusUseCase,
    private readonly merge: MergeTicketsUseCase,
  ) {}

  @GrpcMethod('IntakeService', 'ChangeTicketStatus')
  status(req: { ticketId: string; status: string; changedBy: string; reason: string }) {
    return grpcCall(() =>
      this.changeStatus.execute(
        ChangeTicketStatusCommand.create(req.ticketId, {
          status: req.status,
          changedBy: req.changedBy,
          reason: req.reason || undefined,
        }),
      ),
    );
  }

  @GrpcMethod('IntakeService', 'MergeTickets')
  mergeTickets(req: { ticketId: string; duplicateTicketId: string; mergedBy: string; reason: string }) {
    return grpcCall(() =>
      this.merge.execute(
        MergeTicketsCommand.create(req.ticketId, {
          duplicateTicketId: req.duplicateTicketId,
          mergedBy: req.mergedBy,
          reason: req.reason || undefined,
        }),
      ),
    );
  }
}
