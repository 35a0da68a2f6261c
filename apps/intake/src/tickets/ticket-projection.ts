import type {
  AssignmentOverridden,
  SelfServiceFailed,
  EventEnvelope,
  InquiryTriaged,
  KnowledgeSuggested,
  SlaAtRisk,
  SlaBreached,
  SlaClockStarted,
  SlaClockUpdated,
  SlaClockStopped,
  SlaWarning,
  TicketEscalated,
  TicketQueued,
  TicketRouted,
} from '@switchboard/contracts';

export type TicketStatus = 'new' | 'triaged' | 'assigned' | 'waiting_on_customer' | 'resolved' | 'closed';

export interface TicketTriage {
  urgency: string;
  category: string;
  complexity: string;
  userType: string;
  component: string;
  sentiment: string;
  confidence: number;
  modelVersion: string;
  guidance?: { pathway: string; expertise: string[]; estimatedResolutionHours: number };
}

export interface TicketRouting {
  tier: string;
  agentId: string | null;
  version: number;
}

export interface TicketSla {
  firstResponseDueAt?: string | null;
  nextResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
  breached?: string[];
}

export interface TicketSuggestion {
  articleId: string;
  title: string;
  score: number;
}

export interface TicketState {
  status: TicketStatus;
  triage: TicketTriage | null;
  routing: TicketRouting | null;
  sla: TicketSla;
  suggestions: TicketSuggestion[];
}

export interface TimelineItem {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

const RANK: Record<TicketStatus, number> = { new: 0, triaged: 1, assigned: 2, waiting_on_customer: 3, resolved: 4, closed: 5 };

/** Events from different topics may arrive in any order; status only ever moves forward. */
export function advance(current: TicketStatus, next: TicketStatus): TicketStatus {
  return RANK[next] > RANK[current] ? next : current;
}

const DUE_FIELDS = {
  first_response: 'firstResponseDueAt',
  next_response: 'nextResponseDueAt',
  resolution: 'resolutionDueAt',
} as const;
const dueField = (kind: keyof typeof DUE_FIELDS) => DUE_FIELDS[kind];

/**
 * Folds other services' events into the ticket view intake serves. Pure: takes the current
 * state and one event, returns the new state and the timeline line to append.
 */
export function applyEvent(state: TicketState, event: EventEnvelope): { state: TicketState; timeline: TimelineItem } {
  const at = event.time;
  const next: TicketState = { ...state, sla: { ...state.sla } };
  const type = event.type.replace(/^com\.switchboard\./, '');
  switch (type) {
    case 'inquiry.triaged.v1': {
      const d = event.data as InquiryTriaged;
      next.triage = {
        urgency: d.urgency.label,
        category: d.category.label,
        complexity: d.complexity.label,
        userType: d.userType.label,
        component: d.component.label,
        sentiment: d.sentiment.label,
        confidence: d.confidence,
        modelVersion: d.modelVersion,
        guidance: d.guidance,
      };
      next.status = advance(state.status, 'triaged');
      return { state: next, timeline: { type: 'triaged', at, data: { ...next.triage, rationale: d.rationale } } };
    }
    case 'ticket.routed.v1': {
      const d = event.data as TicketRouted;
      if (!state.routing || d.assignmentVersion > state.routing.version) {
        next.routing = { tier: d.tier, agentId: d.agentId, version: d.assignmentVersion };
      }
      next.status = advance(state.status, 'assigned');
      return {
        state: next,
        timeline: { type: 'routed', at, data: { tier: d.tier, agentId: d.agentId, reason: d.reason, rationale: d.rationale } },
      };
    }
    case 'sla.clock-started.v1': {
      const d = event.data as SlaClockStarted;
      next.sla[dueField(d.kind)] = d.dueAt;
      return { state: next, timeline: { type: 'sla_clock_started', at, data: { kind: d.kind, tier: d.tier, dueAt: d.dueAt } } };
    }
    case 'sla.clock-updated.v1': {
      // A paused clock has no due time; a resumed or re-timed one has a new one.
      const d = event.data as SlaClockUpdated;
      next.sla[dueField(d.kind)] = d.dueAt;
      return {
        state: next,
        timeline: {
          type: 'sla_clock_updated',
          at,
          data: { kind: d.kind, reason: d.reason, dueAt: d.dueAt, remainingMs: d.remainingMs },
        },
      };
    }
    case 'sla.at-risk.v1': {
      const d = event.data as SlaAtRisk;
      return {
        state: next,
        timeline: {
          type: 'sla_at_risk',
          at,
          data: { kind: d.kind, dueAt: d.dueAt, predictedAt: d.predictedAt, reasons: d.reasons },
        },
      };
    }
    case 'sla.clock-stopped.v1': {
      const d = event.data as SlaClockStopped;
      return { state: next, timeline: { type: 'sla_clock_stopped', at, data: { kind: d.kind, reason: d.reason, met: d.met } } };
    }
    case 'sla.warning.v1': {
      const d = event.data as SlaWarning;
      return {
        state: next,
        timeline: { type: 'sla_warning', at, data: { kind: d.kind, thresholdPercent: d.thresholdPercent, dueAt: d.dueAt } },
      };
    }
    case 'sla.breached.v1': {
      const d = event.data as SlaBreached;
      next.sla.breached = [...new Set([...(state.sla.breached ?? []), d.kind])];
      return { state: next, timeline: { type: 'sla_breached', at, data: { kind: d.kind, tier: d.tier, dueAt: d.dueAt } } };
    }
    case 'knowledge.suggested.v1': {
      const d = event.data as KnowledgeSuggested;
      next.suggestions = d.suggestions;
      return {
        state: next,
        timeline: { type: 'knowledge_suggested', at, data: { articleIds: d.suggestions.map((s) => s.articleId) } },
      };
    }
    case 'ticket.escalated.v1': {
      const d = event.data as TicketEscalated;
      return {
        state: next,
        timeline: {
          type: 'escalated',
          at,
          data: { fromTier: d.fromTier, toTier: d.toTier, trigger: d.trigger, reason: d.reason },
        },
      };
    }
    case 'ticket.queued.v1': {
      const d = event.data as TicketQueued;
      return { state: next, timeline: { type: 'queued', at, data: { tier: d.tier, position: d.position, reason: d.reason } } };
    }
    case 'assignment.overridden.v1': {
      const d = event.data as AssignmentOverridden;
      return {
        state: next,
        timeline: {
          type: 'assignment_overridden',
          at,
          data: { fromAgentId: d.fromAgentId, toAgentId: d.toAgentId, supervisorId: d.supervisorId, reason: d.reason },
        },
      };
    }
    case 'self-service.failed.v1': {
      const d = event.data as SelfServiceFailed;
      return {
        state: next,
        timeline: { type: 'self_service_failed', at, data: { articleId: d.articleId, stepsTried: d.stepsTried } },
      };
    }
    default:
      return { state: next, timeline: { type, at, data: {} } };
  }
}
