import type { LocalClassifier } from './model-classifier.js';
import { TRIAGE_FIELDS, type Taxonomy, type TriageField } from './taxonomy.js';

export interface FieldResult {
  label: string;
  confidence: number;
  signals: string[];
  /** the next most likely labels, most likely first (the trained model gives them) */
  alternatives?: { label: string; confidence: number }[];
}

export type Classification = Record<TriageField, FieldResult> & { confidence: number; rationale: string; modelVersion: string };

export interface InquiryText {
  subject: string;
  body: string;
  userType?: string;
}

/**
 * The first, rules-based classifier: for each field the first label (in rule order) with a
 * matching cue wins; confidence grows with the number of cues seen. A trained model replaces it.
 */
export class RulesClassifier implements LocalClassifier {
  readonly version = 'rules-1';

  constructor(private readonly taxonomy: Taxonomy) {}

  classify(inquiry: InquiryText): Classification {
    const text = `${inquiry.subject}\n${inquiry.body}`.toLowerCase();
    const fields = Object.fromEntries(TRIAGE_FIELDS.map((field) => [field, this.classifyField(field, text)])) as Record<
      TriageField,
      FieldResult
    >;
    if (inquiry.userType) fields.userType = { label: inquiry.userType, confidence: 1, signals: ['customer profile'] };
    const confidence = Math.min(...TRIAGE_FIELDS.map((f) => fields[f].confidence));
    const rationale = TRIAGE_FIELDS.map((f) => {
      const r = fields[f];
      return `${f}=${r.label}${
        r.signals.length
          ? ` (${r.signals
              .slice(0, 3)
              .map((s) => `"${s}"`)
              .join(', ')})`
          : ' (default)'
      }`;
    }).join('; ');
    return { ...fields, confidence, rationale, modelVersion: this.version };
  }

  private classifyField(field: TriageField, text: string): FieldResult {
    const spec = this.taxonomy.fields[field];
    for (const rule of spec.labels) {
      const signals = rule.cues.filter((cue) => text.includes(cue));
      if (signals.length > 0) {
        return { label: rule.label, confidence: Math.min(0.95, 0.55 + 0.15 * signals.length), signals };
      }
    }
    return { label: spec.fallback, confidence: 0.4, signals: [] };
  }
}
