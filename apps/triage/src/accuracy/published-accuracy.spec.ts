import { reviewedAccuracy } from './published-accuracy.js';

describe('reviewedAccuracy', () => {
  it('gives each field the share of decided reviews that kept its label', () => {
    const result = reviewedAccuracy([
      { field: 'category', reviewed: 3, corrected: 0 },
      { field: 'urgency', reviewed: 3, corrected: 2 },
    ]);
    expect(result.reviews).toBe(3);
    expect(result.fields.urgency).toEqual({ reviewed: 3, corrected: 2, accuracy: 0.3333 });
    expect(result.fields.category.accuracy).toBe(1);
  });

  it('reports no reviews as an empty sample rather than a score', () => {
    expect(reviewedAccuracy([])).toEqual({ reviews: 0, fields: {} });
  });
});
