import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiRoute, parseInput, RequiresScope } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RespondToSurveyUseCase, responseSchema as surveyResponseSchema } from './respond-to-survey.usecase.js';
import { SurveyAggregatesUseCase, querySchema as aggregatesQuerySchema } from './survey-aggregates.usecase.js';
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

  @ApiRoute({
    summary: 'CSAT, NPS and response rate of surveys for tickets resolved in a period',
    query: aggregatesQuerySchema,
    responses: { 200: 'the aggregates per group', 422: 'invalid query' },
  })
  @Get('aggregates')
  aggregate(@Query() query: Record<string, string>) {
    return this.aggregates.execute(query);
  }

  /** Surveys for support staff (by ticket, or those flagged for follow-up); tokens are never listed. */
  @ApiRoute({
    summary: 'Surveys by ticket, or those flagged for follow-up (tokens are never listed)',
    query: listQuery,
    responses: { 200: 'the surveys', 422: 'invalid query' },
  })
  @Get()
  async list(@Query() query: Record<string, string>) {
    return { items: await this.surveys.list(this.dataSource.manager, parseInput(listQuery, query)) };
  }

  @RequiresScope('submit')
  @ApiRoute({
    summary: 'The questions of a survey, through its token link',
    responses: { 200: 'the questions and whether it was answered', 404: 'no survey for this link' },
  })
  @Get(':token')
  questions(@Param('token') token: string) {
    return this.respond.questions(token);
  }

  @RequiresScope('submit')
  @ApiRoute({
    summary: 'Answer a survey (once); a low score flags the ticket for follow-up',
    body: surveyResponseSchema,
    responses: {
      201: 'the survey id and whether it needs follow-up',
      404: 'no survey for this link',
      409: 'the survey has already been answered',
      422: 'invalid answer, no score, or a question the survey does not ask',
    },
  })
  @Post(':token/responses')
  @HttpCode(201)
  answer(@Param('token') token: string, @Body() body: unknown) {
    return this.respond.execute(token, body);
  }
}
