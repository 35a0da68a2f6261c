import type { EventDefinition } from './define-event.js';
import { inquiryReceivedEvent } from './events/inquiry-received/inquiry-received.event.js';
import { inquiryTriagedEvent } from './events/inquiry-triaged/inquiry-triaged.event.js';
import { knowledgeSuggestedEvent } from './events/knowledge-suggested/knowledge-suggested.event.js';
import { slaBreachedEvent } from './events/sla-breached/sla-breached.event.js';
import { slaClockStartedEvent } from './events/sla-clock-started/sla-clock-started.event.js';
import { slaClockStoppedEvent } from './events/sla-clock-stopped/sla-clock-stopped.event.js';
import { slaWarningEvent } from './events/sla-warning/sla-warning.event.js';
import { ticketEscalatedEvent } from './events/ticket-escalated/ticket-escalated.event.js';
import { ticketResolvedEvent } from './events/ticket-resolved/ticket-resolved.event.js';
import { ticketRespondedEvent } from './events/ticket-responded/ticket-responded.event.js';
import { ticketRoutedEvent } from './events/ticket-routed/ticket-routed.event.js';
import { ticketQueuedEvent } from './events/ticket-queued/ticket-queued.event.js';
import { assignmentOverriddenEvent } from './events/assignment-overridden/assignment-overridden.event.js';
import { agentStatusChangedEvent } from './events/agent-status-changed/agent-status-changed.event.js';
import { selfServiceResolvedEvent } from './events/self-service-resolved/self-service-resolved.event.js';
import { selfServiceFailedEvent } from './events/self-service-failed/self-service-failed.event.js';
import { ticketStatusChangedEvent } from './events/ticket-status-changed/ticket-status-changed.event.js';
import { customerRepliedEvent } from './events/customer-replied/customer-replied.event.js';
import { ticketMergedEvent } from './events/ticket-merged/ticket-merged.event.js';
import { apiKeyChangedEvent } from './events/api-key-changed/api-key-changed.event.js';
import { sentimentAssessedEvent } from './events/sentiment-assessed/sentiment-assessed.event.js';
import { surveySentEvent } from './events/survey-sent/survey-sent.event.js';
import { surveyRespondedEvent } from './events/survey-responded/survey-responded.event.js';
import { triageReviewRequestedEvent } from './events/triage-review-requested/triage-review-requested.event.js';
import { triageCorrectedEvent } from './events/triage-corrected/triage-corrected.event.js';
import { slaClockUpdatedEvent } from './events/sla-clock-updated/sla-clock-updated.event.js';
import { slaAtRiskEvent } from './events/sla-at-risk/sla-at-risk.event.js';
import { handoffPreparedEvent } from './events/handoff-prepared/handoff-prepared.event.js';
import { ticketDeEscalatedEvent } from './events/ticket-de-escalated/ticket-de-escalated.event.js';
import { expertNotifiedEvent } from './events/expert-notified/expert-notified.event.js';

export const eventDefinitions: readonly EventDefinition[] = [
  inquiryReceivedEvent,
  inquiryTriagedEvent,
  ticketRoutedEvent,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaWarningEvent,
  slaBreachedEvent,
  knowledgeSuggestedEvent,
  ticketRespondedEvent,
  ticketResolvedEvent,
  ticketEscalatedEvent,
  ticketQueuedEvent,
  assignmentOverriddenEvent,
  agentStatusChangedEvent,
  selfServiceResolvedEvent,
  selfServiceFailedEvent,
  ticketStatusChangedEvent,
  customerRepliedEvent,
  ticketMergedEvent,
  sentimentAssessedEvent,
  surveySentEvent,
  surveyRespondedEvent,
  triageReviewRequestedEvent,
  triageCorrectedEvent,
  slaClockUpdatedEvent,
  slaAtRiskEvent,
  handoffPreparedEvent,
  ticketDeEscalatedEvent,
  expertNotifiedEvent,
  apiKeyChangedEvent,
];

const byTopic = new Map(eventDefinitions.map((definition) => [definition.topic as string, definition]));

export function definitionForTopic(topic: string): EventDefinition | undefined {
  return byTopic.get(topic);
}
