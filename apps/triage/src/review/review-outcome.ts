import { AppError, conflict } from '@switchboard/service-kit';
import { isLabelOf, type Taxonomy } from '../classification/taxonomy.js';
import type { ReviewRow } from './review.repository.js';

export interface LabelChange {
  field: string;
  from: string;
  to: string;
}

export interface ReviewOutcome {
  status: 'accepted' | 'corrected';
  labels: Record<string, string>;
  changes: LabelChange[];
  /** `inquiry triaged` is still to be emitted, with these labels */
  releasesTriaged: boolean;
  /** `inquiry triaged` already went out with other labels */
  supersedesTriaged: boolean;
}

/**
 * What accepting or correcting a review means. Accepting is for a pending review only; a
 * correction may also follow a decision (a person noticed later). Labels must come from the
 * configured taxonomy; a "correction" that changes nothing is an acceptance.
 */
export function reviewOutcome(
  review: ReviewRow,
  corrected: Record<string, string> | undefined,
  taxonomy: Taxonomy,
): ReviewOutcome {
  const pending = review.status === 'pending';
  if (!corrected && !pending) throw conflict('TRIAGE.REVIEW_DECIDED', `review ${review.id} is already ${review.status}`);
  const invalid = Object.entries(corrected ?? {}).filter(([field, label]) => !isLabelOf(taxonomy, field, label));
  if (invalid.length > 0) {
    throw new AppError('TRIAGE.UNKNOWN_LABEL', 'labels must come from the configured taxonomy', 422, {
      errors: invalid.map(([field, label]) => ({
        path: `labels.${field}`,
        message: `"${label}" is not a configured ${field} label`,
      })),
    });
  }
  const changes = Object.entries(corrected ?? {})
    .filter(([field, label]) => review.labels[field] !== label)
    .map(([field, to]) => ({ field, from: review.labels[field], to }));
  const releasesTriaged = pending && review.holdsTriage;
  return {
    status: changes.length > 0 || review.status === 'corrected' ? 'corrected' : 'accepted',
    labels: { ...review.labels, ...corrected },
    changes,
    releasesTriaged,
    supersedesTriaged: !releasesTriaged,
  };
}
