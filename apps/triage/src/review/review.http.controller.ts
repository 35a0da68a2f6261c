import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { DecideReviewCommand, DecideReviewUseCase } from './decide-review.usecase.js';
import { ReviewQueries, reviewFilter, reviewView } from './list-reviews.query.js';

@Controller('v1/triage/reviews')
export class ReviewHttpController {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly decide: DecideReviewUseCase,
  ) {}

  @Get()
  list(@Query() query: Record<string, unknown>) {
    return this.queries.list(reviewFilter(query));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.queries.get(id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  async accept(@Param('id') id: string, @Body() body: unknown) {
    return reviewView(await this.decide.execute(DecideReviewCommand.accept(id, body)));
  }

  @Post(':id/correct')
  @HttpCode(200)
  async correct(@Param('id') id: string, @Body() body: unknown) {
    return reviewView(await this.decide.execute(DecideReviewCommand.correct(id, body)));
  }
}
