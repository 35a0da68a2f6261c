import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { selfServiceFailedEvent, selfServiceResolvedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { AppError, conflict, notFound, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { ArticleStatsRepository } from '../outcomes/article-stats.repository.js';
import { articleSteps } from './article-steps.js';
import type { RecordCheckpointCommand, StartSessionCommand } from './self-service.commands.js';

interface Outcome {
  step: number;
  worked: boolean;
  note?: string;
  at: string;
}

export interface SessionView {
  sessionId: string;
  ticketId: string;
  articleId: string;
  state: 'active' | 'resolved' | 'escalated';
  totalSteps: number;
  /** The step to try now; null once the session has ended. */
  step: { number: number; text: string } | null;
  outcomes: Outcome[];
}

/**
 * Walks a customer through an article's steps with a checkpoint after each. A step that worked
 * resolves the ticket as self-served; running out of steps hands it to people with what was tried.
 */
@Injectable()
export class GuidedSessionUseCase {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly stats: ArticleStatsRepository,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.s = config.database.schema;
  }

  async start(command: StartSessionCommand): Promise<SessionView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const [known] = await manager.query(`SELECT 1 FROM "${this.s}".suggestions WHERE ticket_id = $1`, [command.ticketId]);
      if (!known) throw notFound('KNOWLEDGE.TICKET_NOT_FOUND', `ticket ${command.ticketId} is not known to knowledge`);
      const [article] = await manager.query(`SELECT body FROM "${this.s}".articles WHERE id = $1 AND status = 'published'`, [
        command.articleId,
      ]);
      if (!article) throw notFound('KNOWLEDGE.ARTICLE_NOT_FOUND', `article ${command.articleId} does not exist`);
      const steps = articleSteps(article.body);
      if (steps.length === 0)
        throw new AppError('KNOWLEDGE.ARTICLE_HAS_NO_STEPS', `article ${command.articleId} has no steps to guide`, 422);
      const inserted = await manager.query(
        `INSERT INTO "${this.s}".self_service_sessions (id, ticket_id, article_id, steps, correlation_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [id, command.ticketId, command.articleId, JSON.stringify(steps), command.correlationId],
      );
      if (inserted.length === 0)
        throw conflict('KNOWLEDGE.SESSION_ACTIVE', `ticket ${command.ticketId} already has an active session`);
    });
    return this.get(id);
  }

  async checkpoint(command: RecordCheckpointCommand): Promise<SessionView> {
    await this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query(
        `SELECT id, ticket_id AS "ticketId", article_id AS "articleId", steps, current_step AS "currentStep", outcomes, state,
                correlation_id AS "correlationId"
           FROM "${this.s}".self_service_sessions WHERE id = $1 FOR UPDATE`,
        [this.uuidOrNull(command.sessionId)],
      );
      if (!session) throw notFound('KNOWLEDGE.SESSION_NOT_FOUND', `session ${command.sessionId} does not exist`);
      if (session.state !== 'active')
        throw conflict('KNOWLEDGE.SESSION_ENDED', `session ${command.sessionId} is ${session.state}`);
      const now = new Date().toISOString();
      const outcomes: Outcome[] = [
        ...session.outcomes,
        { step: session.currentStep, worked: command.worked, note: command.note, at: now },
      ];
      const steps: string[] = session.steps;
      const meta = { subject: session.ticketId, correlationId: session.correlationId, causationId: null };
      let state = 'active';
      if (command.worked) {
        state = 'resolved';
        await this.stats.count(manager, [session.articleId], 'self_served');
        await this.outbox.append(
          manager,
          selfServiceResolvedEvent,
          {
            ticketId: session.ticketId,
            sessionId: session.id,
            articleId: session.articleId,
            resolvedAtStep: session.currentStep,
            resolvedAt: now,
          },
          meta,
        );
      } else if (session.currentStep >= steps.length) {
        state = 'escalated';
        await this.stats.count(manager, [session.articleId], 'not_helpful');
        await this.outbox.append(
          manager,
          selfServiceFailedEvent,
          {
            ticketId: session.ticketId,
            sessionId: session.id,
            articleId: session.articleId,
            stepsTried: outcomes.map((o) => ({ step: o.step, text: steps[o.step - 1], note: o.note })),
            failedAt: now,
          },
          meta,
        );
      }
      await manager.query(
        `UPDATE "${this.s}".self_service_sessions SET outcomes = $2, state = $3, current_step = $4, updated_at = now() WHERE id = $1`,
        [session.id, JSON.stringify(outcomes), state, state === 'active' ? session.currentStep + 1 : session.currentStep],
      );
    });
    return this.get(command.sessionId);
  }

  async get(sessionId: string): Promise<SessionView> {
    const [row] = await this.dataSource.query(
      `SELECT id, ticket_id AS "ticketId", article_id AS "articleId", steps, current_step AS "currentStep", outcomes, state
         FROM "${this.s}".self_service_sessions WHERE id = $1`,
      [this.uuidOrNull(sessionId)],
    );
    if (!row) throw notFound('KNOWLEDGE.SESSION_NOT_FOUND', `session ${sessionId} does not exist`);
    const steps: string[] = row.steps;
    return {
      sessionId: row.id,
      ticketId: row.ticketId,
      articleId: row.articleId,
      state: row.state,
      totalSteps: steps.length,
      step: row.state === 'active' ? { number: row.currentStep, text: steps[row.currentStep - 1] } : null,
      outcomes: row.outcomes,
    };
  }

  private uuidOrNull(id: string): string | null {
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
  }
}
