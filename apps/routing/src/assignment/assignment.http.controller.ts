import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { correlationIdOf } from '@switchboard/service-kit';
import type { Request } from 'express';
import { AssignmentQueries } from './assignment.queries.js';
import { OverrideAssignmentCommand } from './override-assignment/override-assignment.command.js';
import { OverrideAssignmentUseCase } from './override-assignment/override-assignment.usecase.js';

@Controller('v1')
export class AssignmentHttpController {
  constructor(
    private readonly queries: AssignmentQueries,
    private readonly override: OverrideAssignmentUseCase,
  ) {}

  @Get('assignments/:ticketId')
  assignment(@Param('ticketId') ticketId: string) {
    return this.queries.assignment(ticketId);
  }

  @Post('assignments/:ticketId/override')
  @HttpCode(200)
  overrideAssignment(@Param('ticketId') ticketId: string, @Body() body: unknown, @Req() req: Request) {
    return this.override.execute(OverrideAssignmentCommand.create(ticketId, body, correlationIdOf(req)));
  }

  @Get('queue')
  queue(@Query() query: Record<string, unknown>) {
    return this.queries.queue(query);
  }

  @Get('routing/accuracy')
  accuracy(@Query() query: Record<string, unknown>) {
    return this.queries.accuracy(query);
  }

  @Get('routing/tier-policy')
  tierPolicy() {
    return this.queries.tierPolicy();
  }
}
