import { Inject, Injectable } from '@nestjs/common';
import type { InquiryTriaged } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { AssignmentRepository } from '../assignment.repository.js';
import { queuePriority } from '../queue-priority.js';
import { TicketPlacement } from '../ticket-placement.js';
import { TierPolicy } from '../tier-policy.js';

/** First placement of a triaged ticket: tier by policy, then the best-scoring free agent or the queue. */
@Injectable()
export class RouteTicketUseCase {
  constructor(
    private readonly repo: AssignmentRepository,
    private readonly placement: TicketPlacement,
    @Inject(TierPolicy) private readonly policy: TierPolicy,
  ) {}

  async execute(triaged: InquiryTriaged, context: HandlerContext): Promise<void> {
    const { manager } = context;
    const triage = {
      urgency: triaged.urgency.label,
      category: triaged.category.label,
      complexity: triaged.complexity.label,
      component: triaged.component.label,
      confidence: triaged.confidence,
    };
    const { tier, reason } = this.policy.decide(triage, triaged.serviceLevel);
    const created = await this.repo.createRoute(manager, {
      ticketId: triaged.ticketId,
      tier,
      agentId: null,
      version: 1,
      state: 'open',
      triage,
      serviceLevel: triaged.serviceLevel,
      channel: triaged.channel ?? null,
      language: triaged.language ?? null,
      priority: queuePriority(triage.urgency, triaged.serviceLevel),
      queuedAt: null,
      queueRank: null,
      firstRespondedAt: null,
      correlationId: context.cause.correlationId,
    });
    if (!created) return;
    const route = await this.repo.lockRoute(manager, triaged.ticketId);
    if (!route) throw new Error(`route of ${triaged.ticketId} vanished inside its own transaction`);
    await this.placement.place(manager, { route, version: 1, reason: 'initial', tierReason: reason }, (d, data) =>
      context.emit(d, data),
    );
  }
}
