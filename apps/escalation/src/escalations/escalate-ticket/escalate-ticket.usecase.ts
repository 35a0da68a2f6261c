import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type EscalationTrigger,
  expertNotifiedEvent,
  handoffPreparedEvent,
  type Tier,
  TIERS,
  ticketEscalatedEvent,
} from '@switchboard/contracts';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { EscalationConfig } from '../../config.js';
import { EscalationRepository, type TicketContext } from '../escalation.repository.js';
import type { EscalationTx } from '../escalation-tx.js';
import { escalationStep } from '../escalation-path.js';
import { buildHandoff } from '../handoff/handoff-builder.js';

export interface TriggerFired {
  ticketId: string;
  trigger: EscalationTrigger;
  reason: string;
  /** The tier the trigger was observed at (an SLA clock's tier); a trigger from a tier the ticket has left is stale. */
  atTier?: Tier;
}

export type EscalationOutcome =
  | { outcome: 'escalated'; escalationId: string; handoffId: string; fromTier: Tier; toTier: Tier }
  | { outcome: 'pending' | 'stale' | 'top_tier' | 'already_escalated' | 'trigger_disabled' };

const rank = (t: Tier) => TIERS.indexOf(t);

/**
 * One SOP trigger moves a ticket one tier up, never past L4 and never twice for the same trigger at
 * the same tier. Every escalation publishes the escalated event, its versioned handoff package and
 * a notice to experts with the skill the ticket needs.
 */
@Injectable()
export class EscalateTicketUseCase {
  private readonly logger = new Logger(EscalateTicketUseCase.name);

  constructor(
    private readonly repo: EscalationRepository,
    @Inject(SERVICE_CONFIG) private readonly config: EscalationConfig,
  ) {}

  async execute(tx: EscalationTx, fired: TriggerFired): Promise<EscalationOutcome> {
    if (!this.config.enabledTriggers.includes(fired.trigger)) {
      this.logger.log(`${fired.ticketId}: ${fired.trigger} does not escalate here (ESCALATION_TRIGGERS)`);
      return { outcome: 'trigger_disabled' };
    }
    const ctx = await this.repo.lockContext(tx.manager, fired.ticketId);
    const current = ctx.tier ?? fired.atTier ?? null;
    if (!current) {
      // Not routed yet: the trigger waits for the ticket's first tier.
      if (!ctx.pending.some((p) => p.trigger === fired.trigger)) {
        await this.repo.saveContext(tx.manager, {
          ...ctx,
          pending: [...ctx.pending, { trigger: fired.trigger, reason: fired.reason }],
        });
      }
      return { outcome: 'pending' };
    }
    if (fired.atTier && rank(fired.atTier) < rank(current)) return { outcome: 'stale' };
    return this.step(tx, ctx, current, fired);
  }

  /** Triggers that fired before the ticket had a tier are applied once routing gives it one. */
  async applyPending(tx: EscalationTx, ctx: TicketContext): Promise<void> {
    const pending = ctx.pending;
    if (pending.length === 0 || !ctx.tier) return;
    let latest: TicketContext = { ...ctx, pending: [] };
    await this.repo.saveContext(tx.manager, latest);
    for (const p of pending) {
      latest = await this.repo.lockContext(tx.manager, ctx.ticketId);
      if (latest.tier) await this.step(tx, latest, latest.tier, { ticketId: ctx.ticketId, ...p });
    }
  }

  private async step(tx: EscalationTx, ctx: TicketContext, from: Tier, fired: TriggerFired): Promise<EscalationOutcome> {
    if (from === 'L4') {
      this.logger.log(`${fired.ticketId}: ${fired.trigger} at L4, the top tier; nothing higher to escalate to`);
      return { outcome: 'top_tier' };
    }
    // A prediction moves a ticket up once: each new tier starts a new queue wait, so a congested
    // queue would otherwise predict a miss again at every tier and walk the ticket up to L4.
    if (fired.trigger === 'sla_at_risk' && (await this.repo.hasEscalated(tx.manager, fired.ticketId, 'sla_at_risk'))) {
      return { outcome: 'already_escalated' };
    }
    const step = escalationStep(from);
    const escalationId = randomUUID();
    const handoffId = randomUUID();
    const reason = `${fired.reason}; handed to ${step.owner}`;
    const inserted = await this.repo.insertEscalation(tx.manager, {
      id: escalationId,
      ticketId: fired.ticketId,
      fromTier: from,
      toTier: step.to,
      trigger: fired.trigger,
      reason,
      causeEventId: tx.causeEventId,
      handoffId,
    });
    if (!inserted) return { outcome: 'already_escalated' };
    await this.repo.saveContext(tx.manager, { ...ctx, tier: step.to });
    const now = new Date();
    const pkg = {
      ...buildHandoff(
        {
          ticketId: fired.ticketId,
          customer: ctx.customer,
          environment: ctx.environment,
          triage: ctx.triage,
          reopenCount: ctx.reopenCount,
          timeline: await this.repo.timeline(tx.manager, fired.ticketId),
          clocks: await this.repo.clocks(tx.manager, fired.ticketId),
        },
        { escalationId, fromTier: from, toTier: step.to, trigger: fired.trigger, reason },
        now,
      ),
      handoffId,
    };
    await this.repo.insertHandoff(tx.manager, pkg);
    await tx.emit(ticketEscalatedEvent, {
      ticketId: fired.ticketId,
      escalationId,
      fromTier: from,
      toTier: step.to,
      trigger: fired.trigger,
      reason,
      escalatedAt: now.toISOString(),
      handoffId,
    });
    await tx.emit(handoffPreparedEvent, pkg);
    const skill = skillNeeded(ctx, fired.trigger);
    await tx.emit(expertNotifiedEvent, {
      ticketId: fired.ticketId,
      escalationId,
      skill,
      experts: await this.repo.expertsFor(tx.manager, skill),
      tier: step.to,
      reason,
      notifiedAt: now.toISOString(),
    });
    return { outcome: 'escalated', escalationId, handoffId, fromTier: from, toTier: step.to };
  }
}

/** Security and code changes name their own skill; otherwise the component triage found. */
function skillNeeded(ctx: TicketContext, trigger: EscalationTrigger): string {
  if (trigger === 'security') return 'security';
  const component = ctx.triage?.labels.component?.label;
  if (component && component !== 'other') return component;
  return trigger === 'code_change' ? 'engineering' : 'general-support';
}
