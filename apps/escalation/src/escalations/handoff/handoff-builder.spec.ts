import { handoffPackageSchema } from '@switchboard/contracts';
import { buildHandoff, type TicketProjection } from './handoff-builder.js';

const now = new Date('2026-11-27T12:00:00Z');
const projection: TicketProjection = {
  ticketId: '5b0f7a1e-8c53-4d39-9a59-0f1b1c1d2e3f',
  customer: { id: 'cust-42', serviceLevel: 'premium', channel: 'email' },
  environment: { os: 'macOS 15', python: '3.12' },
  triage: {
    labels: { urgency: { label: 'high', confidence: 0.8 }, component: { label: 'plugin-system', confidence: 0.9 } },
    confidence: 0.7,
    rationale: 'plugins',
    guidance: { pathway: 'engineering', expertise: ['plugin loader internals'], estimatedResolutionHours: 6 },
    modelVersion: 'm1',
  },
  reopenCount: 1,
  timeline: [
    {
      kind: 'inquiry',
      at: new Date('2026-11-27T10:00:00Z'),
      payload: { author: 'cust-42', body: 'Plugins fail: ModuleNotFoundError: foo' },
    },
    { kind: 'agent_response', at: new Date('2026-11-27T10:30:00Z'), payload: { author: 'agent-1', body: 'Try reinstalling' } },
    {
      kind: 'self_service',
      at: new Date('2026-11-27T10:40:00Z'),
      payload: { articleId: 'kb-1', stepsTried: [{ text: 'Reinstall', note: 'no luck' }] },
    },
    {
      kind: 'customer_reply',
      at: new Date('2026-11-27T11:00:00Z'),
      payload: { author: 'cust-42', body: 'Still the same error after reinstall' },
    },
    { kind: 'sentiment', at: new Date('2026-11-27T11:00:01Z'), payload: { sentiment: 'negative', confidence: 0.8 } },
  ],
  clocks: [
    {
      clockId: '0c8f5d0a-1111-4a4a-8b8b-222222222222',
      kind: 'resolution',
      tier: 'L2',
      state: 'running',
      dueAt: new Date('2026-11-27T12:30:00Z'),
      remainingMs: null,
      lastWarning: 90,
    },
    {
      clockId: '0c8f5d0a-1111-4a4a-8b8b-333333333333',
      kind: 'next_response',
      tier: 'L2',
      state: 'paused',
      dueAt: null,
      remainingMs: 600_000,
      lastWarning: null,
    },
    {
      clockId: '0c8f5d0a-1111-4a4a-8b8b-444444444444',
      kind: 'first_response',
      tier: 'L2',
      state: 'stopped',
      dueAt: null,
      remainingMs: null,
      lastWarning: null,
    },
  ],
};
const facts = {
  escalationId: '9e9e9e9e-5555-4f4f-8a8a-666666666666',
  fromTier: 'L2' as const,
  toTier: 'L3' as const,
  trigger: 'code_change' as const,
  reason: 'loader bug',
};

describe('handoff package', () => {
  const pkg = buildHandoff(projection, facts, now);

  it('is valid against the versioned contract', () => {
    expect(handoffPackageSchema.parse(pkg).schemaVersion).toBe(1);
  });

  it('carries the interaction history in order, self-service attempts and diagnostics', () => {
    expect(pkg.interactions.map((i) => i.kind)).toEqual(['inquiry', 'agent_response', 'customer_reply']);
    expect(pkg.selfService).toEqual([{ at: '2026-11-27T10:40:00.000Z', articleId: 'kb-1', stepsTried: ['Reinstall (no luck)'] }]);
    expect(pkg.diagnostics.join(' ')).toContain('ModuleNotFoundError');
    expect(pkg.sentimentTrend).toHaveLength(1);
  });

  it('states the time left on each clock: running from the due time, paused from the remaining target', () => {
    expect(pkg.clocks.map((c) => [c.kind, c.timeLeftMs])).toEqual([
      ['resolution', 30 * 60_000],
      ['next_response', 600_000],
      ['first_response', null],
    ]);
  });

  it('suggests next steps from the trigger, the clocks, triage and history', () => {
    expect(pkg.suggestedNextSteps[0]).toMatch(/engineering issue/);
    expect(pkg.suggestedNextSteps.join(' | ')).toMatch(/Answer within 10 min to meet the next response target/);
    expect(pkg.suggestedNextSteps.join(' | ')).toMatch(/plugin-system expert/);
    expect(pkg.suggestedNextSteps.join(' | ')).toMatch(/reopened 1 time/);
  });
});
