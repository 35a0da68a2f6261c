import { Injectable } from '@nestjs/common';
import { notFound, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { ModelRegistry } from '../learning/model-registry.js';
import { ModelVersionRepository } from '../learning/model-version.repository.js';
import { ReviewRepository } from '../review/review.repository.js';
import {
  holdoutWithIntervals,
  type NamedPublishedHoldout,
  type PublishedAccuracy,
  type PublishedHoldout,
  reviewedAccuracy,
} from './published-accuracy.js';

interface Holdouts {
  main: PublishedHoldout | null;
  additional: NamedPublishedHoldout[];
}

const querySchema = z.object({ modelVersion: z.string().trim().min(1).max(200).optional() }).strict();

export type AccuracyQueryInput = z.infer<typeof querySchema>;

export function accuracyQuery(input: unknown): AccuracyQueryInput {
  return parseInput(querySchema, input);
}

/**
 * A model version's accuracy as measured twice: offline on the holdout when it was trained, and
 * live from the reviews people decided. Without a version: the one answering live traffic.
 */
@Injectable()
export class PublishedAccuracyQuery {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly versions: ModelVersionRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute(input: AccuracyQueryInput): Promise<PublishedAccuracy> {
    const current = this.registry.current.version;
    const modelVersion = input.modelVersion ?? current;
    const holdouts = await this.holdoutsOf(modelVersion);
    if (!holdouts) throw notFound('TRIAGE.MODEL_VERSION_NOT_FOUND', `no model version ${modelVersion}`);
    return {
      modelVersion,
      active: modelVersion === current,
      holdout: holdouts.main && holdoutWithIntervals(holdouts.main),
      additionalHoldouts: holdouts.additional.map((h) => ({ ...holdoutWithIntervals(h), name: h.name })),
      reviewed: reviewedAccuracy(await this.reviews.reviewedAccuracy(modelVersion)),
    };
  }

  /** undefined: no such version; `main` null: a version without kept scores (the rules, say). */
  private async holdoutsOf(modelVersion: string): Promise<Holdouts | undefined> {
    for (const classifier of [this.registry.current, this.registry.shippedModel]) {
      if (classifier.version === modelVersion)
        return { main: classifier.holdout ?? null, additional: classifier.additionalHoldouts ?? [] };
    }
    const row = await this.versions.findByModelVersion(modelVersion);
    if (!row) return undefined;
    const measuredAt = row.trainedAt;
    return {
      main: row.holdout && { examples: null, measuredAt, fields: row.holdout },
      additional: row.additionalHoldouts.map((h) => ({ ...h, measuredAt })),
    };
  }
}
