import { guidanceFor } from './triage-guidance.js';

const labels = (o: Partial<Record<'urgency' | 'category' | 'complexity' | 'component', string>>) => ({
  urgency: 'low',
  category: 'technical',
  complexity: 'simple',
  component: 'configuration',
  ...o,
});

describe('triage guidance', () => {
  it.each([
    [labels({}), 'self-service'],
    [labels({ category: 'feature' }), 'product-feedback'],
    [labels({ category: 'documentation' }), 'documentation'],
    [labels({ category: 'bug', urgency: 'high' }), 'engineering'],
    [labels({ complexity: 'moderate', urgency: 'high' }), 'agent-guided'],
  ])('sends %j to %s', (input, pathway) => {
    expect(guidanceFor(input).pathway).toBe(pathway);
  });

  it('names the expertise and a resolution estimate', () => {
    expect(guidanceFor(labels({ urgency: 'critical', complexity: 'architectural', component: 'event-bus' }))).toEqual({
      pathway: 'engineering',
      expertise: ['event-bus', 'incident-response', 'architecture'],
      estimatedResolutionHours: 36,
    });
  });
});
