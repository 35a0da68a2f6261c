import { Injectable } from '@nestjs/common';
import type { TicketStatus as LifecycleStatus } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ResolveTicketUseCase } from '../tickets/resolve-ticket/resolve-ticket.usecase.js';
import { TicketRepository } from '../tickets/ticket.repository.js';
import { isUuid, ticketOrFail } from '../tickets/ticket-guards.js';
import type { ChangeTicketStatusCommand } from './change-ticket-status.command.js';
import { assertTransition } from './ticket-lifecycle.js';
import { TicketStatusWriter } from './ticket-status-writer.js';

export interface StatusChanged {
  ticketId: string;
  from: LifecycleStatus;
  to: LifecycleStatus;
  reopenCount: number;
}

/**
 * An explicit lifecycle move (an agent, or another feature such as a survey reopening a ticket
 * after a low score). Illegal transitions are 409 `INTAKE.ILLEGAL_STATUS_TRANSITION`.
 */
@Injectable()
export class ChangeTicketStatusUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly status: TicketStatusWriter,
    private readonly resolve: ResolveTicketUseCase,
  ) {}

  execute(command: ChangeTicketStatusCommand): Promise<StatusChanged> {
    return this.tickets.transaction((manager) => this.executeWithin(manager, command, null));
  }

  /** For callers already inside a transaction (a Kafka handler): the change commits with their work. */
  async executeWithin(
    manager: EntityManager,
    command: ChangeTicketStatusCommand,
    causationId: string | null,
  ): Promise<StatusChanged> {
    const ticket = ticketOrFail(
      isUuid(command.ticketId) ? await this.tickets.lockById(manager, command.ticketId) : null,
      command.ticketId,
    );
    const from = ticket.lifecycleStatus;
    assertTransition(ticket.id, from, command.to);
    if (command.to === 'resolved') {
      // Resolving also emits `ticket.resolved`, which SLA and knowledge listen for.
      await this.resolve.resolveWithin(manager, ticket, command.changedBy, command.reason, causationId);
    } else {
      await this.status.change(manager, ticket, {
        to: command.to,
        changedBy: command.changedBy,
        reason: command.reason,
        causationId,
      });
    }
    return { ticketId: ticket.id, from, to: command.to, reopenCount: ticket.reopenCount };
  }
}
