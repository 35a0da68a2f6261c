import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  type InquiryTriaged,
  inquiryTriagedEvent,
  type TicketDeEscalated,
  ticketDeEscalatedEvent,
  type TicketEscalated,
  ticketEscalatedEvent,
  type TicketResolved,
  ticketResolvedEvent,
  type TicketResponded,
  ticketRespondedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ReleaseTicketUseCase } from './release-ticket/release-ticket.usecase.js';
import { RerouteTicketUseCase } from './reroute-ticket/reroute-ticket.usecase.js';
import { RouteTicketUseCase } from './route-ticket/route-ticket.usecase.js';

@Injectable()
@HandlesEvent(inquiryTriagedEvent)
export class InquiryTriagedKafkaHandler implements EventHandler {
  constructor(private readonly route: RouteTicketUseCase) {}

  handle(event: EventEnvelope<InquiryTriaged>, context: HandlerContext): Promise<void> {
    return this.route.execute(event.data, context);
  }
}

@Injectable()
@HandlesEvent(ticketEscalatedEvent)
export class TicketEscalatedKafkaHandler implements EventHandler {
  constructor(private readonly reroute: RerouteTicketUseCase) {}

  handle(event: EventEnvelope<TicketEscalated>, context: HandlerContext): Promise<void> {
    return this.reroute.execute(event.data, context);
  }
}

@Injectable()
@HandlesEvent(ticketDeEscalatedEvent)
export class TicketDeEscalatedKafkaHandler implements EventHandler {
  constructor(private readonly reroute: RerouteTicketUseCase) {}

  handle(event: EventEnvelope<TicketDeEscalated>, context: HandlerContext): Promise<void> {
    return this.reroute.execute(event.data, context, 'de-escalated');
  }
}

@Injectable()
@HandlesEvent(ticketResolvedEvent)
export class TicketResolvedKafkaHandler implements EventHandler {
  constructor(private readonly release: ReleaseTicketUseCase) {}

  handle(event: EventEnvelope<TicketResolved>, context: HandlerContext): Promise<void> {
    return this.release.execute(event.data, context);
  }
}

@Injectable()
@HandlesEvent(ticketRespondedEvent)
export class TicketRespondedKafkaHandler implements EventHandler {
  constructor(private readonly release: ReleaseTicketUseCase) {}

  handle(event: EventEnvelope<TicketResponded>, context: HandlerContext): Promise<void> {
    return this.release.recordFirstResponse(event.data.ticketId, new Date(event.data.respondedAt), context);
  }
}
