import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventData, EventDefinition, InquiryTriaged } from '@switchboard/contracts';
import { EventOutbox, type HandlerContext } from '@switchboard/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { ClockRepository } from '../clock.repository.js';
import { ClockLifecycle, type ClockTx, txOf } from '../clock-lifecycle.js';

/**
 * Due times and alarms follow the policy: after a policy or calendar edit every live clock it
 * governs is retimed (consumed time kept), as is a ticket whose service level became known.
 */
@Injectable()
export class RecomputeClocksUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
    private readonly lifecycle: ClockLifecycle,
    private readonly outbox: EventOutbox,
  ) {}

  /** Each ticket in its own transaction, so a large policy change never holds thousands of locks at once. */
  async forChange(by: { policyId?: string; calendarId?: string }): Promise<number> {
    const tickets = await this.clocks.liveTicketsOf(this.dataSource.manager, by);
    let changed = 0;
    const correlationId = randomUUID();
    for (const ticketId of tickets) {
      const afterCommit: (() => Promise<void>)[] = [];
      changed += await this.dataSource.transaction(async (manager) =>
        this.retime(this.httpTx(manager, correlationId, afterCommit), ticketId),
      );
      for (const work of afterCommit) await work();
    }
    return changed;
  }

  async onTriaged(triaged: InquiryTriaged, context: HandlerContext): Promise<void> {
    const tx = txOf(context);
    const ticket = await this.clocks.lockTicket(tx.manager, triaged.ticketId);
    if (ticket.serviceLevel === triaged.serviceLevel) return;
    await this.clocks.saveTicket(tx.manager, { ...ticket, serviceLevel: triaged.serviceLevel });
    await this.retime(tx, triaged.ticketId);
  }

  private async retime(tx: ClockTx, ticketId: string): Promise<number> {
    const ticket = await this.clocks.lockTicket(tx.manager, ticketId);
    let changed = 0;
    const now = new Date();
    for (const clock of await this.clocks.live(tx.manager, ticketId)) {
      const terms = await this.lifecycle.terms(tx, { ...ticket, tier: clock.tier }, clock.kind);
      if (await this.lifecycle.reschedule(tx, clock, terms, now)) changed++;
    }
    return changed;
  }

  private httpTx(manager: EntityManager, correlationId: string, afterCommit: (() => Promise<void>)[]): ClockTx {
    return {
      manager,
      emit: <TDef extends EventDefinition>(d: TDef, data: EventData<TDef>, subject: string) =>
        this.outbox.append(manager, d, data, { subject, correlationId, causationId: null }),
      afterCommit: (work) => afterCommit.push(work),
      correlationId,
      causeEventId: randomUUID(),
    };
  }
}
