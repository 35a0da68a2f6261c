import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type TicketResolved, ticketResolvedEvent } from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ScheduleSurveyUseCase } from './schedule-survey.usecase.js';

@Injectable()
@HandlesEvent(ticketResolvedEvent)
export class TicketResolvedSurveyKafkaHandler implements EventHandler {
  constructor(private readonly schedule: ScheduleSurveyUseCase) {}

  handle(event: EventEnvelope<TicketResolved>, context: HandlerContext): Promise<void> {
    return this.schedule.execute(event, context);
  }
}
