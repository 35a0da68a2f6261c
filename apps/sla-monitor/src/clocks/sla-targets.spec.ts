import { planClocks, thresholdAt } from './sla-targets.js';

const now = new Date('2026-11-27T10:00:00Z');

describe('SLA targets', () => {
  it('starts both clocks with SOP targets for an unanswered L2 ticket', () => {
    const plan = planClocks('L2', now, { responded: false, timeScale: 1, l4ResolutionHours: 24 });
    expect(plan.map((p) => [p.kind, p.dueAt.toISOString()])).toEqual([
      ['first_response', '2026-11-27T12:00:00.000Z'],
      ['resolution', '2026-11-27T18:00:00.000Z'],
    ]);
  });

  it('skips the first-response clock once someone answered', () => {
    const plan = planClocks('L1', now, { responded: true, timeScale: 1, l4ResolutionHours: 24 });
    expect(plan.map((p) => p.kind)).toEqual(['resolution']);
  });

  it('uses the configured L4 resolution target and the time scale', () => {
    const [, resolution] = planClocks('L4', now, { responded: false, timeScale: 0.5, l4ResolutionHours: 10 });
    expect(resolution.dueAt.toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });

  it('places warning thresholds proportionally', () => {
    const due = new Date('2026-11-27T14:00:00Z');
    expect(thresholdAt(now, due, 75).toISOString()).toBe('2026-11-27T13:00:00.000Z');
  });
});
