import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { triageReviewRequestedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { AppError, notFound, parseInput } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { TRIAGE_FIELDS, type TriageField } from '../classification/taxonomy.js';
import { TriageResultEntity } from '../classification/triage-result.entity.js';
import type { UncertainField } from './review-policy.js';
import { type ReviewRow, ReviewRepository } from './review.repository.js';

export const requestReviewSchema = z
  .object({
    ticketId: z.uuid(),
    requestedBy: z.string().trim().min(1).max(200),
    /** the fields the person doubts; all of them when absent */
    fields: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

export class RequestReviewCommand {
  private constructor(
    readonly ticketId: string,
    readonly requestedBy: string,
    readonly fields: readonly TriageField[],
  ) {}

  static create(input: unknown): RequestReviewCommand {
    const parsed = parseInput(requestReviewSchema, input);
    const unknown = (parsed.fields ?? []).filter((f) => !(TRIAGE_FIELDS as string[]).includes(f));
    if (unknown.length > 0) {
      throw new AppError('TRIAGE.UNKNOWN_FIELD', 'fields must be triage fields', 422, {
        errors: unknown.map((f) => ({ path: 'fields', message: `"${f}" is not one of ${TRIAGE_FIELDS.join(', ')}` })),
      });
    }
    return new RequestReviewCommand(parsed.ticketId, parsed.requestedBy, (parsed.fields as TriageField[]) ?? TRIAGE_FIELDS);
  }
}

/** A person doubts a triage: no confidence is enough, so the doubted fields carry threshold 1. */
function doubted(stored: TriageResultEntity, fields: readonly TriageField[]): UncertainField[] {
  return fields.map((field) => ({
    field,
    label: stored.fields[field].label,
    confidence: stored.fields[field].confidence,
    threshold: 1,
    alternatives: stored.fields[field].alternatives ?? [],
  }));
}

/**
 * Opens a review of a triage the model was sure of, so a person can correct it (and the correction
 * teaches the next model). The triage already went out, so the review never holds it. One review
 * per ticket: asking again returns the one there is, decided or not (a decided one can still be corrected).
 */
@Injectable()
export class RequestReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(command: RequestReviewCommand, correlationId: string): Promise<{ review: ReviewRow; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      // the triage row's lock makes two simultaneous requests open one review
      const stored = await manager.findOne(TriageResultEntity, {
        where: { ticketId: command.ticketId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored) throw notFound('TRIAGE.NOT_FOUND', `ticket ${command.ticketId} has not been triaged`);
      const existing = await this.reviews.findByTicket(command.ticketId, manager);
      if (existing) return { review: existing, created: false };
      const id = randomUUID();
      const fields = doubted(stored, command.fields);
      await this.reviews.insert(manager, {
        id,
        ticketId: command.ticketId,
        holdsTriage: false,
        fields,
        labels: Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, stored.fields[f].label])),
        triaged: null,
        correlationId,
        modelVersion: stored.modelVersion,
        requestedBy: command.requestedBy,
      });
      await this.outbox.append(
        manager,
        triageReviewRequestedEvent,
        {
          ticketId: command.ticketId,
          reviewId: id,
          fields,
          holdsTriage: false,
          modelVersion: stored.modelVersion,
          requestedBy: command.requestedBy,
          requestedAt: new Date().toISOString(),
        },
        { subject: command.ticketId, correlationId, causationId: null },
      );
      const review = await this.reviews.findByTicket(command.ticketId, manager);
      return { review: review as ReviewRow, created: true };
    });
  }
}
