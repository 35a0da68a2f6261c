import { Injectable } from '@nestjs/common';
import {
  type CustomerReplied,
  customerRepliedEvent,
  type EventEnvelope,
  type InquiryTriaged,
  inquiryTriagedEvent,
  type TicketMerged,
  ticketMergedEvent,
  type TicketQueued,
  ticketQueuedEvent,
  type TicketResolved,
  ticketResolvedEvent,
  type TicketResponded,
  ticketRespondedEvent,
  type TicketRouted,
  ticketRoutedEvent,
  type TicketStatusChanged,
  ticketStatusChangedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { PredictRiskUseCase } from './predict-risk/predict-risk.usecase.js';
import { RecomputeClocksUseCase } from './recompute-clocks/recompute-clocks.usecase.js';
import { StartClocksUseCase } from './start-clocks/start-clocks.usecase.js';
import { StopClocksUseCase } from './stop-clocks/stop-clocks.usecase.js';
import { TrackStatusUseCase } from './track-status/track-status.usecase.js';

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
    return this.stop.onResolved(event.data.ticketId, new Date(event.data.resolvedAt), 'resolved', context);
  }
}

@Injectable()
@HandlesEvent(ticketMergedEvent)
export class TicketMergedKafkaHandler implements EventHandler {
  constructor(private readonly stop: StopClocksUseCase) {}

  handle(event: EventEnvelope<TicketMerged>, context: HandlerContext): Promise<void> {
    return this.stop.onResolved(event.data.mergedTicketId, new Date(event.data.mergedAt), 'merged', context);
  }
}

@Injectable()
@HandlesEvent(ticketStatusChangedEvent)
export class TicketStatusChangedKafkaHandler implements EventHandler {
  constructor(private readonly track: TrackStatusUseCase) {}

  handle(event: EventEnvelope<TicketStatusChanged>, context: HandlerContext): Promise<void> {
    return this.track.onStatusChanged(event.data, context);
  }
}

@Injectable()
@HandlesEvent(customerRepliedEvent)
export class CustomerRepliedKafkaHandler implements EventHandler {
  constructor(private readonly track: TrackStatusUseCase) {}

  handle(event: EventEnvelope<CustomerReplied>, context: HandlerContext): Promise<void> {
    return this.track.onCustomerReplied(event.data, context);
  }
}

@Injectable()
@HandlesEvent(inquiryTriagedEvent)
export class InquiryTriagedKafkaHandler implements EventHandler {
  constructor(private readonly recompute: RecomputeClocksUseCase) {}

  handle(event: EventEnvelope<InquiryTriaged>, context: HandlerContext): Promise<void> {
    return this.recompute.onTriaged(event.data, context);
  }
}

@Injectable()
@HandlesEvent(ticketQueuedEvent)
export class TicketQueuedKafkaHandler implements EventHandler {
  constructor(private readonly risk: PredictRiskUseCase) {}

  handle(event: EventEnvelope<TicketQueued>, context: HandlerContext): Promise<void> {
    return this.risk.onQueued(event.data, context);
  }
}
