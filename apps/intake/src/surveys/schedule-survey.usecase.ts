import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SURVEY_CONFIG, type SurveyConfig } from './survey-config.js';
import { SurveyRepository } from './survey.repository.js';
import { SurveyTimers } from './survey-timers.js';

/** A resolution schedules its follow-up survey; the alarm is armed once the row is committed. */
@Injectable()
export class ScheduleSurveyUseCase {
  constructor(
    @Inject(SURVEY_CONFIG) private readonly config: SurveyConfig,
    private readonly surveys: SurveyRepository,
    private readonly timers: SurveyTimers,
  ) {}

  async execute(event: EventEnvelope<TicketResolved>, context: HandlerContext): Promise<void> {
    const resolvedAt = new Date(event.data.resolvedAt);
    const timer = await this.surveys.createForResolution(context.manager, {
      id: randomUUID(),
      token: `sv_${randomBytes(24).toString('base64url')}`,
      resolutionEventId: event.id,
      ticketId: event.data.ticketId,
      questions: this.config.SURVEY_QUESTIONS,
      resolvedAt: event.data.resolvedAt,
      sendAt: new Date(resolvedAt.getTime() + this.config.SURVEY_DELAY_MS),
    });
    if (timer) context.afterCommit(() => this.timers.arm([timer]));
  }
}
