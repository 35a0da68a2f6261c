import { holdoutWithIntervals, reviewedAccuracy } from './published-accuracy.js';

describe('reviewedAccuracy', () => {
  it('gives each field the share of decided reviews that kept its label', () => {
    const result = reviewedAccuracy([
      { field: 'category', reviewed: 3, corrected: 0 },
      { field: 'urgency', reviewed: 3, corrected: 2 },
    ]);
    expect(result.reviews).toBe(3);
    expect(result.fields.urgency).toMatchObject({ reviewed: 3, corrected: 2, accuracy: 0.3333 });
    // three reviews say little: the interval spans most of the range
    expect(result.fields.urgency.interval95.low).toBeLessThan(0.1);
    expect(result.fields.urgency.interval95.high).toBeGreaterThan(0.75);
    expect(result.fields.category.accuracy).toBe(1);
  });

  it('reports no reviews as an empty sample rather than a score', () => {
    expect(reviewedAccuracy([])).toEqual({ reviews: 0, fields: {} });
  });

  it('gives holdout accuracies their interval when the holdout size is known', () => {
    const fields = { urgency: { accuracy: 0.87, macroF1: 0.85 } };
    const known = holdoutWithIntervals({ examples: 300, measuredAt: null, fields });
    expect(known?.fields.urgency.interval95).toEqual({ low: 0.8272, high: 0.9034 });
    const unknown = holdoutWithIntervals({ examples: null, measuredAt: null, fields });
    expect(unknown?.fields.urgency.interval95).toBeUndefined();
  });
});
