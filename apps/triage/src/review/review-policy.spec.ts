import { decideReview, defaultReviewPolicy, parseReviewThresholds, type ReviewPolicy } from './review-policy.js';

const policy: ReviewPolicy = {
  thresholds: { urgency: 0.5, component: 0.45, sentiment: 0 },
  holds: 'urgent',
  urgentLabels: ['critical', 'high'],
  alternativeMin: 0.2,
};

const sure = (label: string) => ({ label, confidence: 0.9 });

describe('review policy', () => {
  it('asks for nothing when every field is confident enough', () => {
    expect(
      decideReview({ urgency: sure('low'), component: sure('other'), sentiment: { label: 'neutral', confidence: 0.1 } }, policy),
    ).toEqual({
      uncertain: [],
      holdsTriage: false,
    });
  });

  it('lets a low-stakes uncertain triage flow on and be corrected later', () => {
    const decision = decideReview(
      {
        urgency: sure('low'),
        component: { label: 'other', confidence: 0.3, alternatives: [{ label: 'configuration', confidence: 0.25 }] },
      },
      policy,
    );
    expect(decision.uncertain).toEqual([
      {
        field: 'component',
        label: 'other',
        confidence: 0.3,
        threshold: 0.45,
        alternatives: [{ label: 'configuration', confidence: 0.25 }],
      },
    ]);
    expect(decision.holdsTriage).toBe(false);
  });

  it('holds the triage when the predicted urgency is urgent', () => {
    expect(decideReview({ urgency: sure('critical'), component: { label: 'other', confidence: 0.2 } }, policy).holdsTriage).toBe(
      true,
    );
  });

  it('holds when an uncertain urgency could plausibly be high, not when the alternative is unlikely', () => {
    const urgency = (p: number) => ({
      label: 'medium',
      confidence: 0.45,
      alternatives: [
        { label: 'high', confidence: p },
        { label: 'low', confidence: 0.1 },
      ],
    });
    expect(decideReview({ urgency: urgency(0.35) }, policy).holdsTriage).toBe(true);
    expect(decideReview({ urgency: urgency(0.1) }, policy).holdsTriage).toBe(false);
  });

  it('follows the always and never policies', () => {
    const fields = { urgency: { label: 'low', confidence: 0.2 } };
    expect(decideReview(fields, { ...policy, holds: 'always' }).holdsTriage).toBe(true);
    expect(decideReview({ urgency: { label: 'critical', confidence: 0.2 } }, { ...policy, holds: 'never' }).holdsTriage).toBe(
      false,
    );
  });

  it('parses thresholds and rejects nonsense', () => {
    expect(parseReviewThresholds('urgency=0.5, component = 0.4')).toEqual({ urgency: 0.5, component: 0.4 });
    expect(() => parseReviewThresholds('urgency=2')).toThrow(/urgency=2/);
    expect(() => parseReviewThresholds('urgency')).toThrow();
  });

  it('ships defaults that review urgency, category, component and complexity and hold only urgent triages', () => {
    const shipped = defaultReviewPolicy();
    expect(shipped).toEqual({
      thresholds: { urgency: 0.5, category: 0.45, component: 0.45, complexity: 0.35 },
      holds: 'urgent',
      urgentLabels: ['critical', 'high'],
      alternativeMin: 0.2,
    });
    const uncertainCritical = { urgency: { label: 'critical', confidence: 0.4 }, category: { label: 'bug', confidence: 0.9 } };
    expect(decideReview(uncertainCritical, shipped)).toMatchObject({ holdsTriage: true, uncertain: [{ field: 'urgency' }] });
  });
});
