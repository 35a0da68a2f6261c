import { Injectable } from '@nestjs/common';
import { type InquiryTriaged, ticketRoutedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { explainAssignment } from '../assignment-decision.js';
import { AssignmentRepository } from '../assignment.repository.js';
import { tierFor } from '../tier-policy.js';

/** First placement of a triaged ticket: tier by the SOP table, then the least-loaded agent. */
@Injectable()
export class RouteTicketUseCase {
  constructor(private readonly assignments: AssignmentRepository) {}

  async execute(triaged: InquiryTriaged, context: HandlerContext): Promise<void> {
    const { manager } = context;
    const triage = {
      urgency: triaged.urgency.label,
      category: triaged.category.label,
      complexity: triaged.complexity.label,
      component: triaged.component.label,
      confidence: triaged.confidence,
    };
    const { tier, reason } = tierFor(triage, triaged.serviceLevel);
    const created = await this.assignments.createRoute(manager, {
      ticketId: triaged.ticketId,
      tier,
      agentId: null,
      version: 1,
      state: 'open',
      triage,
      serviceLevel: triaged.serviceLevel,
    });
    if (!created) return;
    const agent = await this.assignments.claimAgent(manager, tier);
    const decision = explainAssignment(tier, reason, agent, triaged.confidence);
    await this.assignments.updateRoute(manager, {
      ticketId: triaged.ticketId,
      tier,
      agentId: decision.agentId,
      version: 1,
      state: 'open',
      triage,
      serviceLevel: triaged.serviceLevel,
    });
    await this.assignments.recordAssignment(manager, {
      ticketId: triaged.ticketId,
      version: 1,
      tier,
      ...decision,
      reason: 'initial',
    });
    await context.emit(ticketRoutedEvent, {
      ticketId: triaged.ticketId,
      tier,
      agentId: decision.agentId,
      assignmentVersion: 1,
      score: decision.score,
      confidence: decision.confidence,
      rationale: decision.rationale,
      reason: 'initial',
    });
  }
}
