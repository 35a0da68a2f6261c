import type { ServiceLevel, Tier } from '@switchboard/contracts';

export interface TriageSummary {
  urgency: string;
  category: string;
  complexity: string;
  component: string;
}

export interface TierDecision {
  tier: Tier;
  reason: string;
}

const ORDER: Tier[] = ['L1', 'L2', 'L3', 'L4'];

/** The SOP's tier table: L1 general, L2 complex technical and plugins, L3 engineering, L4 critical. */
export function tierFor(triage: TriageSummary, serviceLevel: ServiceLevel): TierDecision {
  const base = baseTier(triage);
  if (serviceLevel === 'enterprise' && base.tier === 'L1') {
    return { tier: 'L2', reason: `${base.reason}; raised to L2 for an enterprise customer` };
  }
  return base;
}

function baseTier({ urgency, category, complexity, component }: TriageSummary): TierDecision {
  if (urgency === 'critical') return { tier: 'L4', reason: 'critical urgency goes to L4 escalation' };
  if (complexity === 'architectural') {
    return urgency === 'high'
      ? { tier: 'L4', reason: 'urgent architectural change goes to L4' }
      : { tier: 'L3', reason: 'architecture issue goes to L3 engineering' };
  }
  if (category === 'bug' && complexity === 'complex')
    return { tier: 'L3', reason: 'likely defect needing a code-level look goes to L3' };
  if (component === 'plugin-system') return { tier: 'L2', reason: 'plugin problem goes to L2 technical support' };
  if (complexity === 'moderate' || complexity === 'complex')
    return { tier: 'L2', reason: `${complexity} technical issue goes to L2` };
  return { tier: 'L1', reason: 'general inquiry or basic troubleshooting goes to L1' };
}

/** L4 is the top: escalating from it keeps the ticket there. */
export function nextTier(tier: Tier): Tier {
  return ORDER[Math.min(ORDER.indexOf(tier) + 1, ORDER.length - 1)];
}
