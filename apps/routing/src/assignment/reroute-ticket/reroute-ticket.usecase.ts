import { Injectable } from '@nestjs/common';
import type { TicketEscalated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { AssignmentRepository } from '../assignment.repository.js';
import { TicketPlacement } from '../ticket-placement.js';

/** A tier move a ticket makes: up by escalation, or back down by de-escalation. */
export type TierMove = Pick<TicketEscalated, 'ticketId' | 'fromTier' | 'toTier' | 'reason'>;

/** An escalated (or de-escalated) ticket leaves its agent (or its queue) for the new tier's agents or queue. */
@Injectable()
export class RerouteTicketUseCase {
  constructor(
    private readonly repo: AssignmentRepository,
    private readonly placement: TicketPlacement,
  ) {}

  async execute(escalated: TierMove, context: HandlerContext, verb = 'escalated'): Promise<void> {
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
        tierReason: `${verb} from ${escalated.fromTier}: ${escalated.reason}`,
      },
      (d, data) => context.emit(d, data),
    );
  }
}
