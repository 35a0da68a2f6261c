import { Injectable } from '@nestjs/common';
import type {
  CustomerReplied,
  InquiryReceived,
  InquiryTriaged,
  SelfServiceFailed,
  SentimentAssessed,
  SlaAtRisk,
  SlaBreached,
  SlaClockStarted,
  SlaClockStopped,
  SlaClockUpdated,
  SlaWarning,
  TicketResponded,
  TicketRouted,
  TicketStatusChanged,
} from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { EscalateTicketUseCase } from '../escalate-ticket/escalate-ticket.usecase.js';
import { EscalationRepository } from '../escalation.repository.js';
import { txOfContext } from '../escalation-tx.js';
import { isWorsening, type SentimentReading } from '../sentiment-trend.js';
import { hasSecurityImplications, isCritical, REOPEN_LIMIT } from '../trigger-signals.js';

/**
 * Folds the events escalation consumes into its own projection of each ticket (for the handoff
 * package) and fires the SOP's escalation triggers they carry.
 */
@Injectable()
export class ProjectEventsUseCase {
  constructor(
    private readonly repo: EscalationRepository,
    private readonly escalate: EscalateTicketUseCase,
  ) {}

  async onReceived(e: InquiryReceived, c: HandlerContext): Promise<void> {
    const ctx = await this.repo.lockContext(c.manager, e.ticketId);
    const customer = { id: e.customer.id, serviceLevel: e.customer.serviceLevel, channel: e.channel };
    await this.repo.saveContext(c.manager, { ...ctx, customer, environment: { ...ctx.environment, ...(e.environment ?? {}) } });
    await this.repo.appendTimeline(c.manager, c.cause.id, e.ticketId, {
      kind: 'inquiry',
      at: new Date(e.receivedAt),
      payload: { author: e.customer.id, body: `${e.subject}\n\n${e.body}` },
    });
  }

  async onTriaged(e: InquiryTriaged, c: HandlerContext): Promise<void> {
    const ctx = await this.repo.lockContext(c.manager, e.ticketId);
    const triage = {
      labels: {
        urgency: e.urgency,
        category: e.category,
        complexity: e.complexity,
        userType: e.userType,
        component: e.component,
        sentiment: e.sentiment,
      },
      confidence: e.confidence,
      rationale: e.rationale,
      guidance: e.guidance,
      modelVersion: e.modelVersion,
    };
    await this.repo.saveContext(c.manager, { ...ctx, triage });
    await this.repo.appendTimeline(c.manager, c.cause.id, e.ticketId, {
      kind: 'sentiment',
      at: new Date(),
      payload: { sentiment: e.sentiment.label, confidence: e.sentiment.confidence },
    });
    const tx = txOfContext(c);
    if (isCritical(e)) {
      await this.escalate.execute(tx, {
        ticketId: e.ticketId,
        trigger: 'critical_urgency',
        reason: 'triage rated the urgency critical',
      });
    }
    if (hasSecurityImplications(e)) {
      await this.escalate.execute(tx, {
        ticketId: e.ticketId,
        trigger: 'security',
        reason: 'triage found security implications',
      });
    }
  }

  async onRouted(e: TicketRouted, c: HandlerContext): Promise<void> {
    const ctx = await this.repo.lockContext(c.manager, e.ticketId);
    if (e.assignmentVersion <= ctx.routedVersion) return;
    const routed = { ...ctx, tier: e.tier, routedVersion: e.assignmentVersion };
    await this.repo.saveContext(c.manager, routed);
    await this.escalate.applyPending(txOfContext(c), routed);
  }

  async onResponded(e: TicketResponded, c: HandlerContext): Promise<void> {
    await this.repo.appendTimeline(c.manager, c.cause.id, e.ticketId, {
      kind: 'agent_response',
      at: new Date(e.respondedAt),
      payload: { author: e.authorId, body: e.body },
    });
  }

  async onCustomerReplied(e: CustomerReplied, c: HandlerContext): Promise<void> {
    await this.repo.appendTimeline(c.manager, c.cause.id, e.ticketId, {
      kind: 'customer_reply',
      at: new Date(e.repliedAt),
      payload: { author: null, body: e.body, channel: e.channel },
    });
  }

  async onSelfServiceFailed(e: SelfServiceFailed, c: HandlerContext): Promise<void> {
    await this.repo.appendTimeline(c.manager, c.cause.id, e.ticketId, {
      kind: 'self_service',
      at: new Date(e.failedAt),
      payload: { articleId: e.articleId, stepsTried: e.stepsTried },
    });
  }

  async onSentiment(e: SentimentAssessed, c: HandlerContext): Promise<void> {
    await this.repo.lockContext(c.manager, e.ticketId);
    await this.repo.appendTimeline(c.manager, c.cause.id, e.ticketId, {
      kind: 'sentiment',
      at: new Date(e.assessedAt),
      payload: { sentiment: e.sentiment, confidence: e.confidence, messageId: e.messageId },
    });
    const readings = (await this.repo.timeline(c.manager, e.ticketId, ['sentiment'])).map(
      (t) => t.payload as unknown as SentimentReading,
    );
    if (isWorsening(readings)) {
      await this.escalate.execute(txOfContext(c), {
        ticketId: e.ticketId,
        trigger: 'sentiment',
        reason: `customer sentiment worsening over the last messages (${readings
          .slice(-3)
          .map((r) => r.sentiment)
          .join(' → ')})`,
      });
    }
  }

  async onStatusChanged(e: TicketStatusChanged, c: HandlerContext): Promise<void> {
    const ctx = await this.repo.lockContext(c.manager, e.ticketId);
    await this.repo.saveContext(c.manager, { ...ctx, reopenCount: Math.max(ctx.reopenCount, e.reopenCount) });
    if (e.to === 'open' && e.reopenCount >= REOPEN_LIMIT) {
      await this.escalate.execute(txOfContext(c), {
        ticketId: e.ticketId,
        trigger: 'reopened',
        reason: `ticket reopened ${e.reopenCount} times`,
      });
    }
  }

  async onClockStarted(e: SlaClockStarted, c: HandlerContext): Promise<void> {
    await this.repo.upsertClock(
      c.manager,
      e.ticketId,
      { clockId: e.clockId, kind: e.kind, tier: e.tier, state: 'running', dueAt: new Date(e.dueAt) },
      new Date(e.startedAt),
    );
  }

  async onClockStopped(e: SlaClockStopped, c: HandlerContext): Promise<void> {
    await this.repo.upsertClock(
      c.manager,
      e.ticketId,
      { clockId: e.clockId, kind: e.kind, state: 'stopped' },
      new Date(e.stoppedAt),
    );
  }

  async onClockUpdated(e: SlaClockUpdated, c: HandlerContext): Promise<void> {
    await this.repo.upsertClock(
      c.manager,
      e.ticketId,
      {
        clockId: e.clockId,
        kind: e.kind,
        tier: e.tier,
        state: e.state,
        dueAt: e.dueAt ? new Date(e.dueAt) : null,
        remainingMs: e.remainingMs,
      },
      new Date(e.updatedAt),
    );
  }

  async onWarning(e: SlaWarning, c: HandlerContext): Promise<void> {
    await this.repo.upsertClock(
      c.manager,
      e.ticketId,
      { clockId: e.clockId, kind: e.kind, tier: e.tier, lastWarning: e.thresholdPercent },
      new Date(),
    );
  }

  async onBreached(e: SlaBreached, c: HandlerContext): Promise<void> {
    await this.repo.upsertClock(
      c.manager,
      e.ticketId,
      { clockId: e.clockId, kind: e.kind, tier: e.tier, state: 'breached' },
      new Date(e.breachedAt),
    );
    await this.escalate.execute(txOfContext(c), {
      ticketId: e.ticketId,
      trigger: 'sla_breach',
      atTier: e.tier,
      reason: `${e.kind.replace('_', ' ')} target missed at ${e.tier} (due ${e.dueAt})`,
    });
  }

  async onAtRisk(e: SlaAtRisk, c: HandlerContext): Promise<void> {
    await this.escalate.execute(txOfContext(c), {
      ticketId: e.ticketId,
      trigger: 'sla_at_risk',
      atTier: e.tier,
      reason: `${e.kind.replace('_', ' ')} target at risk at ${e.tier}: ${e.reasons.join('; ')}`,
    });
  }
}
