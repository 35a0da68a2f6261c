import { Injectable } from '@nestjs/common';
import type { TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { AssignmentRepository } from '../assignment.repository.js';
import { QueueDrainer } from '../queue-drainer.js';

/** A resolved ticket frees its agent's slot, which goes to the tier's longest-waiting ticket. */
@Injectable()
export class ReleaseTicketUseCase {
  constructor(
    private readonly repo: AssignmentRepository,
    private readonly drainer: QueueDrainer,
  ) {}

  async execute(resolved: TicketResolved, context: HandlerContext): Promise<void> {
    const route = await this.repo.lockRoute(context.manager, resolved.ticketId);
    if (!route || route.state === 'closed') return;
    if (route.agentId) await this.repo.release(context.manager, route.agentId);
    await this.repo.updateRoute(context.manager, { ...route, state: 'closed', queuedAt: null, queueRank: null });
    if (route.agentId) context.afterCommit(async () => void (await this.drainer.drain([route.tier], context.cause.id)));
  }

  /** Agents who answered first keep the ticket when they go offline; rebalancing needs to know. */
  async recordFirstResponse(ticketId: string, respondedAt: Date, context: HandlerContext): Promise<void> {
    const route = await this.repo.lockRoute(context.manager, ticketId);
    if (!route || route.firstRespondedAt) return;
    await this.repo.updateRoute(context.manager, { ...route, firstRespondedAt: respondedAt });
  }
}
