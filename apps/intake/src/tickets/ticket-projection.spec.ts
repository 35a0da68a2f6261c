import {
  buildEnvelope,
  inquiryTriagedExample,
  slaClockStartedExample,
  slaClockUpdatedExample,
  ticketRoutedExample,
} from '@switchboard/contracts';
import { advance, applyEvent, type TicketState } from './ticket-projection.js';

const fresh: TicketState = { status: 'new', triage: null, routing: null, sla: {}, suggestions: [] };
const envelope = (type: string, data: unknown) =>
  buildEnvelope({ type: `com.switchboard.${type}`, source: 'test', subject: 't', data, correlationId: 'c', causationId: null });

describe('ticket projection', () => {
  it('never moves status backwards when events arrive out of order', () => {
    expect(advance('assigned', 'triaged')).toBe('assigned');
    expect(advance('triaged', 'assigned')).toBe('assigned');
  });

  it('records triage labels and the routing decision', () => {
    const triaged = applyEvent(fresh, envelope('inquiry.triaged.v1', inquiryTriagedExample)).state;
    expect(triaged.triage?.component).toBe('plugin-system');
    expect(triaged.status).toBe('triaged');
    const routed = applyEvent(triaged, envelope('ticket.routed.v1', ticketRoutedExample)).state;
    expect(routed.routing).toEqual({ tier: 'L2', agentId: 'agent-l2-01', version: 1 });
    expect(routed.status).toBe('assigned');
  });

  it('keeps the newest assignment when an older routed event is redelivered late', () => {
    const v2 = applyEvent(
      fresh,
      envelope('ticket.routed.v1', { ...ticketRoutedExample, assignmentVersion: 2, tier: 'L3' }),
    ).state;
    const late = applyEvent(v2, envelope('ticket.routed.v1', ticketRoutedExample)).state;
    expect(late.routing?.tier).toBe('L3');
  });

  it('sets the due time of the clock kind that started', () => {
    const { state, timeline } = applyEvent(fresh, envelope('sla.clock-started.v1', slaClockStartedExample));
    expect(state.sla.firstResponseDueAt).toBe(slaClockStartedExample.dueAt);
    expect(timeline.type).toBe('sla_clock_started');
  });

  it('keeps next-response and resolution due times apart, and clears the due time of a paused clock', () => {
    const next = applyEvent(
      fresh,
      envelope('sla.clock-started.v1', { ...slaClockStartedExample, kind: 'next_response', dueAt: '2026-11-27T13:00:00.000Z' }),
    ).state;
    const resolution = applyEvent(
      next,
      envelope('sla.clock-started.v1', { ...slaClockStartedExample, kind: 'resolution', dueAt: '2026-11-27T18:00:00.000Z' }),
    ).state;
    expect(resolution.sla).toMatchObject({
      nextResponseDueAt: '2026-11-27T13:00:00.000Z',
      resolutionDueAt: '2026-11-27T18:00:00.000Z',
    });
    const paused = applyEvent(resolution, envelope('sla.clock-updated.v1', slaClockUpdatedExample));
    expect(paused.state.sla.resolutionDueAt).toBeNull();
    expect(paused.state.sla.nextResponseDueAt).toBe('2026-11-27T13:00:00.000Z');
    expect(paused.timeline).toMatchObject({ type: 'sla_clock_updated', data: { reason: 'paused' } });
  });
});
