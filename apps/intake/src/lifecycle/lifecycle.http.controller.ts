import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { GetTicketUseCase } from '../tickets/get-ticket/get-ticket.usecase.js';
import { ChangeTicketStatusCommand } from './change-ticket-status.command.js';
import { ChangeTicketStatusUseCase } from './change-ticket-status.usecase.js';
import { MergeTicketsCommand, MergeTicketsUseCase } from './merge-tickets.usecase.js';

@Controller('v1/tickets')
export class LifecycleHttpController {
  constructor(
    private readonly changeStatus: ChangeTicketStatusUseCase,
    private readonly merge: MergeTicketsUseCase,
    private readonly getTicket: GetTicketUseCase,
  ) {}

  @Post(':id/status')
  @HttpCode(200)
  status(@Param('id') id: string, @Body() body: unknown) {
    return this.changeStatus.execute(ChangeTicketStatusCommand.create(id, body));
  }

  @Post(':id/merge')
  @HttpCode(200)
  mergeTicket(@Param('id') id: string, @Body() body: unknown) {
    return this.merge.execute(MergeTicketsCommand.create(id, body));
  }

  @Get(':id/timeline')
  async timeline(@Param('id') id: string) {
    const view = await this.getTicket.execute(id);
    return { ticketId: view.id, timeline: view.timeline };
  }
}
