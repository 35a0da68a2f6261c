import { Injectable } from '@nestjs/common';
import { notFound, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { type ReviewFilter, type ReviewRow, ReviewRepository } from './review.repository.js';

export const filterSchema = z
  .object({
    status: z.enum(['pending', 'accepted', 'corrected']).optional(),
    field: z.string().min(1).max(64).optional(),
    holdsTriage: z
      .union([z.boolean(), z.enum(['true', 'false'])])
      .transform((v) => v === true || v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export function reviewFilter(input: unknown): ReviewFilter {
  return parseInput(filterSchema, input);
}

/** What callers see of a review: the held event data and trace ids stay internal. */
export function reviewView(row: ReviewRow) {
  return {
    id: row.id,
    ticketId: row.ticketId,
    status: row.status,
    holdsTriage: row.holdsTriage,
    fields: row.fields,
    labels: row.labels,
    modelVersion: row.modelVersion,
    reviewer: row.reviewer,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
  };
}

export type ReviewView = ReturnType<typeof reviewView>;

@Injectable()
export class ReviewQueries {
  constructor(private readonly reviews: ReviewRepository) {}

  async list(filter: ReviewFilter): Promise<ReviewView[]> {
    return (await this.reviews.list(filter)).map(reviewView);
  }

  async get(id: string): Promise<ReviewView> {
    const found = await this.reviews.find(id);
    if (!found) throw notFound('TRIAGE.REVIEW_NOT_FOUND', `no review ${id}`);
    return reviewView(found);
  }
}
