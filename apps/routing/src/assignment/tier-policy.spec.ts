import { nextTier, TierPolicy } from './tier-policy.js';

const policy = new TierPolicy();
const tierFor = (t: Parameters<TierPolicy['decide']>[0], level: 'standard' | 'enterprise') => policy.decide(t, level);

const triage = (o: Partial<Record<'urgency' | 'category' | 'complexity' | 'component', string>>) => ({
  urgency: 'low',
  category: 'technical',
  complexity: 'simple',
  component: 'configuration',
  ...o,
});

describe('tier policy (SOP table)', () => {
  it.each([
    [triage({}), 'L1'],
    [triage({ component: 'plugin-system' }), 'L2'],
    [triage({ complexity: 'moderate' }), 'L2'],
    [triage({ category: 'bug', complexity: 'complex' }), 'L3'],
    [triage({ complexity: 'architectural' }), 'L3'],
    [triage({ complexity: 'architectural', urgency: 'high' }), 'L4'],
    [triage({ urgency: 'critical' }), 'L4'],
  ])('routes %j to %s', (input, tier) => {
    expect(tierFor(input, 'standard').tier).toBe(tier);
  });

  it('raises enterprise customers out of L1', () => {
    expect(tierFor(triage({}), 'enterprise').tier).toBe('L2');
  });

  it('follows a configured policy instead of the SOP table', () => {
    const custom = new TierPolicy({
      rules: [{ when: { component: ['llm-provider'], serviceLevel: ['premium'] }, tier: 'L3', reason: 'provider specialists' }],
      fallback: { tier: 'L2', reason: 'everything else' },
      minimumTier: {},
    });
    expect(custom.decide(triage({ component: 'llm-provider' }), 'premium')).toEqual({
      tier: 'L3',
      reason: 'provider specialists',
    });
    expect(custom.decide(triage({ component: 'llm-provider' }), 'standard').tier).toBe('L2');
  });

  it('escalates one tier at a time and stops at L4', () => {
    expect(nextTier('L1')).toBe('L2');
    expect(nextTier('L3')).toBe('L4');
    expect(nextTier('L4')).toBe('L4');
  });
});
