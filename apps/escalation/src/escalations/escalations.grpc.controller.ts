import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';

@Controller()
export class EscalationsGrpcController {
  constructor(private readonly list: ListEscalationsUseCase) {}

  @GrpcMethod('EscalationService', 'ListEscalations')
  escalations(req: { ticketId: string }) {
    return grpcCall(async () => ({
      escalations: (await this.list.execute(req.ticketId)).map((e) => ({
        ...e,
        escalatedAt: new Date(e.escalatedAt).toISOString(),
      })),
    }));
  }
}
