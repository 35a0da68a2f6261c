import { Controller, Get, Query } from '@nestjs/common';
import { ListEscalationsUseCase } from './list-escalations/list-escalations.usecase.js';

@Controller('v1/escalations')
export class EscalationsHttpController {
  constructor(private readonly list: ListEscalationsUseCase) {}

  @Get()
  escalations(@Query('ticketId') ticketId?: string) {
    return this.list.execute(ticketId);
  }
}
