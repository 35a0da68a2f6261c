import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiRoute, correlationIdOf } from '@switchboard/service-kit';
import type { Request, Response } from 'express';
import { acceptSchema, correctSchema, DecideReviewCommand, DecideReviewUseCase } from './decide-review.usecase.js';
import { filterSchema as reviewFilterSchema, ReviewQueries, reviewFilter, reviewView } from './list-reviews.query.js';
import { RequestReviewCommand, RequestReviewUseCase, requestReviewSchema } from './request-review.usecase.js';

@Controller('v1/triage/reviews')
export class ReviewHttpController {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly decide: DecideReviewUseCase,
    private readonly request: RequestReviewUseCase,
  ) {}

  @ApiRoute({
    summary: 'Ask for a review of a triage the model was sure of (one review per ticket)',
    body: requestReviewSchema,
    responses: {
      201: 'the review, opened',
      200: 'the review the ticket already has',
      404: 'the ticket has not been triaged',
      422: 'invalid input',
    },
  })
  @Post()
  async open(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { review, created } = await this.request.execute(RequestReviewCommand.create(body), correlationIdOf(req));
    res.status(created ? 201 : 200);
    return reviewView(review);
  }

  @ApiRoute({
    summary: 'Triage reviews, filtered by status, field and whether they hold the triage',
    query: reviewFilterSchema,
    responses: { 200: 'the reviews', 422: 'invalid filter' },
  })
  @Get()
  list(@Query() query: Record<string, unknown>) {
    return this.queries.list(reviewFilter(query));
  }

  @ApiRoute({ summary: 'One triage review', responses: { 200: 'the review', 404: 'no such review' } })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.queries.get(id);
  }

  @ApiRoute({
    summary: 'Accept the labels of a pending review',
    body: acceptSchema,
    responses: { 200: 'the decided review', 404: 'no such review', 409: 'the review is already decided', 422: 'invalid input' },
  })
  @Post(':id/accept')
  @HttpCode(200)
  async accept(@Param('id') id: string, @Body() body: unknown) {
    return reviewView(await this.decide.execute(DecideReviewCommand.accept(id, body)));
  }

  @ApiRoute({
    summary: 'Correct the labels of a review (also after it was decided)',
    body: correctSchema,
    responses: {
      200: 'the corrected review',
      404: 'no such review',
      422: 'invalid input, or labels outside the configured taxonomy',
    },
  })
  @Post(':id/correct')
  @HttpCode(200)
  async correct(@Param('id') id: string, @Body() body: unknown) {
    return reviewView(await this.decide.execute(DecideReviewCommand.correct(id, body)));
  }
}
