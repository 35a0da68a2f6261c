import { Controller, Get, Query } from '@nestjs/common';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';
import { ApiRoute } from '@switchboard/service-kit';

@Controller('v1/escalations')
export class EscalationsHttpController {
  constructor(private readonly list: ListEscalationsUseCase) {}

  @ApiRoute({ summary: 'Escalations of a ticket (query: ticketId)', responses: { 200: 'the escalations', 400: 'no ticketId' } })
  @Get()
  escalations(@Query('ticketId') ticketId?: string) {
    return this.list.execute(ticketId);
  }
}
