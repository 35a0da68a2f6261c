import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { correlationIdOf, ApiRoute } from '@switchboard/service-kit';
import type { Request } from 'express';
import { AssignmentQueries } from './assignment.queries.js';
import { OverrideAssignmentCommand } from './override-assignment/override-assignment.command.js';
import { OverrideAssignmentUseCase } from './override-assignment/override-assignment.usecase.js';
import { accuracyQuery, queueQuery } from './assignment.queries.js';
import { schema as overrideAssignmentSchema } from './override-assignment/override-assignment.command.js';

@Controller('v1')
export class AssignmentHttpController {
  constructor(
    private readonly queries: AssignmentQueries,
    private readonly override: OverrideAssignmentUseCase,
  ) {}

  @ApiRoute({ summary: 'The assignment of a ticket', responses: { 200: 'the assignment', 404: 'not routed (yet)' } })
  @Get('assignments/:ticketId')
  assignment(@Param('ticketId') ticketId: string) {
    return this.queries.assignment(ticketId);
  }

  @ApiRoute({
    summary: 'Override an assignment, with a reason',
    body: overrideAssignmentSchema,
    responses: { 200: 'the new assignment', 404: 'no such assignment' },
  })
  @Post('assignments/:ticketId/override')
  @HttpCode(200)
  overrideAssignment(@Param('ticketId') ticketId: string, @Body() body: unknown, @Req() req: Request) {
    return this.override.execute(OverrideAssignmentCommand.create(ticketId, body, correlationIdOf(req)));
  }

  @ApiRoute({ summary: 'Tickets waiting for an agent, by priority', query: queueQuery, responses: { 200: 'the queue' } })
  @Get('queue')
  queue(@Query() query: Record<string, unknown>) {
    return this.queries.queue(query);
  }

  @ApiRoute({ summary: 'How often routing was overridden', query: accuracyQuery, responses: { 200: 'accuracy figures' } })
  @Get('routing/accuracy')
  accuracy(@Query() query: Record<string, unknown>) {
    return this.queries.accuracy(query);
  }

  @ApiRoute({ summary: 'The tier policy routing applies', responses: { 200: 'the policy' } })
  @Get('routing/tier-policy')
  tierPolicy() {
    return this.queries.tierPolicy();
  }
}
