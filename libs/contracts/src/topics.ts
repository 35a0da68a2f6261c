// Topic names are wire values: consumers, integrators and retained history depend on them.
// A breaking change to a payload is a new versioned topic, never an edit in place.
export const Topics = {
  InquiryReceived: 'support.inquiry.received.v1',
  InquiryTriaged: 'support.inquiry.triaged.v1',
  TicketRouted: 'support.ticket.routed.v1',
  SlaClockStarted: 'support.sla.clock-started.v1',
  SlaClockStopped: 'support.sla.clock-stopped.v1',
  SlaWarning: 'support.sla.warning.v1',
  SlaBreached: 'support.sla.breached.v1',
  SlaClockUpdated: 'support.sla.clock-updated.v1',
  SlaAtRisk: 'support.sla.at-risk.v1',
  KnowledgeSuggested: 'support.knowledge.suggested.v1',
  TicketResponded: 'support.ticket.responded.v1',
  TicketResolved: 'support.ticket.resolved.v1',
  TicketEscalated: 'support.ticket.escalated.v1',
  HandoffPrepared: 'support.ticket.handoff-prepared.v1',
  TicketDeEscalated: 'support.ticket.de-escalated.v1',
  ExpertNotified: 'support.expert.notified.v1',
  TicketQueued: 'support.ticket.queued.v1',
  AssignmentOverridden: 'support.assignment.overridden.v1',
  AgentStatusChanged: 'support.agent.status-changed.v1',
  SelfServiceResolved: 'support.self-service.resolved.v1',
  SelfServiceFailed: 'support.self-service.failed.v1',
  TicketStatusChanged: 'support.ticket.status-changed.v1',
  CustomerReplied: 'support.ticket.customer-replied.v1',
  TicketMerged: 'support.ticket.merged.v1',
  SentimentAssessed: 'support.triage.sentiment-assessed.v1',
  SurveySent: 'support.survey.sent.v1',
  SurveyResponded: 'support.survey.responded.v1',
  TriageReviewRequested: 'support.triage.review-requested.v1',
  TriageCorrected: 'support.triage.corrected.v1',
  ApiKeys: 'support.api-keys.v1',
  DeadLetter: 'support.dead-letter.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const DEFAULT_TOPIC_PARTITIONS = 6;

/**
 * Topics that carry the latest state of an entity keyed by its id rather than a history: Kafka
 * compacts them, so a reader from the beginning gets every entity's current state and no more.
 */
export const COMPACTED_TOPICS: ReadonlySet<TopicName> = new Set<TopicName>([Topics.ApiKeys]);

/**
 * Every environment (a test run, a staging stack) may prefix topics with a namespace so that
 * runs sharing one broker never read each other's events.
 */
export function qualifiedTopic(namespace: string, topic: TopicName): string {
  return `${namespace}${topic}`;
}
