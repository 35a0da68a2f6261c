import { Injectable } from '@nestjs/common';
import { type TicketEscalated, ticketRoutedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { explainAssignment } from '../assignment-decision.js';
import { AssignmentRepository } from '../assignment.repository.js';

/** An escalated ticket leaves its agent and goes to the least-loaded agent of the new tier. */
@Injectable()
export class RerouteTicketUseCase {
  constructor(private readonly assignments: AssignmentRepository) {}

  async execute(escalated: TicketEscalated, context: HandlerContext): Promise<void> {
    const { manager } = context;
    const route = await this.assignments.lockRoute(manager, escalated.ticketId);
    if (!route || route.state === 'closed' || route.tier === escalated.toTier) return;
    if (route.agentId) await this.assignments.releaseAgent(manager, route.agentId);
    const agent = await this.assignments.claimAgent(manager, escalated.toTier);
    const decision = explainAssignment(
      escalated.toTier,
      `escalated from ${escalated.fromTier}: ${escalated.reason}`,
      agent,
      route.triage.confidence,
    );
    const version = route.version + 1;
    await this.assignments.updateRoute(manager, { ...route, tier: escalated.toTier, agentId: decision.agentId, version });
    await this.assignments.recordAssignment(manager, {
      ticketId: route.ticketId,
      version,
      tier: escalated.toTier,
      ...decision,
      reason: 'escalation',
    });
    await context.emit(ticketRoutedEvent, {
      ticketId: route.ticketId,
      tier: escalated.toTier,
      agentId: decision.agentId,
      assignmentVersion: version,
      score: decision.score,
      confidence: decision.confidence,
      rationale: decision.rationale,
      reason: 'escalation',
    });
  }
}
