import { Controller, Get, Param, Query } from '@nestjs/common';
import { AssignmentQueries } from './assignment.queries.js';

@Controller('v1')
export class AssignmentHttpController {
  constructor(private readonly queries: AssignmentQueries) {}

  @Get('assignments/:ticketId')
  assignment(@Param('ticketId') ticketId: string) {
    return this.queries.assignment(ticketId);
  }

  @Get('agents')
  agents(@Query('tier') tier?: string) {
    return this.queries.agents(tier);
  }
}
