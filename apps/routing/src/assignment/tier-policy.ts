import { readFileSync } from 'node:fs';
import { type ServiceLevel, type Tier, tierSchema } from '@switchboard/contracts';
import { z } from 'zod';

export interface TriageLabels {
  urgency: string;
  category: string;
  complexity: string;
  component: string;
}

export interface TierDecision {
  tier: Tier;
  reason: string;
}

const ruleSchema = z.object({
  when: z
    .object({
      urgency: z.array(z.string()).optional(),
      category: z.array(z.string()).optional(),
      complexity: z.array(z.string()).optional(),
      component: z.array(z.string()).optional(),
      serviceLevel: z.array(z.string()).optional(),
    })
    .strict(),
  tier: tierSchema,
  reason: z.string().min(1),
});

export const tierPolicySchema = z.object({
  /** Top to bottom; the first rule whose every condition matches decides. */
  rules: z.array(ruleSchema),
  fallback: z.object({ tier: tierSchema, reason: z.string() }),
  /** A customer's service level can raise the tier a rule picked, never lower it. */
  minimumTier: z.record(z.string(), tierSchema).default({}),
});

export type TierPolicyConfig = z.infer<typeof tierPolicySchema>;

const ORDER: Tier[] = ['L1', 'L2', 'L3', 'L4'];

/** The SOP's tier table: L1 general, L2 complex technical and plugins, L3 engineering, L4 critical. */
export const SOP_TIER_POLICY: TierPolicyConfig = {
  rules: [
    { when: { urgency: ['critical'] }, tier: 'L4', reason: 'critical urgency goes to L4 escalation' },
    { when: { complexity: ['architectural'], urgency: ['high'] }, tier: 'L4', reason: 'urgent architectural change goes to L4' },
    { when: { complexity: ['architectural'] }, tier: 'L3', reason: 'architecture issue goes to L3 engineering' },
    {
      when: { category: ['bug'], complexity: ['complex'] },
      tier: 'L3',
      reason: 'likely defect needing a code-level look goes to L3',
    },
    { when: { component: ['plugin-system'] }, tier: 'L2', reason: 'plugin problem goes to L2 technical support' },
    { when: { complexity: ['moderate', 'complex'] }, tier: 'L2', reason: 'complex technical issue goes to L2' },
  ],
  fallback: { tier: 'L1', reason: 'general inquiry or basic troubleshooting goes to L1' },
  minimumTier: { enterprise: 'L2' },
};

export class TierPolicy {
  constructor(readonly config: TierPolicyConfig = SOP_TIER_POLICY) {}

  static fromFile(file: string | undefined): TierPolicy {
    return new TierPolicy(file ? tierPolicySchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : SOP_TIER_POLICY);
  }

  decide(triage: TriageLabels, serviceLevel: ServiceLevel): TierDecision {
    const facts: Record<string, string> = { ...triage, serviceLevel };
    const rule = this.config.rules.find((r) => Object.entries(r.when).every(([field, values]) => values?.includes(facts[field])));
    const base = rule ? { tier: rule.tier, reason: rule.reason } : this.config.fallback;
    const minimum = this.config.minimumTier[serviceLevel];
    if (minimum && ORDER.indexOf(minimum) > ORDER.indexOf(base.tier)) {
      return { tier: minimum, reason: `${base.reason}; raised to ${minimum} for a ${serviceLevel} customer` };
    }
    return base;
  }
}

/** L4 is the top: escalating from it keeps the ticket there. */
export function nextTier(tier: Tier): Tier {
  return ORDER[Math.min(ORDER.indexOf(tier) + 1, ORDER.length - 1)];
}
