import { Inject, Injectable } from '@nestjs/common';
import { type InquiryReceived, inquiryTriagedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { TRIAGE_CLASSIFIER, type TriageRunnable } from '../llm/triage-classifier.js';
import { TRIAGE_FIELDS } from '../taxonomy.js';
import { TriageResultEntity } from '../triage-result.entity.js';
import { guidanceFor } from '../triage-guidance.js';

/** Classifies a received inquiry, stores the result and emits `inquiry triaged` in one transaction. */
@Injectable()
export class ClassifyInquiryUseCase {
  constructor(@Inject(TRIAGE_CLASSIFIER) private readonly classifier: TriageRunnable) {}

  async execute(inquiry: InquiryReceived, context: HandlerContext): Promise<void> {
    const result = await this.classifier.invoke({ subject: inquiry.subject, body: inquiry.body });
    const guidance = guidanceFor({
      urgency: result.urgency.label,
      category: result.category.label,
      complexity: result.complexity.label,
      component: result.component.label,
    });
    const fields = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, result[f]])) as TriageResultEntity['fields'];
    await context.manager.insert(TriageResultEntity, {
      ticketId: inquiry.ticketId,
      fields,
      confidence: result.confidence,
      rationale: result.rationale,
      modelVersion: result.modelVersion,
      guidance,
    } as TriageResultEntity);
    const label = (f: (typeof TRIAGE_FIELDS)[number]) => ({ label: result[f].label, confidence: result[f].confidence });
    await context.emit(inquiryTriagedEvent, {
      ticketId: inquiry.ticketId,
      urgency: label('urgency'),
      category: label('category'),
      complexity: label('complexity'),
      userType: label('userType'),
      component: label('component'),
      sentiment: label('sentiment'),
      confidence: result.confidence,
      serviceLevel: inquiry.customer.serviceLevel,
      channel: inquiry.channel,
      language: inquiry.customer.language,
      rationale: result.rationale,
      modelVersion: result.modelVersion,
      guidance,
    });
  }
}
