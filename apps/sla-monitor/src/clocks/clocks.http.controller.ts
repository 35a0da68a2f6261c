import { Controller, Get, Query } from '@nestjs/common';
import { AppError, ApiRoute } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { ClockRepository } from './clock.repository.js';

@Controller('v1/clocks')
export class ClocksHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
  ) {}

  @ApiRoute({ summary: 'SLA clocks of a ticket (query: ticketId)', responses: { 200: 'the clocks', 400: 'no ticketId' } })
  @Get()
  list(@Query('ticketId') ticketId?: string) {
    if (!ticketId || !/^[0-9a-f-]{36}$/i.test(ticketId)) {
      throw new AppError('SLA.TICKET_ID_REQUIRED', 'pass ?ticketId= with a ticket id', 400);
    }
    return this.clocks.ofTicket(this.dataSource.manager, ticketId);
  }
}
