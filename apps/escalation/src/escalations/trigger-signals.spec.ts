import { hasSecurityImplications, isCritical, type TriageLabels } from './trigger-signals.js';

const triage = (over: Partial<Record<'urgency' | 'category' | 'component', string>>, rationale = ''): TriageLabels => ({
  urgency: { label: over.urgency ?? 'medium' },
  category: { label: over.category ?? 'bug' },
  component: { label: over.component ?? 'plugin-system' },
  rationale,
});

describe('trigger signals', () => {
  it('flags critical urgency', () => {
    expect(isCritical(triage({ urgency: 'critical' }))).toBe(true);
    expect(isCritical(triage({ urgency: 'high' }))).toBe(false);
  });

  it('flags security from a label or from the rationale', () => {
    expect(hasSecurityImplications(triage({ category: 'security' }))).toBe(true);
    expect(hasSecurityImplications(triage({}, 'urgency=critical from "my API keys leaked in the log"'))).toBe(true);
    expect(hasSecurityImplications(triage({}, 'component=plugin-system from "plugins"'))).toBe(false);
  });
});
