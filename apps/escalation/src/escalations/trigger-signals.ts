/** The triage fields escalation reads to decide on the SOP's triggers. */
export interface TriageLabels {
  urgency: { label: string };
  category: { label: string };
  component: { label: string };
  rationale: string;
}

const SECURITY_WORDS =
  /\b(security|vulnerab\w*|leak\w*|exposed (api )?keys?|remote code|rce|auth(entication)? bypass|cve-\d+)\b/i;

export const isCritical = (t: TriageLabels) => t.urgency.label === 'critical';

/** Labels are configuration, so a security label in any field counts, as does security language in the rationale. */
export function hasSecurityImplications(t: TriageLabels): boolean {
  const labels = [t.category.label, t.component.label, t.urgency.label];
  return labels.some((l) => /security/i.test(l)) || SECURITY_WORDS.test(t.rationale);
}

/** The SOP escalates a ticket reopened twice: its resolutions are not holding. */
export const REOPEN_LIMIT = 2;
