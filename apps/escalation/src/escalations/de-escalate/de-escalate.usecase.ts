import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Tier, TIERS, ticketDeEscalatedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { conflict } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { EscalationRepository } from '../escalation.repository.js';
import { txOfRequest } from '../escalation-tx.js';
import type { DeEscalate } from '../request-escalation/escalation.commands.js';

/** Hands a ticket back one tier down; routing moves it to that tier's agents. */
@Injectable()
export class DeEscalateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly repo: EscalationRepository,
  ) {}

  execute(command: DeEscalate): Promise<{ deEscalationId: string; fromTier: Tier; toTier: Tier }> {
    return this.dataSource.transaction(async (manager) => {
      const ctx = await this.repo.lockContext(manager, command.ticketId);
      if (!ctx.tier) throw conflict('ESCALATION.NOT_ROUTED', `ticket ${command.ticketId} has no tier yet`);
      if (ctx.tier === 'L1') throw conflict('ESCALATION.BOTTOM_TIER', `ticket ${command.ticketId} is at L1 already`);
      const fromTier = ctx.tier;
      const toTier = TIERS[TIERS.indexOf(fromTier) - 1];
      const deEscalationId = randomUUID();
      await this.repo.insertDeEscalation(manager, { ...command, id: deEscalationId, fromTier, toTier });
      await this.repo.saveContext(manager, { ...ctx, tier: toTier });
      await txOfRequest(manager, this.outbox, command.ticketId).emit(ticketDeEscalatedEvent, {
        ticketId: command.ticketId,
        deEscalationId,
        fromTier,
        toTier,
        reason: command.reason,
        requestedBy: command.requestedBy,
        deEscalatedAt: new Date().toISOString(),
      });
      return { deEscalationId, fromTier, toTier };
    });
  }
}
