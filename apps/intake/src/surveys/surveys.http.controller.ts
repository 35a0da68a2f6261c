import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RespondToSurveyUseCase } from './respond-to-survey.usecase.js';
import { SurveyAggregatesUseCase } from './survey-aggregates.usecase.js';
import { SurveyRepository } from './survey.repository.js';

const listQuery = z
  .object({
    ticketId: z.uuid().optional(),
    followUp: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

@Controller('v1/surveys')
export class SurveysHttpController {
  constructor(
    private readonly respond: RespondToSurveyUseCase,
    private readonly aggregates: SurveyAggregatesUseCase,
    private readonly surveys: SurveyRepository,
    private readonly dataSource: DataSource,
  ) {}

  @Get('aggregates')
  aggregate(@Query() query: Record<string, string>) {
    return this.aggregates.execute(query);
  }

  /** Surveys for support staff (by ticket, or those flagged for follow-up); tokens are never listed. */
  @Get()
  async list(@Query() query: Record<string, string>) {
    return { items: await this.surveys.list(this.dataSource.manager, parseInput(listQuery, query)) };
  }

  @Get(':token')
  questions(@Param('token') token: string) {
    return this.respond.questions(token);
  }

  @Post(':token/responses')
  @HttpCode(201)
  answer(@Param('token') token: string, @Body() body: unknown) {
    return this.respond.execute(token, body);
  }
}
