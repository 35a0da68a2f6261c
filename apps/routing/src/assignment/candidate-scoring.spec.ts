import { explainFactors, hasRoom, rankCandidates, type Candidate } from './candidate-scoring.js';
import { effectivePriority, queuePriority, queueRank } from './queue-priority.js';

const agent = (o: Partial<Candidate>): Candidate => ({
  id: 'a',
  name: 'A',
  tier: 'L2',
  skills: [],
  languages: ['en'],
  capacity: 10,
  openTickets: 0,
  channelCapacity: {},
  openByChannel: {},
  lastAssignedAt: null,
  ...o,
});
const needs = { tier: 'L2' as const, component: 'plugin-system', customerPriority: 0 };

describe('candidate scoring', () => {
  it('prefers the skilled agent over a less loaded unskilled one', () => {
    const ranked = rankCandidates(needs, [
      agent({ id: 'idle', openTickets: 0 }),
      agent({ id: 'skilled', skills: ['plugin-system'], openTickets: 5 }),
    ]);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['skilled', 'idle']);
  });

  it('breaks ties round-robin: the longest idle since the last assignment first', () => {
    const ranked = rankCandidates(needs, [
      agent({ id: 'b', lastAssignedAt: new Date('2026-11-27T10:00:00Z') }),
      agent({ id: 'c', lastAssignedAt: new Date('2026-11-27T09:00:00Z') }),
    ]);
    expect(ranked[0].candidate.id).toBe('c');
  });

  it('excludes agents without room overall or on the channel', () => {
    expect(hasRoom(agent({ openTickets: 10 }), undefined)).toBe(false);
    expect(hasRoom(agent({ channelCapacity: { chat: 2 }, openByChannel: { chat: 2 } }), 'chat')).toBe(false);
    expect(hasRoom(agent({ channelCapacity: { chat: 2 }, openByChannel: { chat: 2 } }), 'email')).toBe(true);
    expect(rankCandidates(needs, [agent({ openTickets: 10 })])).toEqual([]);
  });

  it('weighs free capacity more for priority customers', () => {
    const pool = [
      agent({ id: 'skilled-busy', skills: ['plugin-system'], openTickets: 9 }),
      agent({ id: 'free', openTickets: 0 }),
    ];
    expect(rankCandidates(needs, pool)[0].candidate.id).toBe('skilled-busy');
    expect(rankCandidates({ ...needs, customerPriority: 1 }, pool)[0].candidate.id).toBe('free');
  });

  it('explains the deciding factors', () => {
    const [top] = rankCandidates(needs, [agent({ skills: ['plugin-system'], tier: 'L3', openTickets: 2 })]);
    expect(explainFactors(top, needs)).toEqual([
      'skilled in plugin-system',
      '2/10 open tickets before this one',
      'covers L2 (home tier L3)',
    ]);
  });
});

describe('queue priority', () => {
  it('orders by urgency and service level', () => {
    expect(queuePriority('critical', 'standard')).toBeGreaterThan(queuePriority('high', 'enterprise'));
    expect(queuePriority('low', 'enterprise')).toBeGreaterThan(queuePriority('low', 'premium'));
  });

  it('ages waiting tickets so a low one overtakes a newer high one in time', () => {
    const t0 = new Date('2026-11-27T10:00:00Z');
    const later = new Date('2026-11-27T12:00:00Z');
    const low = { p: queuePriority('low', 'standard'), at: t0 };
    const high = { p: queuePriority('high', 'standard'), at: later };
    const now = new Date('2026-11-27T12:00:00Z');
    expect(effectivePriority(low.p, low.at, now, 2)).toBeGreaterThan(effectivePriority(high.p, high.at, now, 2));
    expect(queueRank(low.p, low.at, 2)).toBeGreaterThan(queueRank(high.p, high.at, 2));
  });

  it('rank order equals effective-priority order at any moment', () => {
    const tickets = [
      { p: 100, at: new Date('2026-11-27T10:00:00Z') },
      { p: 300, at: new Date('2026-11-27T11:30:00Z') },
      { p: 200, at: new Date('2026-11-27T11:00:00Z') },
    ];
    const now = new Date('2026-11-27T12:00:00Z');
    const byRank = [...tickets].sort((a, b) => queueRank(b.p, b.at, 1.5) - queueRank(a.p, a.at, 1.5));
    const byEffective = [...tickets].sort(
      (a, b) => effectivePriority(b.p, b.at, now, 1.5) - effectivePriority(a.p, a.at, now, 1.5),
    );
    expect(byRank).toEqual(byEffective);
  });
});
