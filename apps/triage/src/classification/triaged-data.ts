import type { InquiryReceived, InquiryTriaged } from '@switchboard/contracts';
import type { Classification } from './rules-classifier.js';
import { TRIAGE_FIELDS, type TriageField } from './taxonomy.js';
import { guidanceFor } from './triage-guidance.js';

/** The `inquiry triaged` data for a classification of a received inquiry. */
export function triagedData(inquiry: InquiryReceived, result: Classification): InquiryTriaged {
  const label = (f: TriageField) => ({ label: result[f].label, confidence: result[f].confidence });
  const labels = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, label(f)])) as Record<
    TriageField,
    { label: string; confidence: number }
  >;
  return {
    ticketId: inquiry.ticketId,
    ...labels,
    confidence: result.confidence,
    serviceLevel: inquiry.customer.serviceLevel,
    channel: inquiry.channel,
    language: inquiry.customer.language,
    rationale: result.rationale,
    modelVersion: result.modelVersion,
    guidance: guidanceOf(labels),
  };
}

function guidanceOf(labels: Record<TriageField, { label: string }>) {
  return guidanceFor({
    urgency: labels.urgency.label,
    category: labels.category.label,
    complexity: labels.complexity.label,
    component: labels.component.label,
  });
}

/** The same triage after a person's review: their labels count as certain, and say who decided. */
export function reviewedTriagedData(
  triaged: InquiryTriaged,
  labels: Record<string, string>,
  reviewed: NonNullable<InquiryTriaged['reviewed']>,
): InquiryTriaged {
  const fields = Object.fromEntries(
    TRIAGE_FIELDS.map((f) => [f, labels[f] && labels[f] !== triaged[f].label ? { label: labels[f], confidence: 1 } : triaged[f]]),
  ) as Record<TriageField, { label: string; confidence: number }>;
  return {
    ...triaged,
    ...fields,
    confidence: Math.min(...TRIAGE_FIELDS.map((f) => fields[f].confidence)),
    guidance: guidanceOf(fields),
    reviewed,
  };
}
