import { Controller, Get, Query } from '@nestjs/common';
import { ApiRoute } from '@switchboard/service-kit';
import { accuracyQuery, PublishedAccuracyQuery } from './published-accuracy.query.js';

@Controller('v1/triage')
export class AccuracyHttpController {
  constructor(private readonly accuracy: PublishedAccuracyQuery) {}

  @ApiRoute({
    summary: 'Published triage accuracy: holdout scores and the share of reviewed triages people kept',
    description:
      'Without `modelVersion`, the version answering live traffic. Reviewed triages are the low-confidence and disputed ones, a harder sample than all traffic.',
    responses: { 200: 'the accuracy', 404: 'no such model version', 422: 'invalid query' },
  })
  @Get('accuracy')
  get(@Query() query: unknown) {
    return this.accuracy.execute(accuracyQuery(query));
  }
}
