import { Inject, Injectable } from '@nestjs/common';
import { type Channel, surveySentEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { DataSource } from 'typeorm';
import { SURVEY_CONFIG, type SurveyConfig } from './survey-config.js';
import type { SurveyJob } from './survey-timers.js';
import { SurveyRepository, type SurveyTimer } from './survey.repository.js';

/**
 * Sends the invitation or a reminder by emitting `survey.sent` (a notifier turns it into an
 * e-mail or chat message). Answered surveys and stale alarms send nothing.
 */
@Injectable()
export class SendSurveyUseCase {
  constructor(
    @Inject(SURVEY_CONFIG) private readonly config: SurveyConfig,
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** Returns the next alarm to arm, if any. */
  async execute(job: SurveyJob): Promise<SurveyTimer | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const survey = await this.surveys.lockById(manager, job.surveyId);
      if (!survey || survey.respondedAt || survey.sentCount !== job.send || !survey.nextSendAt) return undefined;
      const now = new Date();
      // Fired early (clock skew, a re-armed duplicate): wait for the recorded time.
      if (survey.nextSendAt.getTime() > now.getTime() + 1000) return { ...survey, nextSendAt: survey.nextSendAt };
      const remindersLeft = survey.sentCount < this.config.SURVEY_REMINDER_COUNT;
      const next = remindersLeft ? new Date(now.getTime() + this.config.SURVEY_REMINDER_INTERVAL_MS) : null;
      await this.surveys.markSent(manager, survey.id, now, next);
      await this.outbox.append(
        manager,
        surveySentEvent,
        {
          surveyId: survey.id,
          ticketId: survey.ticketId,
          customerId: survey.customerId,
          channel: survey.channel as Channel,
          responsePath: `/v1/surveys/${survey.token}/responses`,
          questions: survey.questions,
          reminder: survey.sentCount,
          sentAt: now.toISOString(),
        },
        { subject: survey.ticketId, correlationId: survey.correlationId, causationId: null },
      );
      return next ? { id: survey.id, sentCount: survey.sentCount + 1, nextSendAt: next } : undefined;
    });
  }
}
