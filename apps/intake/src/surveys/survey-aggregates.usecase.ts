import { Injectable } from '@nestjs/common';
import { parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { csatSummary, npsSummary } from './survey-scores.js';
import { SurveyRepository } from './survey.repository.js';

export const querySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    groupBy: z.enum(['all', 'channel', 'tier', 'serviceLevel', 'day', 'week', 'month']).default('all'),
  })
  .strict();

/** CSAT, NPS and response rate of the surveys sent for tickets resolved in a period. */
@Injectable()
export class SurveyAggregatesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyRepository,
  ) {}

  async execute(query: unknown) {
    const q = parseInput(querySchema, query);
    const groups = await this.surveys.answersBy(this.dataSource.manager, {
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      groupBy: q.groupBy,
    });
    return {
      groupBy: q.groupBy,
      from: q.from ?? null,
      to: q.to ?? null,
      groups: groups.map((g) => ({
        key: g.key,
        sent: g.sent,
        responses: g.responded,
        responseRate: g.sent === 0 ? null : Math.round((g.responded / g.sent) * 1000) / 1000,
        csat: csatSummary(g.csat),
        nps: npsSummary(g.nps),
      })),
    };
  }
}
