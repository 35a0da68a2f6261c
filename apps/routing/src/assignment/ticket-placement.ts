import { Inject, Injectable } from '@nestjs/common';
import {
  type EventData,
  type EventDefinition,
  type ServiceLevel,
  ticketQueuedEvent,
  ticketRoutedEvent,
  type TicketRouted,
} from '@switchboard/contracts';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import { isWithinSchedule } from '../agents/availability.js';
import type { RoutingConfig } from '../config.js';
import { AssignmentRepository, type TicketRoute } from './assignment.repository.js';
import { explainFactors, rankCandidates, type ScoredCandidate, type TicketNeeds } from './candidate-scoring.js';
import { customerPriority, queueRank } from './queue-priority.js';

/** Emits an event about the ticket being placed, inside the placing transaction. */
export type TicketEmitter = <T extends EventDefinition>(definition: T, data: EventData<T>) => Promise<unknown>;

export interface PlacementRequest {
  route: TicketRoute;
  version: number;
  reason: TicketRouted['reason'];
  tierReason: string;
}

/** How many ranked agents to try when the best ones filled up between scoring and locking. */
const MAX_CLAIM_ATTEMPTS = 5;

/**
 * Gives a locked ticket route an agent, or puts it in its tier's queue. Agents are scored
 * without locks; only the chosen agent is locked and re-checked, so parallel routers never
 * over-fill an agent and never block each other on agents they do not pick.
 */
@Injectable()
export class TicketPlacement {
  constructor(
    private readonly repo: AssignmentRepository,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
  ) {}

  needsOf(route: TicketRoute): TicketNeeds {
    return {
      tier: route.tier,
      component: route.triage.component,
      channel: route.channel ?? undefined,
      language: route.language ?? undefined,
      customerPriority: customerPriority(route.serviceLevel as ServiceLevel),
    };
  }

  /** Claims the best available agent; null when nobody in the tier can take the ticket now. */
  async claimBest(manager: EntityManager, route: TicketRoute): Promise<ScoredCandidate | null> {
    const now = new Date();
    const needs = this.needsOf(route);
    const pool = (await this.repo.candidates(manager, route.tier)).filter((c) => isWithinSchedule(c, now));
    for (const ranked of rankCandidates(needs, pool).slice(0, MAX_CLAIM_ATTEMPTS)) {
      const locked = await this.repo.lockCandidate(manager, ranked.candidate.id);
      if (!locked || !isWithinSchedule(locked, now)) continue;
      const [fresh] = rankCandidates(needs, [locked]);
      if (!fresh) continue;
      await this.repo.claim(manager, locked.id);
      return fresh;
    }
    return null;
  }

  /** Places the ticket with an agent if one is free, otherwise queues it; emits routed (and queued). */
  async place(manager: EntityManager, request: PlacementRequest, emit: TicketEmitter): Promise<TicketRoute> {
    const { route, version, reason, tierReason } = request;
    const claimed = await this.claimBest(manager, route);
    if (claimed) return this.assign(manager, request, claimed, emit);
    const queuedAt = route.queuedAt ? new Date(route.queuedAt) : new Date();
    const queued: TicketRoute = {
      ...route,
      agentId: null,
      version,
      state: 'queued',
      queuedAt,
      queueRank: queueRank(route.priority, queuedAt, this.config.agingPerMinute),
    };
    await this.repo.updateRoute(manager, queued);
    const waiting = `no online ${route.tier} agent has free capacity; the ticket waits in the ${route.tier} queue`;
    const confidence = round(route.triage.confidence * 0.5);
    await this.repo.recordAssignment(manager, {
      ticketId: route.ticketId,
      version,
      tier: route.tier,
      agentId: null,
      score: 0,
      confidence,
      rationale: [`tier ${route.tier}: ${tierReason}`, waiting],
      reason,
    });
    await emit(ticketRoutedEvent, {
      ticketId: route.ticketId,
      tier: route.tier,
      agentId: null,
      assignmentVersion: version,
      score: 0,
      confidence,
      rationale: [`tier ${route.tier}: ${tierReason}`, waiting],
      reason,
    });
    await emit(ticketQueuedEvent, {
      ticketId: route.ticketId,
      tier: route.tier,
      position: await this.repo.queuePosition(manager, queued),
      priority: route.priority,
      reason: waiting,
      queuedAt: queuedAt.toISOString(),
    });
    return queued;
  }

  async assign(
    manager: EntityManager,
    request: PlacementRequest,
    claimed: ScoredCandidate,
    emit: TicketEmitter,
  ): Promise<TicketRoute> {
    const { route, version, reason, tierReason } = request;
    const assigned: TicketRoute = {
      ...route,
      agentId: claimed.candidate.id,
      version,
      state: 'open',
      queuedAt: null,
      queueRank: null,
    };
    await this.repo.updateRoute(manager, assigned);
    const rationale = [
      `tier ${route.tier}: ${tierReason}`,
      `${claimed.candidate.name} (${claimed.candidate.id}) scored ${claimed.score}: ${explainFactors(claimed, this.needsOf(route)).join('; ')}`,
    ];
    const confidence = round(Math.min(1, route.triage.confidence * 0.5 + claimed.score * 0.5));
    await this.repo.recordAssignment(manager, {
      ticketId: route.ticketId,
      version,
      tier: route.tier,
      agentId: claimed.candidate.id,
      score: claimed.score,
      confidence,
      rationale,
      reason,
    });
    await emit(ticketRoutedEvent, {
      ticketId: route.ticketId,
      tier: route.tier,
      agentId: claimed.candidate.id,
      assignmentVersion: version,
      score: claimed.score,
      confidence,
      rationale,
      reason,
    });
    return assigned;
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
