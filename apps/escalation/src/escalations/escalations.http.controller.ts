import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { DeEscalateUseCase } from './de-escalate/de-escalate.usecase.js';
import { ManageExpertsUseCase } from './experts/manage-experts.usecase.js';
import { GetHandoffUseCase } from './handoff/get-handoff.usecase.js';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';
import { parseDeEscalate, parseExperts, parseRequestEscalation } from './request-escalation/escalation.commands.js';
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

  @Post()
  escalate(@Body() body: unknown) {
    return this.request.execute(parseRequestEscalation(body));
  }

  @Get(':id/handoff')
  handoffOf(@Param('id') escalationId: string) {
    return this.handoff.execute({ escalationId });
  }
}

@Controller('v1/handoffs')
export class HandoffsHttpController {
  constructor(private readonly handoff: GetHandoffUseCase) {}

  @Get()
  latest(@Query('ticketId') ticketId?: string) {
    return this.handoff.execute({ ticketId });
  }
}

@Controller('v1/de-escalations')
export class DeEscalationsHttpController {
  constructor(private readonly deEscalate: DeEscalateUseCase) {}

  @Post()
  create(@Body() body: unknown) {
    return this.deEscalate.execute(parseDeEscalate(body));
  }
}

@Controller('v1/experts')
export class ExpertsHttpController {
  constructor(private readonly experts: ManageExpertsUseCase) {}

  @Get()
  list() {
    return this.experts.list();
  }

  @Put(':skill')
  set(@Param('skill') skill: string, @Body() body: unknown) {
    return this.experts.set(skill, parseExperts(body));
  }
}
