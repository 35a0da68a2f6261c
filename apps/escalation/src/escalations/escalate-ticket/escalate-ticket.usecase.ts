import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type SlaBreached, ticketEscalatedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { escalationStep } from '../escalation-path.js';

/** A missed SLA target moves the ticket one tier up, once per tier. */
@Injectable()
export class EscalateTicketUseCase {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onBreach(breach: SlaBreached, context: HandlerContext): Promise<void> {
    const step = escalationStep(breach.tier);
    const escalationId = randomUUID();
    const reason = `${breach.kind.replace('_', ' ')} target missed at ${breach.tier} (due ${breach.dueAt}); handed to ${step.owner}`;
    const inserted = await context.manager.query(
      `INSERT INTO "${this.config.database.schema}".escalations (id, ticket_id, from_tier, to_tier, trigger, reason, cause_event_id)
       VALUES ($1, $2, $3, $4, 'sla_breach', $5, $6) ON CONFLICT (ticket_id, from_tier) DO NOTHING RETURNING id`,
      [escalationId, breach.ticketId, breach.tier, step.to, reason, context.cause.id],
    );
    if (inserted.length === 0) return;
    await context.emit(ticketEscalatedEvent, {
      ticketId: breach.ticketId,
      escalationId,
      fromTier: breach.tier,
      toTier: step.to,
      trigger: 'sla_breach',
      reason,
      escalatedAt: new Date().toISOString(),
    });
  }
}
