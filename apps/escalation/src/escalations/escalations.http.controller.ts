import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { DeEscalateUseCase } from './de-escalate/de-escalate.usecase.js';
import { ManageExpertsUseCase } from './experts/manage-experts.usecase.js';
import { GetHandoffUseCase } from './handoff/get-handoff.usecase.js';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';
import {
  deEscalateSchema,
  expertsSchema,
  parseDeEscalate,
  parseExperts,
  parseRequestEscalation,
  requestSchema,
} from './request-escalation/escalation.commands.js';
import { RequestEscalationUseCase } from './request-escalation/request-escalation.usecase.js';
import { ApiRoute } from '@switchboard/service-kit';

@Controller('v1/escalations')
export class EscalationsHttpController {
  constructor(
    private readonly list: ListEscalationsUseCase,
    private readonly request: RequestEscalationUseCase,
    private readonly handoff: GetHandoffUseCase,
  ) {}

  @ApiRoute({ summary: 'Escalations of a ticket (query: ticketId)', responses: { 200: 'the escalations', 400: 'no ticketId' } })
  @Get()
  escalations(@Query('ticketId') ticketId?: string) {
    return this.list.execute(ticketId);
  }

  @ApiRoute({
    summary: 'Escalate a ticket to the next tier (code change, security or manual)',
    body: requestSchema,
    responses: {
      201: 'the outcome: escalated, or pending until the ticket has a tier',
      409: 'already escalated for this trigger at this tier, at L4 already, or the trigger is disabled (ESCALATION_TRIGGERS)',
      422: 'invalid input',
    },
  })
  @Post()
  escalate(@Body() body: unknown) {
    return this.request.execute(parseRequestEscalation(body));
  }

  @ApiRoute({
    summary: 'The handoff package of an escalation',
    responses: { 200: 'the handoff package', 400: 'the id is not a uuid', 404: 'no handoff package for this escalation' },
  })
  @Get(':id/handoff')
  handoffOf(@Param('id') escalationId: string) {
    return this.handoff.execute({ escalationId });
  }
}

@Controller('v1/handoffs')
export class HandoffsHttpController {
  constructor(private readonly handoff: GetHandoffUseCase) {}

  @ApiRoute({
    summary: 'The latest handoff package of a ticket (query: ticketId)',
    responses: { 200: 'the handoff package', 400: 'no ticketId', 404: 'no handoff package for this ticket' },
  })
  @Get()
  latest(@Query('ticketId') ticketId?: string) {
    return this.handoff.execute({ ticketId });
  }
}

@Controller('v1/de-escalations')
export class DeEscalationsHttpController {
  constructor(private readonly deEscalate: DeEscalateUseCase) {}

  @ApiRoute({
    summary: 'Hand a ticket back one tier down',
    body: deEscalateSchema,
    responses: {
      201: 'the de-escalation with its tiers',
      409: 'the ticket has no tier yet, or is at L1 already',
      422: 'invalid input',
    },
  })
  @Post()
  create(@Body() body: unknown) {
    return this.deEscalate.execute(parseDeEscalate(body));
  }
}

@Controller('v1/experts')
export class ExpertsHttpController {
  constructor(private readonly experts: ManageExpertsUseCase) {}

  @ApiRoute({ summary: 'The expert directory: who is notified for each skill', responses: { 200: 'the directory' } })
  @Get()
  list() {
    return this.experts.list();
  }

  @ApiRoute({
    summary: 'Set the experts of a skill',
    body: expertsSchema,
    responses: { 200: 'the skill with its experts', 422: 'invalid skill name or input' },
  })
  @Put(':skill')
  set(@Param('skill') skill: string, @Body() body: unknown) {
    return this.experts.set(skill, parseExperts(body));
  }
}
