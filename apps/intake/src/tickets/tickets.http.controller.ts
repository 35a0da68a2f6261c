import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { correlationIdOf, RequiresScope, ApiRoute } from '@switchboard/service-kit';
import type { Request } from 'express';
import { GetTicketUseCase, type TicketView } from './get-ticket/get-ticket.usecase.js';
import { ResolveTicketCommand } from './resolve-ticket/resolve-ticket.command.js';
import { ResolveTicketUseCase } from './resolve-ticket/resolve-ticket.usecase.js';
import { RespondToTicketCommand } from './respond-to-ticket/respond-to-ticket.command.js';
import { RespondToTicketUseCase } from './respond-to-ticket/respond-to-ticket.usecase.js';
import { SubmitInquiryCommand } from './submit-inquiry/submit-inquiry.command.js';
import { SubmitInquiryUseCase } from './submit-inquiry/submit-inquiry.usecase.js';
import { schema as resolveTicketSchema } from './resolve-ticket/resolve-ticket.command.js';
import { schema as respondToTicketSchema } from './respond-to-ticket/respond-to-ticket.command.js';
import { submitInquirySchema } from './submit-inquiry/submit-inquiry.command.js';

@Controller('v1')
export class TicketsHttpController {
  constructor(
    private readonly submitInquiry: SubmitInquiryUseCase,
    private readonly getTicket: GetTicketUseCase,
    private readonly respond: RespondToTicketUseCase,
    private readonly resolve: ResolveTicketUseCase,
  ) {}

  @RequiresScope('submit')
  @ApiRoute({
    summary: 'Submit an inquiry (needs an Idempotency-Key header)',
    body: submitInquirySchema,
    responses: { 202: 'accepted: the ticket id', 400: 'no Idempotency-Key', 409: 'the key was used with another body' },
  })
  @Post('inquiries')
  @HttpCode(202)
  async submit(
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<{ ticketId: string }> {
    const command = SubmitInquiryCommand.create(idempotencyKey, body, correlationIdOf(req));
    const { ticketId } = await this.submitInquiry.execute(command);
    return { ticketId };
  }

  @ApiRoute({
    summary: 'A ticket with its triage, routing, SLA, suggestions and timeline',
    responses: { 200: 'the ticket', 404: 'no such ticket' },
  })
  @Get('tickets/:id')
  ticket(@Param('id') id: string): Promise<TicketView> {
    return this.getTicket.execute(id);
  }

  @ApiRoute({
    summary: 'Record an agent response',
    body: respondToTicketSchema,
    responses: { 202: 'accepted', 404: 'no such ticket', 409: 'the ticket is resolved' },
  })
  @Post('tickets/:id/responses')
  @HttpCode(202)
  responses(@Param('id') id: string, @Body() body: unknown, @Req() req: Request) {
    return this.respond.execute(RespondToTicketCommand.create(id, body, correlationIdOf(req)));
  }

  @ApiRoute({
    summary: 'Resolve a ticket',
    body: resolveTicketSchema,
    responses: { 202: 'accepted', 404: 'no such ticket', 409: 'already resolved' },
  })
  @Post('tickets/:id/resolve')
  @HttpCode(202)
  resolveTicket(@Param('id') id: string, @Body() body: unknown) {
    return this.resolve.execute(ResolveTicketCommand.create(id, body));
  }
}
