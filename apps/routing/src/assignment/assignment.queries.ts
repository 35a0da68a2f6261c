import { Inject, Injectable } from '@nestjs/common';
import { type Tier, tierSchema } from '@switchboard/contracts';
import { notFound, parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AssignmentRepository } from './assignment.repository.js';
import { TierPolicy } from './tier-policy.js';

export const accuracyQuery = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});
export const queueQuery = z.object({ tier: tierSchema.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Read side of routing: assignments with history, the queue, accuracy, the tier policy. */
@Injectable()
export class AssignmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: AssignmentRepository,
    @Inject(TierPolicy) private readonly policy: TierPolicy,
  ) {}

  async assignment(ticketId: string) {
    const manager = this.dataSource.manager;
    const route = /^[0-9a-f-]{36}$/i.test(ticketId) ? await this.repo.lockRoute(manager, ticketId) : null;
    if (!route) throw notFound('ROUTING.ASSIGNMENT_NOT_FOUND', `ticket ${ticketId} has not been routed`);
    const position = route.state === 'queued' ? await this.repo.queuePosition(manager, route) : null;
    return {
      ticketId: route.ticketId,
      tier: route.tier,
      agentId: route.agentId,
      version: route.version,
      state: route.state,
      queuePosition: position,
      firstRespondedAt: route.firstRespondedAt,
      history: await this.repo.assignmentsOf(manager, ticketId),
    };
  }

  queue(input: unknown): Promise<{ ticketId: string; tier: Tier; priority: number; queuedAt: Date; position: number }[]> {
    const q = parseInput(queueQuery, input, 'ROUTING.INVALID_QUERY');
    return this.repo.queue(this.dataSource.manager, q.tier, q.limit);
  }

  /** Routing accuracy: the share of automatic placements that no supervisor overrode. */
  async accuracy(input: unknown) {
    const q = parseInput(accuracyQuery, input, 'ROUTING.INVALID_QUERY');
    const { decisions, overridden } = await this.repo.accuracy(
      this.dataSource.manager,
      q.since ? new Date(q.since) : null,
      q.until ? new Date(q.until) : null,
    );
    return {
      decisions,
      overridden,
      accuracy: decisions === 0 ? null : Math.round((1 - overridden / decisions) * 10_000) / 10_000,
    };
  }

  tierPolicy() {
    return this.policy.config;
  }
}
