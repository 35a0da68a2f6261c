import { Injectable } from '@nestjs/common';
import {
  customerRepliedEvent,
  type EventDefinition,
  type EventEnvelope,
  inquiryReceivedEvent,
  inquiryTriagedEvent,
  selfServiceFailedEvent,
  sentimentAssessedEvent,
  slaAtRiskEvent,
  slaBreachedEvent,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaClockUpdatedEvent,
  slaWarningEvent,
  ticketRespondedEvent,
  ticketRoutedEvent,
  ticketStatusChangedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ProjectEventsUseCase } from './project-events/project-events.usecase.js';

type Fold = (data: never, context: HandlerContext) => Promise<void>;

/** Thin entry point for every event escalation consumes: each goes to the projection's fold for its type. */
@Injectable()
@HandlesEvent(
  inquiryReceivedEvent,
  inquiryTriagedEvent,
  ticketRoutedEvent,
  ticketRespondedEvent,
  customerRepliedEvent,
  selfServiceFailedEvent,
  sentimentAssessedEvent,
  ticketStatusChangedEvent,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaClockUpdatedEvent,
  slaWarningEvent,
  slaBreachedEvent,
  slaAtRiskEvent,
)
export class EscalationEventsKafkaHandler implements EventHandler {
  private readonly folds: Map<string, Fold>;

  constructor(project: ProjectEventsUseCase) {
    const on = (d: EventDefinition, fold: Fold) => [d.type, fold.bind(project)] as const;
    this.folds = new Map([
      on(inquiryReceivedEvent, project.onReceived),
      on(inquiryTriagedEvent, project.onTriaged),
      on(ticketRoutedEvent, project.onRouted),
      on(ticketRespondedEvent, project.onResponded),
      on(customerRepliedEvent, project.onCustomerReplied),
      on(selfServiceFailedEvent, project.onSelfServiceFailed),
      on(sentimentAssessedEvent, project.onSentiment),
      on(ticketStatusChangedEvent, project.onStatusChanged),
      on(slaClockStartedEvent, project.onClockStarted),
      on(slaClockStoppedEvent, project.onClockStopped),
      on(slaClockUpdatedEvent, project.onClockUpdated),
      on(slaWarningEvent, project.onWarning),
      on(slaBreachedEvent, project.onBreached),
      on(slaAtRiskEvent, project.onAtRisk),
    ]);
  }

  async handle(event: EventEnvelope, context: HandlerContext): Promise<void> {
    await this.folds.get(event.type)?.(event.data as never, context);
  }
}
