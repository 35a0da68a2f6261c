import { existsSync, readFileSync } from 'node:fs';
import { TriageModel, type TriageModelJSON } from '../model/triage-model.js';
import type { Classification, InquiryText } from './rules-classifier.js';
import { TRIAGE_FIELDS } from './taxonomy.js';

export interface LocalClassifier {
  classify(inquiry: InquiryText): Classification;
}

/** The trained model in the shape every triage classifier answers in. */
export class ModelClassifier implements LocalClassifier {
  constructor(private readonly model: TriageModel) {}

  static fromFile(file: string): ModelClassifier | undefined {
    if (!existsSync(file)) return undefined;
    return new ModelClassifier(TriageModel.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as TriageModelJSON));
  }

  classify(inquiry: InquiryText): Classification {
    const predicted = this.model.classify(inquiry);
    const fields = Object.fromEntries(
      TRIAGE_FIELDS.map((f) => [f, predicted[f] ?? { label: 'other', confidence: 0, signals: [] }]),
    ) as Pick<Classification, (typeof TRIAGE_FIELDS)[number]>;
    if (inquiry.userType) fields.userType = { label: inquiry.userType, confidence: 1, signals: ['customer profile'] };
    return {
      ...fields,
      confidence: Math.min(...TRIAGE_FIELDS.map((f) => fields[f].confidence)),
      rationale: TRIAGE_FIELDS.map(
        (f) => `${f}=${fields[f].label} (${fields[f].signals.slice(0, 3).join(', ') || 'no strong signal'})`,
      ).join('; '),
      modelVersion: `model-${this.model.version}`,
    };
  }
}
