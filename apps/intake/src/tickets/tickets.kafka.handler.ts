import { Injectable } from '@nestjs/common';
import {
  assignmentOverriddenEvent,
  type EventEnvelope,
  inquiryTriagedEvent,
  knowledgeSuggestedEvent,
  slaBreachedEvent,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaWarningEvent,
  ticketEscalatedEvent,
  ticketQueuedEvent,
  ticketRoutedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ProjectTicketEventUseCase } from './project-ticket-event/project-ticket-event.usecase.js';

/** Everything other services say about a ticket is folded into intake's ticket view. */
@Injectable()
@HandlesEvent(
  inquiryTriagedEvent,
  ticketRoutedEvent,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaWarningEvent,
  slaBreachedEvent,
  knowledgeSuggestedEvent,
  ticketEscalatedEvent,
  ticketQueuedEvent,
  assignmentOverriddenEvent,
)
export class TicketProjectionKafkaHandler implements EventHandler {
  constructor(private readonly project: ProjectTicketEventUseCase) {}

  handle(event: EventEnvelope, context: HandlerContext): Promise<void> {
    return this.project.execute(context.manager, event);
  }
}
