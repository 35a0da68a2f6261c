import { Inject, Injectable } from '@nestjs/common';
import { surveyRespondedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { AppError, conflict, notFound, parseInput } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { ChangeTicketStatusCommand } from '../lifecycle/change-ticket-status.command.js';
import { ChangeTicketStatusUseCase } from '../lifecycle/change-ticket-status.usecase.js';
import { SURVEY_CONFIG, type SurveyConfig } from './survey-config.js';
import { needsFollowUp } from './survey-scores.js';
import { SurveyRepository } from './survey.repository.js';

export const responseSchema = z
  .object({
    csat: z.number().int().min(1).max(5).optional(),
    nps: z.number().int().min(0).max(10).optional(),
    comment: z.string().trim().min(1).max(5000).optional(),
  })
  .strict();

const TOKEN = /^sv_[A-Za-z0-9_-]{10,64}$/;

/** One answer per survey, through the token link; a low score marks the ticket for follow-up. */
@Injectable()
export class RespondToSurveyUseCase {
  constructor(
    @Inject(SURVEY_CONFIG) private readonly config: SurveyConfig,
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyRepository,
    private readonly outbox: EventOutbox,
    private readonly changeStatus: ChangeTicketStatusUseCase,
  ) {}

  async execute(token: string, body: unknown): Promise<{ surveyId: string; followUp: boolean }> {
    const answers = parseInput(responseSchema, body);
    if (!TOKEN.test(token)) throw this.unknown();
    return this.dataSource.transaction(async (manager) => {
      const survey = await this.surveys.byToken(manager, token, true);
      if (!survey) throw this.unknown();
      if (survey.respondedAt) throw conflict('SURVEY.ALREADY_ANSWERED', 'this survey has already been answered');
      const asked = (q: 'csat' | 'nps') => survey.questions.includes(q);
      if ((answers.csat !== undefined && !asked('csat')) || (answers.nps !== undefined && !asked('nps'))) {
        throw new AppError('SURVEY.QUESTION_NOT_ASKED', `this survey asks only ${survey.questions.join(' and ')}`, 422);
      }
      if (answers.csat === undefined && answers.nps === undefined) {
        throw new AppError('SURVEY.NO_SCORE', `answer at least one of ${survey.questions.join(', ')}`, 422);
      }
      const followUp = needsFollowUp(answers, this.config);
      const at = new Date();
      await this.surveys.recordResponse(manager, survey.id, { ...answers, followUp, at });
      await this.outbox.append(
        manager,
        surveyRespondedEvent,
        { surveyId: survey.id, ticketId: survey.ticketId, ...answers, followUp, respondedAt: at.toISOString() },
        { subject: survey.ticketId, correlationId: survey.correlationId, causationId: null },
      );
      if (followUp && this.config.SURVEY_REOPEN_ON_FOLLOW_UP) await this.reopen(manager, survey.ticketId, answers);
      return { surveyId: survey.id, followUp };
    });
  }

  /** Only a resolved ticket reopens; a closed one is terminal and keeps just the follow-up flag. */
  private async reopen(manager: EntityManager, ticketId: string, answers: { csat?: number; nps?: number }) {
    const scores = [answers.csat !== undefined && `CSAT ${answers.csat}`, answers.nps !== undefined && `NPS ${answers.nps}`];
    const command = ChangeTicketStatusCommand.create(ticketId, {
      status: 'open',
      changedBy: 'survey',
      reason: `follow-up after a low satisfaction score (${scores.filter(Boolean).join(', ')})`,
    });
    try {
      await this.changeStatus.executeWithin(manager, command, null);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'INTAKE.ILLEGAL_STATUS_TRANSITION')) throw error;
    }
  }

  async questions(token: string) {
    const survey = TOKEN.test(token) ? await this.surveys.byToken(this.dataSource.manager, token) : undefined;
    if (!survey) throw this.unknown();
    return { questions: survey.questions, answered: survey.respondedAt !== null };
  }

  private unknown() {
    return notFound('SURVEY.NOT_FOUND', 'no survey for this link');
  }
}
