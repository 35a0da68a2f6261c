import { Injectable } from '@nestjs/common';
import type { SlaClockKind, TicketRouted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { ClockRepository } from '../clock.repository.js';
import { ClockLifecycle, txOf } from '../clock-lifecycle.js';
import { PredictRiskUseCase } from '../predict-risk/predict-risk.usecase.js';

/**
 * A routed ticket gets clocks for its tier and service level; a re-route to another tier
 * (escalation) stops the old tier's clocks and starts the new tier's. Stale or repeated routed
 * events start nothing.
 */
@Injectable()
export class StartClocksUseCase {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly lifecycle: ClockLifecycle,
    private readonly risk: PredictRiskUseCase,
  ) {}

  async execute(routed: TicketRouted, context: HandlerContext): Promise<void> {
    const tx = txOf(context);
    const ticket = await this.clocks.lockTicket(tx.manager, routed.ticketId);
    if (ticket.resolvedAt || routed.assignmentVersion <= ticket.routedVersion) return;
    const live = await this.clocks.live(tx.manager, routed.ticketId);
    const next = { ...ticket, routedVersion: routed.assignmentVersion, agentId: routed.agentId, tier: routed.tier };
    next.queuePosition = routed.agentId ? null : ticket.queuePosition;
    // Targets belong to the tier: a new agent in the same tier (queue, rebalance, override) keeps the clocks.
    if (live.length > 0 && live.every((c) => c.tier === routed.tier)) {
      for (const clock of live) await this.clocks.updateClock(tx.manager, { ...clock, agentId: routed.agentId });
      await this.clocks.saveTicket(tx.manager, next);
      await this.risk.assessTicket(tx.manager, routed.ticketId);
      return;
    }
    const now = new Date();
    for (const old of live) await this.lifecycle.stop(tx, old, now, 'rerouted');
    const kinds: SlaClockKind[] = [];
    if (!ticket.firstRespondedAt) kinds.push('first_response');
    if (live.some((c) => c.kind === 'next_response')) kinds.push('next_response');
    kinds.push('resolution');
    for (const kind of kinds) await this.lifecycle.start(tx, next, kind, now, routed.assignmentVersion);
    await this.clocks.saveTicket(tx.manager, next);
    await this.risk.assessTicket(tx.manager, routed.ticketId);
  }
}
