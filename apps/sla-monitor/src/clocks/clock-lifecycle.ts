import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type EventData,
  type EventDefinition,
  type SlaClockKind,
  slaClockStartedEvent,
  slaClockStoppedEvent,
  slaClockUpdatedEvent,
  type SlaClockStopped,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { type ClockTerms, PolicyRepository } from '../policies/policy.repository.js';
import { ClockLogRepository } from '../reports/clock-log.repository.js';
import { type Clock, ClockRepository, type SlaTicket } from './clock.repository.js';
import { consumedAt, dueAt, remainingAt } from './clock-timing.js';
import { SlaTimers } from './sla-timers.js';

/** What a clock transition needs from its caller: a Kafka handler's context or an HTTP use case's transaction. */
export interface ClockTx {
  manager: EntityManager;
  /** Events are keyed by the clock's ticket, even when the cause was about another (a merge). */
  emit<TDef extends EventDefinition>(definition: TDef, data: EventData<TDef>, subject: string): Promise<unknown>;
  afterCommit(work: () => Promise<void>): void;
  correlationId: string;
  causeEventId: string;
}

export type StopReason = SlaClockStopped['reason'];

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * Every state change of a clock in one place: the row, the log entry the reports fold, the event,
 * and the alarms (armed only after commit; anything missed is re-armed from the database).
 */
@Injectable()
export class ClockLifecycle {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly policies: PolicyRepository,
    private readonly log: ClockLogRepository,
    private readonly timers: SlaTimers,
  ) {}

  calendarOf(tx: ClockTx, calendarId: string): Promise<BusinessCalendar> {
    return this.policies.businessCalendar(tx.manager, calendarId);
  }

  terms(tx: ClockTx, ticket: SlaTicket, kind: SlaClockKind): Promise<ClockTerms> {
    return this.policies.termsFor(tx.manager, ticket.tier ?? 'L1', ticket.serviceLevel, kind);
  }

  async start(tx: ClockTx, ticket: SlaTicket, kind: SlaClockKind, now: Date, assignmentVersion: number): Promise<Clock> {
    const terms = await this.terms(tx, ticket, kind);
    const calendar = await this.calendarOf(tx, terms.calendarId);
    const paused = ticket.waiting;
    const clock: Clock = {
      id: randomUUID(),
      ticketId: ticket.ticketId,
      kind,
      tier: ticket.tier ?? 'L1',
      assignmentVersion,
      state: paused ? 'paused' : 'running',
      startedAt: now,
      dueAt: null,
      stoppedAt: null,
      met: null,
      correlationId: tx.correlationId,
      causeEventId: tx.causeEventId,
      policyId: terms.policyId,
      calendarId: terms.calendarId,
      targetMs: terms.targetMs,
      consumedMs: 0,
      segmentStartedAt: paused ? null : now,
      generation: 0,
      agentId: ticket.agentId,
    };
    clock.dueAt = dueAt(clock, calendar);
    await this.clocks.insertClock(tx.manager, clock);
    await this.log.append(tx.manager, clock, 'started', now);
    await tx.emit(
      slaClockStartedEvent,
      {
        ticketId: clock.ticketId,
        clockId: clock.id,
        kind,
        tier: clock.tier,
        startedAt: now.toISOString(),
        // A clock born paused has no due time yet; consumers see the target as if it ran from now.
        dueAt: (clock.dueAt ?? new Date(now.getTime() + clock.targetMs)).toISOString(),
      },
      clock.ticketId,
    );
    if (paused) await this.emitUpdated(tx, clock, 'paused', calendar, now);
    else tx.afterCommit(() => this.timers.arm(clock, calendar));
    return clock;
  }

  async stop(tx: ClockTx, clock: Clock, at: Date, reason: StopReason): Promise<void> {
    const calendar = await this.calendarOf(tx, clock.calendarId);
    const stoppedAt = new Date(Math.max(at.getTime(), new Date(clock.startedAt).getTime()));
    const consumed = consumedAt(clock, calendar, stoppedAt);
    const met = consumed <= clock.targetMs;
    await this.clocks.finish(tx.manager, { ...clock, consumedMs: consumed }, stoppedAt, 'stopped', reason, met);
    await this.log.append(tx.manager, clock, 'stopped', stoppedAt, { reason, met });
    await tx.emit(
      slaClockStoppedEvent,
      { ticketId: clock.ticketId, clockId: clock.id, kind: clock.kind, stoppedAt: stoppedAt.toISOString(), reason, met },
      clock.ticketId,
    );
    tx.afterCommit(() => this.timers.disarm(clock.id, clock.generation));
  }

  async pause(tx: ClockTx, clock: Clock, at: Date): Promise<void> {
    if (clock.state !== 'running') return;
    const calendar = await this.calendarOf(tx, clock.calendarId);
    const from = new Date(Math.max(at.getTime(), new Date(clock.segmentStartedAt ?? at).getTime()));
    const paused: Clock = {
      ...clock,
      state: 'paused',
      consumedMs: consumedAt(clock, calendar, from),
      segmentStartedAt: null,
      dueAt: null,
      generation: clock.generation + 1,
    };
    await this.clocks.updateClock(tx.manager, paused);
    await this.log.append(tx.manager, paused, 'paused', from);
    await this.emitUpdated(tx, paused, 'paused', calendar, from);
    tx.afterCommit(() => this.timers.disarm(clock.id, clock.generation));
  }

  async resume(tx: ClockTx, clock: Clock, at: Date): Promise<void> {
    if (clock.state !== 'paused') return;
    const calendar = await this.calendarOf(tx, clock.calendarId);
    const resumed: Clock = { ...clock, state: 'running', segmentStartedAt: at, generation: clock.generation + 1 };
    resumed.dueAt = dueAt(resumed, calendar);
    await this.clocks.updateClock(tx.manager, resumed);
    await this.log.append(tx.manager, resumed, 'resumed', at);
    await this.emitUpdated(tx, resumed, 'resumed', calendar, at);
    const fired = await this.clocks.milestonesOf(tx.manager, clock.id);
    tx.afterCommit(() => this.timers.arm(resumed, calendar, fired));
  }

  /** A policy or calendar changed: the consumed time is kept, the target and calendar are the new ones. */
  async reschedule(tx: ClockTx, clock: Clock, terms: ClockTerms, now: Date): Promise<boolean> {
    const oldCalendar = await this.calendarOf(tx, clock.calendarId);
    const calendar = await this.calendarOf(tx, terms.calendarId);
    const running = clock.state === 'running';
    const next: Clock = {
      ...clock,
      policyId: terms.policyId,
      calendarId: terms.calendarId,
      targetMs: terms.targetMs,
      consumedMs: consumedAt(clock, oldCalendar, now),
      segmentStartedAt: running ? now : null,
      generation: clock.generation + 1,
    };
    next.dueAt = dueAt(next, calendar);
    const unchanged =
      clock.dueAt !== null && next.dueAt !== null && new Date(clock.dueAt).getTime() === next.dueAt.getTime() && running;
    if (unchanged && clock.policyId === next.policyId) return false;
    await this.clocks.updateClock(tx.manager, next);
    await this.log.append(tx.manager, next, 'rescheduled', now);
    await this.emitUpdated(tx, next, 'policy_changed', calendar, now);
    if (running) {
      const fired = await this.clocks.milestonesOf(tx.manager, clock.id);
      tx.afterCommit(async () => {
        await this.timers.disarm(clock.id, clock.generation);
        await this.timers.arm(next, calendar, fired);
      });
    }
    return true;
  }

  private emitUpdated(
    tx: ClockTx,
    clock: Clock,
    reason: 'paused' | 'resumed' | 'policy_changed',
    calendar: BusinessCalendar,
    at: Date,
  ) {
    return tx.emit(
      slaClockUpdatedEvent,
      {
        ticketId: clock.ticketId,
        clockId: clock.id,
        kind: clock.kind,
        tier: clock.tier,
        state: clock.state === 'paused' ? 'paused' : 'running',
        reason,
        dueAt: iso(clock.dueAt),
        remainingMs: remainingAt(clock, calendar, at),
        updatedAt: at.toISOString(),
      },
      clock.ticketId,
    );
  }
}

/** Adapts a Kafka handler's context to a clock transaction. */
export const txOf = (context: {
  manager: EntityManager;
  cause: { id: string; correlationId: string };
  emit: ClockTx['emit'];
  afterCommit: ClockTx['afterCommit'];
}): ClockTx => ({
  manager: context.manager,
  emit: (d, data, subject) => context.emit(d, data, subject),
  afterCommit: (w) => context.afterCommit(w),
  correlationId: context.cause.correlationId,
  causeEventId: context.cause.id,
});
