import { randomUUID } from 'node:crypto';
import { type EscalationTrigger, HANDOFF_SCHEMA_VERSION, type HandoffPackage, type Tier } from '@switchboard/contracts';

export interface TimelineEntry {
  kind: 'inquiry' | 'customer_reply' | 'agent_response' | 'self_service' | 'sentiment';
  at: Date;
  payload: Record<string, unknown>;
}

export interface ProjectedClock {
  clockId: string;
  kind: string;
  tier: string;
  state: string;
  dueAt: Date | null;
  remainingMs: number | null;
  lastWarning: number | null;
}

export interface TicketProjection {
  ticketId: string;
  customer: { id?: string; serviceLevel?: string; channel?: string } | null;
  environment: Record<string, unknown>;
  triage: {
    labels: Record<string, { label: string; confidence: number }>;
    confidence: number;
    rationale: string;
    guidance?: { pathway: string; expertise: string[]; estimatedResolutionHours: number };
    modelVersion: string;
  } | null;
  reopenCount: number;
  timeline: TimelineEntry[];
  clocks: ProjectedClock[];
}

export interface EscalationFacts {
  escalationId: string;
  fromTier: Tier;
  toTier: Tier;
  trigger: EscalationTrigger;
  reason: string;
}

const iso = (d: Date) => new Date(d).toISOString();
const DIAGNOSTIC = /error|exception|traceback|fail|not found|denied|timeout|crash/i;

const STEP_BY_TRIGGER: Record<EscalationTrigger, string> = {
  sla_breach: 'Send the customer a status update now: an SLA target was missed',
  sla_at_risk: 'Pick the ticket up now: the SLA target is predicted to be missed',
  critical_urgency: 'Treat as an incident: confirm the business impact and a workaround with the customer',
  security: 'Involve security on-call; have any exposed credentials rotated before further troubleshooting',
  code_change: 'Reproduce the defect and open an engineering issue with the environment below',
  reopened: 'Review why earlier resolutions did not hold before proposing another fix',
  sentiment: 'Acknowledge the frustration personally; offer a call or a direct contact',
  manual: 'Read the escalation reason and confirm ownership with the previous tier',
};

/** The SOP's handoff package, built only from what escalation has projected from events. */
export function buildHandoff(p: TicketProjection, e: EscalationFacts, now: Date): HandoffPackage {
  const interactions = p.timeline
    .filter((t) => t.kind === 'inquiry' || t.kind === 'customer_reply' || t.kind === 'agent_response')
    .map((t) => ({
      at: iso(t.at),
      kind: t.kind as 'inquiry' | 'customer_reply' | 'agent_response',
      author: (t.payload.author as string | undefined) ?? null,
      body: String(t.payload.body ?? ''),
    }));
  const selfService = p.timeline
    .filter((t) => t.kind === 'self_service')
    .map((t) => ({
      at: iso(t.at),
      articleId: String(t.payload.articleId),
      stepsTried: ((t.payload.stepsTried as { text: string; note?: string }[]) ?? []).map((s) =>
        s.note ? `${s.text} (${s.note})` : s.text,
      ),
    }));
  const customerText = interactions.filter((i) => i.kind !== 'agent_response').map((i) => i.body);
  // Sentences that read like error output are what the next tier searches logs for.
  const sentences = customerText.flatMap((text) => text.split(/(?<=[.!?])\s+|\n/).map((l) => l.trim()));
  const diagnostics = [...new Set(sentences.filter((l) => DIAGNOSTIC.test(l)))].slice(0, 20);
  const clocks = p.clocks.map((c) => ({
    clockId: c.clockId,
    kind: c.kind,
    tier: c.tier,
    state: c.state,
    dueAt: c.dueAt ? iso(c.dueAt) : null,
    timeLeftMs:
      c.state === 'running' && c.dueAt
        ? new Date(c.dueAt).getTime() - now.getTime()
        : c.state === 'paused'
          ? (c.remainingMs ?? null)
          : null,
    lastWarningPercent: c.lastWarning,
  }));
  return {
    schemaVersion: HANDOFF_SCHEMA_VERSION,
    handoffId: randomUUID(),
    ticketId: p.ticketId,
    escalationId: e.escalationId,
    fromTier: e.fromTier,
    toTier: e.toTier,
    trigger: e.trigger,
    reason: e.reason,
    customer: {
      id: p.customer?.id ?? null,
      serviceLevel: p.customer?.serviceLevel ?? null,
      channel: p.customer?.channel ?? null,
    },
    interactions,
    environment: p.environment,
    diagnostics,
    selfService,
    triage: p.triage,
    sentimentTrend: p.timeline
      .filter((t) => t.kind === 'sentiment')
      .map((t) => ({ at: iso(t.at), sentiment: String(t.payload.sentiment), confidence: Number(t.payload.confidence) })),
    clocks,
    suggestedNextSteps: nextSteps(p, e, selfService.length, clocks),
    preparedAt: now.toISOString(),
  };
}

function nextSteps(
  p: TicketProjection,
  e: EscalationFacts,
  selfServiceAttempts: number,
  clocks: { kind: string; timeLeftMs: number | null }[],
): string[] {
  const steps = [STEP_BY_TRIGGER[e.trigger]];
  const timed = clocks.flatMap((c) => (c.timeLeftMs === null ? [] : [{ kind: c.kind, left: c.timeLeftMs }]));
  const urgent = timed.sort((x, y) => x.left - y.left)[0];
  if (urgent) {
    steps.push(
      `Answer within ${Math.max(0, Math.round(urgent.left / 60_000))} min to meet the ${urgent.kind.replace('_', ' ')} target`,
    );
  }
  const component = p.triage?.labels.component?.label;
  if (component && component !== 'other') steps.push(`Involve a ${component} expert`);
  for (const skill of p.triage?.guidance?.expertise ?? []) steps.push(`Expertise suggested by triage: ${skill}`);
  if (selfServiceAttempts > 0) steps.push('Do not repeat the self-service steps already tried (listed below)');
  if (p.reopenCount > 0)
    steps.push(`The ticket was reopened ${p.reopenCount} time(s): verify the fix with the customer before closing`);
  if (e.toTier === 'L4') steps.push('Brief leadership: this is the last escalation tier');
  return steps;
}
