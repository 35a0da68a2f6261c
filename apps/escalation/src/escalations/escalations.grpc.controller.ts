import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { DeEscalateUseCase } from './de-escalate/de-escalate.usecase.js';
import { GetHandoffUseCase } from './handoff/get-handoff.usecase.js';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';
import { parseDeEscalate, parseRequestEscalation } from './request-escalation/escalation.commands.js';
import { RequestEscalationUseCase } from './request-escalation/request-escalation.usecase.js';

@Controller()
export class EscalationsGrpcController {
  constructor(
    private readonly list: ListEscalationsUseCase,
    private readonly request: RequestEscalationUseCase,
    private readonly deEscalate: DeEscalateUseCase,
    private readonly handoff: GetHandoffUseCase,
  ) {}

  @GrpcMethod('EscalationService', 'ListEscalations')
  escalations(req: { ticketId: string }) {
    return grpcCall(async () => ({
      escalations: (await this.list.execute(req.ticketId)).map((e) => ({
        ...e,
        escalatedAt: new Date(e.escalatedAt).toISOString(),
      })),
    }));
  }

  @GrpcMethod('EscalationService', 'Escalate')
  escalate(req: { ticketId: string; trigger: string; reason: string; requestedBy: string }) {
    return grpcCall(async () => {
      const result = await this.request.execute(parseRequestEscalation({ ...req, requestedBy: req.requestedBy || undefined }));
      return { escalationId: '', handoffId: '', fromTier: '', toTier: '', ...result };
    });
  }

  @GrpcMethod('EscalationService', 'DeEscalate')
  deEscalateTicket(req: { ticketId: string; reason: string; requestedBy: string }) {
    return grpcCall(() => this.deEscalate.execute(parseDeEscalate(req)));
  }

  /** The package travels as JSON: its schema is versioned by `schemaVersion`, not by the proto. */
  @GrpcMethod('EscalationService', 'GetHandoff')
  getHandoff(req: { ticketId: string; escalationId: string }) {
    return grpcCall(async () => {
      const pkg = await this.handoff.execute({
        ticketId: req.ticketId || undefined,
        escalationId: req.escalationId || undefined,
      });
      return { schemaVersion: pkg.schemaVersion, handoffId: pkg.handoffId, packageJson: JSON.stringify(pkg) };
    });
  }
}
