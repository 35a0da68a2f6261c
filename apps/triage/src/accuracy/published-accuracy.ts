import { wilsonInterval } from '../model/metrics.js';

/** 95 % interval of an accuracy: where the true figure may lie given how few inquiries were scored. */
export interface Interval {
  low: number;
  high: number;
}

/** Scores on a held-out set the version never trained on. */
export interface PublishedHoldout {
  /** holdout size; null for versions stored before the count was kept with the scores */
  examples: number | null;
  measuredAt: string | null;
  /** `interval95` when the number of scored inquiries is known */
  fields: Record<string, { accuracy: number; macroF1: number; n?: number; interval95?: Interval }>;
}

/** A holdout besides the main one, named after its file (`holdout-b`). */
export type NamedPublishedHoldout = PublishedHoldout & { name: string };

/** What the service publishes about a model version's accuracy; plain data, no framework. */
export interface PublishedAccuracy {
  modelVersion: string;
  /** true when this version answers live traffic */
  active: boolean;
  /** scores on the main shipped holdout; null when none were kept */
  holdout: PublishedHoldout | null;
  /** scores on the other shipped holdouts (other writers), named after their files; empty when none were kept */
  additionalHoldouts: NamedPublishedHoldout[];
  /**
   * Live triages a person decided (accepted or corrected). Reviews come from low confidence and
   * from agents who doubted a triage, so this share is harder than live traffic as a whole.
   */
  reviewed: {
    reviews: number;
    fields: Record<string, { reviewed: number; corrected: number; accuracy: number; interval95: Interval }>;
  };
}

export interface ReviewedCount {
  field: string;
  reviewed: number;
  corrected: number;
}

export function reviewedAccuracy(counts: ReviewedCount[]): PublishedAccuracy['reviewed'] {
  return {
    reviews: Math.max(0, ...counts.map((c) => c.reviewed)),
    fields: Object.fromEntries(
      counts.map((c) => [
        c.field,
        {
          reviewed: c.reviewed,
          corrected: c.corrected,
          accuracy: c.reviewed === 0 ? 0 : round((c.reviewed - c.corrected) / c.reviewed),
          interval95: interval(c.reviewed - c.corrected, c.reviewed),
        },
      ]),
    ),
  };
}

/** Each field's interval over the inquiries that labelled it; older scores without that count fall back to the holdout size. */
export function holdoutWithIntervals(holdout: PublishedHoldout): PublishedHoldout {
  return {
    ...holdout,
    fields: Object.fromEntries(
      Object.entries(holdout.fields).map(([field, score]) => {
        const n = score.n ?? holdout.examples;
        return [field, n ? { ...score, interval95: interval(Math.round(score.accuracy * n), n) } : score];
      }),
    ),
  };
}

function interval(correct: number, n: number): Interval {
  const { low, high } = wilsonInterval(correct, n);
  return { low: round(low), high: round(high) };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
