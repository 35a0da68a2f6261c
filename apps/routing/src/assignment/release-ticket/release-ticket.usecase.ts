import { Injectable } from '@nestjs/common';
import type { TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { AssignmentRepository } from '../assignment.repository.js';

/** A resolved ticket frees its agent's slot. */
@Injectable()
export class ReleaseTicketUseCase {
  constructor(private readonly assignments: AssignmentRepository) {}

  async execute(resolved: TicketResolved, context: HandlerContext): Promise<void> {
    const route = await this.assignments.lockRoute(context.manager, resolved.ticketId);
    if (!route || route.state === 'closed') return;
    if (route.agentId) await this.assignments.releaseAgent(context.manager, route.agentId);
    await this.assignments.updateRoute(context.manager, { ...route, state: 'closed' });
  }
}
