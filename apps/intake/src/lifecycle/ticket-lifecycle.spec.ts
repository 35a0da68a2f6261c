import { TICKET_STATUSES } from '@switchboard/contracts';
import { assertTransition, canTransition, isReopen, progressStatusFor } from './ticket-lifecycle.js';

describe('ticket lifecycle', () => {
  it.each([
    ['open', 'waiting_on_customer'],
    ['open', 'resolved'],
    ['open', 'closed'],
    ['waiting_on_customer', 'open'],
    ['waiting_on_customer', 'resolved'],
    ['resolved', 'open'],
    ['resolved', 'closed'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('refuses every other move with a 409 naming the allowed ones', () => {
    const illegal = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const)).filter(
      ([from, to]) => !canTransition(from, to),
    );
    expect(illegal).toEqual(
      expect.arrayContaining([
        ['open', 'open'],
        ['resolved', 'waiting_on_customer'],
        ['closed', 'open'],
        ['closed', 'resolved'],
      ]),
    );
    for (const [from, to] of illegal) {
      expect(() => assertTransition('t1', from, to)).toThrow(
        expect.objectContaining({ status: 409, code: 'INTAKE.ILLEGAL_STATUS_TRANSITION' }),
      );
    }
  });

  it('counts leaving resolved for open as a reopen', () => {
    expect(isReopen('resolved', 'open')).toBe(true);
    expect(isReopen('waiting_on_customer', 'open')).toBe(false);
  });

  it('puts a reopened ticket back where the pipeline had it', () => {
    expect(progressStatusFor('open', { triage: null, routing: null })).toBe('new');
    expect(progressStatusFor('open', { triage: {}, routing: null })).toBe('triaged');
    expect(progressStatusFor('open', { triage: {}, routing: {} })).toBe('assigned');
    expect(progressStatusFor('closed', { triage: {}, routing: {} })).toBe('closed');
  });
});
