import { Topics, type TopicName } from '@switchboard/contracts';

export interface TimelineEntry {
  type: string;
  at: string;
}

/** The pipeline's stages by the timeline entry each leaves in intake's ticket view. */
export const PIPELINE_STAGES = ['triaged', 'routed', 'sla_clock_started', 'knowledge_suggested'] as const;

/** The event that marks each stage (and `received`), for reading the same stages off Kafka. */
export const PIPELINE_TOPICS: Record<'received' | (typeof PIPELINE_STAGES)[number], TopicName> = {
  received: Topics.InquiryReceived,
  triaged: Topics.InquiryTriaged,
  routed: Topics.TicketRouted,
  sla_clock_started: Topics.SlaClockStarted,
  knowledge_suggested: Topics.KnowledgeSuggested,
};

/**
 * When the ticket was received and when it first had every stage (triaged, routed, clock started,
 * suggested), from the timestamps the services wrote, so how often a test polls does not change
 * the figure. The first entry of each stage counts: a later re-route (an escalation to the next
 * tier, and the clocks and suggestions it brings) is a second pass, not this one's latency.
 * Undefined while a stage is missing.
 */
export function pipelinePass(timeline: readonly TimelineEntry[]): { receivedAt: number; doneAt: number } | undefined {
  const first = (type: string) => Math.min(...timeline.filter((e) => e.type === type).map((e) => Date.parse(e.at)));
  const doneAt = Math.max(...PIPELINE_STAGES.map(first));
  const receivedAt = first('received');
  return Number.isFinite(doneAt) && Number.isFinite(receivedAt) ? { receivedAt, doneAt } : undefined;
}

/** Time from `received` to the end of the ticket's first pass (`pipelinePass`). */
export function pipelineLatencyMs(timeline: readonly TimelineEntry[]): number | undefined {
  const pass = pipelinePass(timeline);
  return pass && pass.doneAt - pass.receivedAt;
}
