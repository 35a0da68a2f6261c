import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall, RequiresScope } from '@switchboard/service-kit';
import { GetTicketUseCase } from './get-ticket/get-ticket.usecase.js';
import { ResolveTicketCommand } from './resolve-ticket/resolve-ticket.command.js';
import { ResolveTicketUseCase } from './resolve-ticket/resolve-ticket.usecase.js';
import { RespondToTicketCommand } from './respond-to-ticket/respond-to-ticket.command.js';
import { RespondToTicketUseCase } from './respond-to-ticket/respond-to-ticket.usecase.js';
import { SubmitInquiryCommand } from './submit-inquiry/submit-inquiry.command.js';
import { SubmitInquiryUseCase } from './submit-inquiry/submit-inquiry.usecase.js';

interface SubmitInquiryRequest {
  idempotencyKey: string;
  channel: string;
  subject: string;
  body: string;
  customer?: { id: string; email: string; serviceLevel: string; language: string; userType: string };
  environmentJson: string;
}

/** proto3 has no "absent" strings, so empty strings are turned back into missing fields here. */
function inquiryBody(req: SubmitInquiryRequest): Record<string, unknown> {
  const customer = req.customer ? Object.fromEntries(Object.entries(req.customer).filter(([, v]) => v !== '')) : undefined;
  let environment: unknown;
  if (req.environmentJson) {
    try {
      environment = JSON.parse(req.environmentJson);
    } catch {
      environment = req.environmentJson;
    }
  }
  return { channel: req.channel, subject: req.subject, body: req.body, customer, environment };
}

@Controller()
export class TicketsGrpcController {
  constructor(
    private readonly submitInquiry: SubmitInquiryUseCase,
    private readonly getTicket: GetTicketUseCase,
    private readonly respond: RespondToTicketUseCase,
    private readonly resolve: ResolveTicketUseCase,
  ) {}

  @RequiresScope('submit')
  @GrpcMethod('IntakeService', 'SubmitInquiry')
  submit(req: SubmitInquiryRequest) {
    return grpcCall(async () => {
      const command = SubmitInquiryCommand.create(req.idempotencyKey, inquiryBody(req), randomUUID());
      return this.submitInquiry.execute(command);
    });
  }

  @GrpcMethod('IntakeService', 'GetTicket')
  ticket(req: { ticketId: string }) {
    return grpcCall(async () => {
      const view = await this.getTicket.execute(req.ticketId);
      return { id: view.id, status: view.status, json: JSON.stringify(view) };
    });
  }

  @GrpcMethod('IntakeService', 'RespondToTicket')
  responses(req: { ticketId: string; authorId: string; body: string }) {
    return grpcCall(() =>
      this.respond.execute(RespondToTicketCommand.create(req.ticketId, { authorId: req.authorId, body: req.body }, randomUUID())),
    );
  }

  @GrpcMethod('IntakeService', 'ResolveTicket')
  resolveTicket(req: { ticketId: string; resolvedBy: string; resolutionNote: string }) {
    return grpcCall(() =>
      this.resolve.execute(
        ResolveTicketCommand.create(req.ticketId, {
          resolvedBy: req.resolvedBy,
          resolutionNote: req.resolutionNote || undefined,
        }),
      ),
    );
  }
}
