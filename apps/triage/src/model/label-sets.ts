import type { LabelledInquiry } from './dataset.js';
import type { AllowedLabels } from './triage-model.js';

export interface DroppedLabel {
  id: string;
  field: string;
  label: string;
}

/**
 * Keeps only labels from the configured sets: an example labelled outside them loses that label
 * (it is reported, and still teaches its other fields); an example left with no label is dropped.
 * Fields the configuration does not name are dropped too, so the model learns nothing unconfigured.
 */
export function restrictToLabelSets(
  examples: LabelledInquiry[],
  allowed: AllowedLabels,
): { examples: LabelledInquiry[]; dropped: DroppedLabel[] } {
  const dropped: DroppedLabel[] = [];
  const kept = examples.flatMap((example) => {
    const labels: Record<string, string> = {};
    for (const [field, label] of Object.entries(example.labels)) {
      if (allowed[field]?.includes(label)) labels[field] = label;
      else dropped.push({ id: example.id, field, label });
    }
    return Object.keys(labels).length > 0 ? [{ ...example, labels }] : [];
  });
  return { examples: kept, dropped };
}

/** `{ component: 12, urgency: 1 }`: how many labels each field lost, for logs and reports. */
export function droppedByField(dropped: DroppedLabel[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of dropped) counts[d.field] = (counts[d.field] ?? 0) + 1;
  return counts;
}
