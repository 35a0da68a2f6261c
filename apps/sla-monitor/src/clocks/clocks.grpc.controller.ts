import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { AppError, grpcCall } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { ClockRepository } from './clock.repository.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');

@Controller()
export class ClocksGrpcController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
  ) {}

  @GrpcMethod('SlaService', 'ListClocks')
  list(req: { ticketId: string }) {
    return grpcCall(async () => {
      if (!/^[0-9a-f-]{36}$/i.test(req.ticketId))
        throw new AppError('SLA.TICKET_ID_REQUIRED', 'ticketId must be a ticket id', 400);
      const clocks = await this.clocks.ofTicket(this.dataSource.manager, req.ticketId);
      return {
        clocks: clocks.map((c) => ({
          ...c,
          policyId: c.policyId ?? '',
          startedAt: iso(c.startedAt),
          dueAt: iso(c.dueAt),
          stoppedAt: iso(c.stoppedAt),
        })),
      };
    });
  }
}
