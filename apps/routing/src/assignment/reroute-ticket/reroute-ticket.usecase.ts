import { Injectable } from '@nestjs/common';
import type { TicketEscalated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { AssignmentRepository } from '../assignment.repository.js';
import { TicketPlacement } from '../ticket-placement.js';

/** An escalated ticket leaves its agent (or its queue) for the next tier's agents or queue. */
@Injectable()
export class RerouteTicketUseCase {
  constructor(
    private readonly repo: AssignmentRepository,
    private readonly placement: TicketPlacement,
  ) {}

  async execute(escalated: TicketEscalated, context: HandlerContext): Promise<void> {
    const { manager } = context;
    const route = await this.repo.lockRoute(manager, escalated.ticketId);
    if (!route || route.state === 'closed' || route.tier === escalated.toTier) return;
    if (route.agentId) await this.repo.release(manager, route.agentId);
    await this.placement.place(
      manager,
      {
        route: { ...route, tier: escalated.toTier, agentId: null },
        version: route.version + 1,
        reason: 'escalation',
        tierReason: `escalated from ${escalated.fromTier}: ${escalated.reason}`,
      },
      (d, data) => context.emit(d, data),
    );
  }
}
