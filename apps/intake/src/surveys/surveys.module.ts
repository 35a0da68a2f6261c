import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module.js';
import { RespondToSurveyUseCase } from './respond-to-survey.usecase.js';
import { ScheduleSurveyUseCase } from './schedule-survey.usecase.js';
import { SendSurveyUseCase } from './send-survey.usecase.js';
import { SurveyAggregatesUseCase } from './survey-aggregates.usecase.js';
import { loadSurveyConfig, SURVEY_CONFIG } from './survey-config.js';
import { SurveyTimers } from './survey-timers.js';
import { SurveyRepository } from './survey.repository.js';
import { SurveyWorker } from './survey.worker.js';
import { SurveysHttpController } from './surveys.http.controller.js';
import { TicketResolvedSurveyKafkaHandler } from './surveys.kafka.handler.js';

/** CSAT/NPS follow-up surveys after resolution, with reminders, one answer per link and aggregates. */
@Module({
  imports: [LifecycleModule],
  controllers: [SurveysHttpController],
  providers: [
    { provide: SURVEY_CONFIG, useFactory: () => loadSurveyConfig() },
    SurveyRepository,
    SurveyTimers,
    ScheduleSurveyUseCase,
    SendSurveyUseCase,
    RespondToSurveyUseCase,
    SurveyAggregatesUseCase,
    SurveyWorker,
    TicketResolvedSurveyKafkaHandler,
  ],
})
export class SurveysModule {}
