export interface TimelineEntry {
  type: string;
  at: string;
}

/**
 * Time from `received` to the last of triaged, routed, clock started and suggested, read from the
 * timestamps the services wrote, so how often a test polls does not change the figure.
 */
export function pipelineLatencyMs(timeline: readonly TimelineEntry[]): number {
  const at = (type: string) => Math.max(...timeline.filter((e) => e.type === type).map((e) => Date.parse(e.at)));
  return Math.max(at('triaged'), at('routed'), at('sla_clock_started'), at('knowledge_suggested')) - at('received');
}
