import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type TicketResolved, ticketResolvedEvent } from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { CaptureResolutionUseCase } from './capture-resolution.usecase.js';

@Injectable()
@HandlesEvent(ticketResolvedEvent)
export class TicketResolvedKafkaHandler implements EventHandler {
  constructor(private readonly capture: CaptureResolutionUseCase) {}

  handle(event: EventEnvelope<TicketResolved>, context: HandlerContext): Promise<void> {
    return this.capture.execute(event.data, context);
  }
}
