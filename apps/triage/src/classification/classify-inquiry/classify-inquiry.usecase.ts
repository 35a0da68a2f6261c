import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type InquiryReceived, inquiryTriagedEvent, triageReviewRequestedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import type { TriageConfig } from '../../config.js';
import { ModelRegistry } from '../../learning/model-registry.js';
import { ModelVersionRepository } from '../../learning/model-version.repository.js';
import { decideReview } from '../../review/review-policy.js';
import { ReviewRepository } from '../../review/review.repository.js';
import { TRIAGE_CLASSIFIER, type TriageRunnable } from '../llm/triage-classifier.js';
import type { Classification, InquiryText } from '../rules-classifier.js';
import { isLabelOf, TRIAGE_FIELDS } from '../taxonomy.js';
import { TriageResultEntity } from '../triage-result.entity.js';
import { triagedData } from '../triaged-data.js';

/**
 * Classifies a received inquiry and stores the result. Confident enough: `inquiry triaged` goes
 * out in the same transaction. Otherwise a review is queued, and the triage either flows on or
 * waits for the reviewer, as the review policy says. A shadow model, if set, classifies too and
 * only its agreement is recorded.
 */
@Injectable()
export class ClassifyInquiryUseCase {
  constructor(
    @Inject(TRIAGE_CLASSIFIER) private readonly classifier: TriageRunnable,
    @Inject(SERVICE_CONFIG) private readonly config: TriageConfig,
    private readonly registry: ModelRegistry,
    private readonly reviews: ReviewRepository,
    private readonly versions: ModelVersionRepository,
  ) {}

  async execute(inquiry: InquiryReceived, context: HandlerContext): Promise<void> {
    const profileType = inquiry.customer.userType;
    const text: InquiryText = {
      subject: inquiry.subject,
      body: inquiry.body,
      // a profile value outside the configured labels is ignored rather than stored
      userType: profileType && isLabelOf(this.registry.taxonomy, 'userType', profileType) ? profileType : undefined,
    };
    const result = withProfile(await this.classifier.invoke(text), text.userType);
    const data = triagedData(inquiry, result);
    const fields = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, result[f]])) as TriageResultEntity['fields'];
    await context.manager.insert(TriageResultEntity, {
      ticketId: inquiry.ticketId,
      fields,
      confidence: result.confidence,
      rationale: result.rationale,
      modelVersion: result.modelVersion,
      guidance: data.guidance ?? null,
      subject: inquiry.subject,
      body: inquiry.body,
    } as TriageResultEntity);
    await this.compareShadow(inquiry.ticketId, text, result, context);

    const decision = decideReview(fields, this.config.review);
    if (decision.uncertain.length > 0) {
      const reviewId = randomUUID();
      await this.reviews.insert(context.manager, {
        id: reviewId,
        ticketId: inquiry.ticketId,
        holdsTriage: decision.holdsTriage,
        fields: decision.uncertain,
        labels: Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, result[f].label])),
        triaged: data,
        correlationId: context.cause.correlationId,
        modelVersion: result.modelVersion,
      });
      await context.emit(triageReviewRequestedEvent, {
        ticketId: inquiry.ticketId,
        reviewId,
        fields: decision.uncertain,
        holdsTriage: decision.holdsTriage,
        modelVersion: result.modelVersion,
        requestedAt: new Date().toISOString(),
      });
    }
    if (!decision.holdsTriage) await context.emit(inquiryTriagedEvent, data);
  }

  private async compareShadow(ticketId: string, text: InquiryText, result: Classification, context: HandlerContext) {
    const shadow = this.registry.shadow;
    if (!shadow) return;
    const theirs = shadow.classifier.classify(text);
    const agreement = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, theirs[f].label === result[f].label]));
    await this.versions.recordShadow(context.manager, {
      ticketId,
      shadowVersionId: shadow.versionId,
      activeModelVersion: result.modelVersion,
      agreement,
    });
  }
}

/** The account's user type beats any inference, whichever classifier (local or hosted) answered. */
function withProfile(result: Classification, userType: string | undefined): Classification {
  if (!userType) return result;
  const fields = { ...result, userType: { label: userType, confidence: 1, signals: ['customer profile'] } };
  return { ...fields, confidence: Math.min(...TRIAGE_FIELDS.map((f) => fields[f].confidence)) };
}
