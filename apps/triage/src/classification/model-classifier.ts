import { existsSync, readFileSync } from 'node:fs';
import {
  type AllowedLabels,
  type HoldoutScores,
  type NamedHoldoutScores,
  TriageModel,
  type TriageModelJSON,
} from '../model/triage-model.js';
import type { Classification, FieldResult, InquiryText } from './rules-classifier.js';
import { labelSetsOf, TRIAGE_FIELDS, type Taxonomy } from './taxonomy.js';

export interface LocalClassifier {
  /** the `modelVersion` its classifications carry */
  readonly version: string;
  /** how it scored on the shipped holdout; absent for the rules and for models stored before scores were kept with them */
  readonly holdout?: HoldoutScores;
  /** how it scored on the other shipped holdouts, if any */
  readonly additionalHoldouts?: NamedHoldoutScores[];
  classify(inquiry: InquiryText): Classification;
}

/**
 * The trained model in the shape every triage classifier answers in. Answers only labels of the
 * configured taxonomy; a field the model never learnt gets the taxonomy's fallback at confidence 0,
 * which sends it to review.
 */
export class ModelClassifier implements LocalClassifier {
  private readonly allowed: AllowedLabels;

  constructor(
    readonly model: TriageModel,
    private readonly taxonomy: Taxonomy,
  ) {
    this.allowed = labelSetsOf(taxonomy);
  }

  get version(): string {
    return `model-${this.model.version}`;
  }

  get holdout(): HoldoutScores | undefined {
    return this.model.holdout;
  }

  get additionalHoldouts(): NamedHoldoutScores[] {
    return this.model.additionalHoldouts;
  }

  static fromFile(file: string, taxonomy: Taxonomy): ModelClassifier | undefined {
    if (!existsSync(file)) return undefined;
    return ModelClassifier.fromJSON(JSON.parse(readFileSync(file, 'utf8')) as TriageModelJSON, taxonomy);
  }

  static fromJSON(json: TriageModelJSON, taxonomy: Taxonomy): ModelClassifier {
    return new ModelClassifier(TriageModel.fromJSON(json), taxonomy);
  }

  classify(inquiry: InquiryText): Classification {
    const predicted = this.model.classify(inquiry, this.allowed);
    const fields = Object.fromEntries(
      TRIAGE_FIELDS.map((f): [string, FieldResult] => [
        f,
        predicted[f] ?? { label: this.taxonomy.fields[f].fallback, confidence: 0, signals: [] },
      ]),
    ) as Pick<Classification, (typeof TRIAGE_FIELDS)[number]>;
    if (inquiry.userType) fields.userType = { label: inquiry.userType, confidence: 1, signals: ['customer profile'] };
    return {
      ...fields,
      confidence: Math.min(...TRIAGE_FIELDS.map((f) => fields[f].confidence)),
      rationale: TRIAGE_FIELDS.map(
        (f) => `${f}=${fields[f].label} (${fields[f].signals.slice(0, 3).join(', ') || 'no strong signal'})`,
      ).join('; '),
      modelVersion: this.version,
    };
  }
}
