import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiRoute } from '@switchboard/service-kit';
import { GetTicketUseCase } from '../tickets/get-ticket/get-ticket.usecase.js';
import { ChangeTicketStatusCommand, schema as changeTicketStatusSchema } from './change-ticket-status.command.js';
import { ChangeTicketStatusUseCase } from './change-ticket-status.usecase.js';
import { MergeTicketsCommand, MergeTicketsUseCase, schema as mergeTicketsSchema } from './merge-tickets.usecase.js';

@Controller('v1/tickets')
export class LifecycleHttpController {
  constructor(
    private readonly changeStatus: ChangeTicketStatusUseCase,
    private readonly merge: MergeTicketsUseCase,
    private readonly getTicket: GetTicketUseCase,
  ) {}

  @ApiRoute({
    summary: 'Move a ticket through its lifecycle (open, pending, resolved, closed…)',
    body: changeTicketStatusSchema,
    responses: {
      200: 'the transition: from, to, reopen count',
      404: 'no such ticket',
      409: 'the transition is not allowed from the current status',
      422: 'invalid status change',
    },
  })
  @Post(':id/status')
  @HttpCode(200)
  status(@Param('id') id: string, @Body() body: unknown) {
    return this.changeStatus.execute(ChangeTicketStatusCommand.create(id, body));
  }

  @ApiRoute({
    summary: 'Merge a duplicate into this ticket; the duplicate closes and its keys follow',
    body: mergeTicketsSchema,
    responses: {
      200: 'the surviving and the merged ticket ids',
      404: 'no such ticket (either one)',
      409: 'a ticket is closed or already merged',
      422: 'invalid merge (or a ticket merged into itself)',
    },
  })
  @Post(':id/merge')
  @HttpCode(200)
  mergeTicket(@Param('id') id: string, @Body() body: unknown) {
    return this.merge.execute(MergeTicketsCommand.create(id, body));
  }

  @ApiRoute({ summary: 'The timeline of a ticket', responses: { 200: 'the timeline', 404: 'no such ticket' } })
  @Get(':id/timeline')
  async timeline(@Param('id') id: string) {
    const view = await this.getTicket.execute(id);
    return { ticketId: view.id, timeline: view.timeline };
  }
}
