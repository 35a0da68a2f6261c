import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Tier } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import type { RoutingConfig } from '../config.js';
import { AssignmentRepository, type TicketRoute } from './assignment.repository.js';
import type { ScoredCandidate } from './candidate-scoring.js';
import { TicketPlacement } from './ticket-placement.js';

/**
 * Hands waiting tickets to agents as capacity frees up: right after a release or an agent coming
 * online, and on a timer that also catches schedules opening and anything a crash interrupted.
 * Each placement is its own short transaction.
 */
/** Waiting tickets looked at per decision: past a full channel, not past the whole queue. */
const QUEUE_LOOKAHEAD = 5;

@Injectable()
export class QueueDrainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueDrainer.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: AssignmentRepository,
    private readonly placement: TicketPlacement,
    private readonly outbox: EventOutbox,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.queueSweepMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      return await this.drain(await this.repo.queuedTiers(this.dataSource.manager), null);
    } catch (error) {
      this.logger.warn(`queue sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  /** Assigns queued tickets of these tiers, best rank first, until a tier has no free agent. */
  async drain(tiers: Tier[], causationId: string | null, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    let assigned = 0;
    for (const tier of new Set(tiers)) {
      while (assigned < limit && (await this.assignNext(tier, causationId))) assigned += 1;
    }
    return assigned;
  }

  /** One decision: the best-ranked waiting ticket of the tier gets the best free agent, or nothing changes. */
  async assignNext(tier: Tier, causationId: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      let route: TicketRoute | undefined;
      let claimed: ScoredCandidate | null = null;
      for (const waiting of await this.repo.lockNextQueued(manager, tier, QUEUE_LOOKAHEAD)) {
        claimed = await this.placement.claimBest(manager, waiting);
        if (claimed) {
          route = waiting;
          break;
        }
      }
      if (!route || !claimed) return false;
      const meta = { subject: route.ticketId, correlationId: route.correlationId ?? route.ticketId, causationId };
      await this.placement.assign(
        manager,
        { route, version: route.version + 1, reason: 'queue', tierReason: 'capacity freed up for a waiting ticket' },
        claimed,
        (definition, data) => this.outbox.append(manager, definition, data, meta),
      );
      return true;
    });
  }
}
