/** What the service publishes about a model version's accuracy; plain data, no framework. */
export interface PublishedAccuracy {
  modelVersion: string;
  /** true when this version answers live traffic */
  active: boolean;
  /** scores on the shipped holdout, which the version never trained on; null when none were kept */
  holdout: {
    /** holdout size; null for versions stored before the count was kept with the scores */
    examples: number | null;
    measuredAt: string | null;
    fields: Record<string, { accuracy: number; macroF1: number }>;
  } | null;
  /**
   * Live triages a person decided (accepted or corrected). Reviews come from low confidence and
   * from agents who doubted a triage, so this share is harder than live traffic as a whole.
   */
  reviewed: {
    reviews: number;
    fields: Record<string, { reviewed: number; corrected: number; accuracy: number }>;
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
          accuracy: c.reviewed === 0 ? 0 : Math.round(((c.reviewed - c.corrected) / c.reviewed) * 10000) / 10000,
        },
      ]),
    ),
  };
}
