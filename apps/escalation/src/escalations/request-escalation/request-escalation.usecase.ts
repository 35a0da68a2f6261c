import { Injectable } from '@nestjs/common';
import { EventOutbox } from '@switchboard/messaging';
import { conflict } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { EscalateTicketUseCase, type EscalationOutcome } from '../escalate-ticket/escalate-ticket.usecase.js';
import { txOfRequest } from '../escalation-tx.js';
import type { RequestEscalation } from './escalation.commands.js';

/** An agent asks for the next tier: the fix needs a code change, security is involved, or a manual call. */
@Injectable()
export class RequestEscalationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly escalate: EscalateTicketUseCase,
  ) {}

  async execute(command: RequestEscalation): Promise<EscalationOutcome> {
    const result = await this.dataSource.transaction((manager) =>
      this.escalate.execute(txOfRequest(manager, this.outbox, command.ticketId), {
        ticketId: command.ticketId,
        trigger: command.trigger,
        reason: `${command.reason} (requested by ${command.requestedBy})`,
      }),
    );
    if (result.outcome === 'already_escalated') {
      throw conflict(
        'ESCALATION.ALREADY_ESCALATED',
        `ticket ${command.ticketId} was already escalated for ${command.trigger} at this tier`,
      );
    }
    if (result.outcome === 'trigger_disabled') {
      throw conflict('ESCALATION.TRIGGER_DISABLED', `${command.trigger} is not an escalation trigger in this deployment`);
    }
    if (result.outcome === 'top_tier') throw conflict('ESCALATION.TOP_TIER', `ticket ${command.ticketId} is at L4 already`);
    return result;
  }
}
