import { Injectable } from '@nestjs/common';
import {
  assignmentOverriddenEvent,
  type EventEnvelope,
  selfServiceFailedEvent,
  type SelfServiceResolved,
  selfServiceResolvedEvent,
  inquiryTriagedEvent,
  knowledgeSuggestedEvent,
  slaAtRiskEvent,
  slaBreachedEvent,
  slaClockStartedEvent,
  slaClockUpdatedEvent,
  slaClockStoppedEvent,
  slaWarningEvent,
  ticketEscalatedEvent,
  ticketQueuedEvent,
  ticketRoutedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ProjectTicketEventUseCase } from './project-ticket-event/project-ticket-event.usecase.js';
import { SelfServiceOutcomeUseCase } from './self-service/self-service-outcome.usecase.js';

/** Everything other services say about a ticket is folded into intake's ticket view. */
@Injectable()
@HandlesEvent(
  inquiryTriagedEvent,
  ticketRoutedEvent,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaWarningEvent,
  slaBreachedEvent,
  slaClockUpdatedEvent,
  slaAtRiskEvent,
  knowledgeSuggestedEvent,
  ticketEscalatedEvent,
  ticketQueuedEvent,
  assignmentOverriddenEvent,
  selfServiceFailedEvent,
)
export class TicketProjectionKafkaHandler implements EventHandler {
  constructor(private readonly project: ProjectTicketEventUseCase) {}

  handle(event: EventEnvelope, context: HandlerContext): Promise<void> {
    return this.project.execute(context.manager, event);
  }
}

@Injectable()
@HandlesEvent(selfServiceResolvedEvent)
export class SelfServiceResolvedKafkaHandler implements EventHandler {
  constructor(private readonly outcome: SelfServiceOutcomeUseCase) {}

  handle(event: EventEnvelope<SelfServiceResolved>, context: HandlerContext): Promise<void> {
    return this.outcome.resolved(context.manager, event);
  }
}
