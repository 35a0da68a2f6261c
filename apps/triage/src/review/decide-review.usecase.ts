import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { inquiryTriagedEvent, triageCorrectedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { notFound, parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { TRIAGE_FIELDS } from '../classification/taxonomy.js';
import { TriageResultEntity } from '../classification/triage-result.entity.js';
import { reviewedTriagedData } from '../classification/triaged-data.js';
import { ModelRegistry } from '../learning/model-registry.js';
import { ModelVersionRepository } from '../learning/model-version.repository.js';
import { reviewOutcome } from './review-outcome.js';
import { type ReviewRow, ReviewRepository } from './review.repository.js';

export const acceptSchema = z.object({ reviewer: z.string().min(1).max(200) }).strict();
export const correctSchema = z
  .object({
    reviewer: z.string().min(1).max(200),
    labels: z.record(z.string(), z.string().min(1)).refine((l) => Object.keys(l).length > 0, 'name at least one field'),
  })
  .strict();

export class DecideReviewCommand {
  private constructor(
    readonly reviewId: string,
    readonly reviewer: string,
    readonly labels: Record<string, string> | undefined,
  ) {}

  static accept(reviewId: string, input: unknown): DecideReviewCommand {
    return new DecideReviewCommand(reviewId, parseInput(acceptSchema, input).reviewer, undefined);
  }

  static correct(reviewId: string, input: unknown): DecideReviewCommand {
    const parsed = parseInput(correctSchema, input);
    return new DecideReviewCommand(reviewId, parsed.reviewer, parsed.labels);
  }
}

/**
 * Accepts or corrects a review in one transaction: the decision, the stored triage, the correction
 * record and learnt example, and the events (`inquiry triaged` if it was held, `triage corrected`
 * for every correction).
 */
@Injectable()
export class DecideReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly versions: ModelVersionRepository,
    private readonly registry: ModelRegistry,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(command: DecideReviewCommand): Promise<ReviewRow> {
    await this.dataSource.transaction(async (manager) => {
      const review = await this.reviews.find(command.reviewId, manager, true);
      if (!review) throw notFound('TRIAGE.REVIEW_NOT_FOUND', `no review ${command.reviewId}`);
      const outcome = reviewOutcome(review, command.labels, this.registry.taxonomy);
      const now = new Date().toISOString();
      await this.reviews.decide(manager, review.id, {
        status: outcome.status,
        labels: outcome.labels,
        reviewer: command.reviewer,
      });
      const meta = { subject: review.ticketId, correlationId: review.correlationId, causationId: null };
      if (outcome.releasesTriaged && review.triaged) {
        const data = reviewedTriagedData(review.triaged, outcome.labels, {
          reviewer: command.reviewer,
          outcome: outcome.status,
          reviewedAt: now,
        });
        await this.outbox.append(manager, inquiryTriagedEvent, data, meta);
      }
      if (outcome.changes.length === 0) return;
      const stored = await manager.findOne(TriageResultEntity, {
        where: { ticketId: review.ticketId },
        lock: { mode: 'pessimistic_write' },
      });
      if (stored) {
        const fields = { ...stored.fields };
        for (const change of outcome.changes) {
          const field = change.field as keyof typeof fields;
          fields[field] = { label: change.to, confidence: 1, signals: [`reviewer ${command.reviewer}`] };
        }
        await manager.update(TriageResultEntity, { ticketId: review.ticketId }, { fields });
        if (stored.subject !== null && stored.body !== null) {
          await this.versions.learn(manager, 'correction', {
            ticketId: review.ticketId,
            subject: stored.subject,
            body: stored.body,
            labels: Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, outcome.labels[f] ?? fields[f].label])),
          });
        }
      }
      await this.reviews.recordCorrection(manager, {
        id: randomUUID(),
        reviewId: review.id,
        ticketId: review.ticketId,
        reviewer: command.reviewer,
        changes: outcome.changes,
        labels: outcome.labels,
        supersedesTriaged: outcome.supersedesTriaged,
      });
      await this.outbox.append(
        manager,
        triageCorrectedEvent,
        {
          ticketId: review.ticketId,
          reviewId: review.id,
          reviewer: command.reviewer,
          changes: outcome.changes,
          labels: outcome.labels,
          supersedesTriaged: outcome.supersedesTriaged,
          modelVersion: review.modelVersion,
          correctedAt: now,
        },
        meta,
      );
    });
    const decided = await this.reviews.find(command.reviewId);
    if (!decided) throw notFound('TRIAGE.REVIEW_NOT_FOUND', `no review ${command.reviewId}`);
    return decided;
  }
}
