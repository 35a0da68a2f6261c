export interface ReviewPolicy {
  /** field → minimum confidence; a field under it needs a person (0 = never) */
  thresholds: Record<string, number>;
  /** whether `inquiry triaged` waits for the review */
  holds: 'always' | 'never' | 'urgent';
  /** urgency labels that make a review hold the triage under the `urgent` policy */
  urgentLabels: string[];
  /** an alternative at least this likely is one the urgency "could be" */
  alternativeMin: number;
}

export interface ScoredField {
  label: string;
  confidence: number;
  alternatives?: { label: string; confidence: number }[];
}

export interface UncertainField {
  field: string;
  label: string;
  confidence: number;
  threshold: number;
  alternatives: { label: string; confidence: number }[];
}

export interface ReviewDecision {
  uncertain: UncertainField[];
  /** true: emit `inquiry triaged` only once a person accepted or corrected the labels */
  holdsTriage: boolean;
}

/** `urgency=0.5, component=0.45` → `{ urgency: 0.5, component: 0.45 }` */
export function parseReviewThresholds(spec: string): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [field, value] = pair.split('=').map((s) => s.trim());
    const threshold = Number(value);
    if (!field || value === undefined || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      throw new Error(`review threshold "${pair}" is not field=number in [0, 1]`);
    }
    thresholds[field] = threshold;
  }
  return thresholds;
}

/**
 * Which fields a person should check, and whether routing must wait for them. Under the `urgent`
 * policy the triage waits only when the urgency is, or plausibly is, one of the urgent labels:
 * routing a critical ticket on a wrong guess costs more than a short wait; a low-stakes one
 * flows on and is corrected afterwards.
 */
export function decideReview(fields: Record<string, ScoredField>, policy: ReviewPolicy): ReviewDecision {
  const uncertain = Object.entries(policy.thresholds).flatMap(([field, threshold]) => {
    const scored = fields[field];
    if (!scored || threshold <= 0 || scored.confidence >= threshold) return [];
    return [{ field, label: scored.label, confidence: scored.confidence, threshold, alternatives: scored.alternatives ?? [] }];
  });
  if (uncertain.length === 0) return { uncertain, holdsTriage: false };
  return { uncertain, holdsTriage: holds(fields, uncertain, policy) };
}

function holds(fields: Record<string, ScoredField>, uncertain: UncertainField[], policy: ReviewPolicy): boolean {
  if (policy.holds !== 'urgent') return policy.holds === 'always';
  const urgency = fields.urgency;
  if (!urgency) return false;
  if (policy.urgentLabels.includes(urgency.label)) return true;
  const uncertainUrgency = uncertain.find((u) => u.field === 'urgency');
  return (
    uncertainUrgency?.alternatives.some((a) => a.confidence >= policy.alternativeMin && policy.urgentLabels.includes(a.label)) ??
    false
  );
}

/** The shipped defaults (each overridable by configuration), also what `eval-triage` reports the queue for. */
export const DEFAULT_REVIEW_THRESHOLDS = 'urgency=0.5,category=0.45,component=0.45,complexity=0.35';
export const DEFAULT_URGENT_LABELS = 'critical,high';
export const DEFAULT_ALTERNATIVE_MIN = 0.2;

export function defaultReviewPolicy(): ReviewPolicy {
  return {
    thresholds: parseReviewThresholds(DEFAULT_REVIEW_THRESHOLDS),
    holds: 'urgent',
    urgentLabels: DEFAULT_URGENT_LABELS.split(','),
    alternativeMin: DEFAULT_ALTERNATIVE_MIN,
  };
}
