import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  type TicketResolved,
  ticketResolvedEvent,
  type TicketResponded,
  ticketRespondedEvent,
  type TicketRouted,
  ticketRoutedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { StartClocksUseCase } from './start-clocks/start-clocks.usecase.js';
import { StopClocksUseCase } from './stop-clocks/stop-clocks.usecase.js';

@Injectable()
@HandlesEvent(ticketRoutedEvent)
export class TicketRoutedKafkaHandler implements EventHandler {
  constructor(private readonly start: StartClocksUseCase) {}

  handle(event: EventEnvelope<TicketRouted>, context: HandlerContext): Promise<void> {
    return this.start.execute(event.data, context);
  }
}

@Injectable()
@HandlesEvent(ticketRespondedEvent)
export class TicketRespondedKafkaHandler implements EventHandler {
  constructor(private readonly stop: StopClocksUseCase) {}

  handle(event: EventEnvelope<TicketResponded>, context: HandlerContext): Promise<void> {
    return this.stop.onResponded(event.data.ticketId, new Date(event.data.respondedAt), context);
  }
}

@Injectable()
@HandlesEvent(ticketResolvedEvent)
export class TicketResolvedKafkaHandler implements EventHandler {
  constructor(private readonly stop: StopClocksUseCase) {}

  handle(event: EventEnvelope<TicketResolved>, context: HandlerContext): Promise<void> {
    return this.stop.onResolved(event.data.ticketId, new Date(event.data.resolvedAt), context);
  }
}
