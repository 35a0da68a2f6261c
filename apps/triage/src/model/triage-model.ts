import { createHash } from 'node:crypto';
import type { LabelledInquiry } from './dataset.js';
import {
  DEFAULT_FIELD_OPTIONS,
  FieldClassifier,
  type FieldClassifierJSON,
  type FieldClassifierOptions,
  type FieldClassifierState,
} from './field-classifier.js';
import { describeFeature, featureGroup, isFunctionWordFeature } from './text-features.js';
import {
  DEFAULT_VECTORIZER_OPTIONS,
  type InquiryText,
  TfidfVectorizer,
  type VectorizerJSON,
  type VectorizerOptions,
} from './vectorizer.js';

export const TRIAGE_MODEL_FIELDS = ['urgency', 'category', 'complexity', 'userType', 'component', 'sentiment'] as const;
export type TriageModelField = (typeof TRIAGE_MODEL_FIELDS)[number];

export interface TrainOptions {
  vectorizer: VectorizerOptions;
  classifier: FieldClassifierOptions;
  /** fields to learn; by default every field that some training example labels */
  fields?: string[];
}

/** The arguments of `FieldClassifier.train` for one field: what a worker thread needs to learn it. */
export type FieldTrainingInput = Parameters<typeof FieldClassifier.train>;

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { vectorizer: DEFAULT_VECTORIZER_OPTIONS, classifier: DEFAULT_FIELD_OPTIONS };

export interface FieldResult {
  label: string;
  confidence: number;
  signals: string[];
  /** the next most likely labels, most likely first */
  alternatives?: { label: string; confidence: number }[];
}

/** field → the labels a prediction may take; a field absent here is unrestricted */
export type AllowedLabels = Record<string, readonly string[]>;

const ALTERNATIVES = 3;

/** How a model scored on inquiries it never trained on; published with the model. */
export interface HoldoutScores {
  examples: number;
  measuredAt: string;
  /** `n`: the inquiries that label the field (absent in scores stored before it was kept) */
  fields: Record<string, { accuracy: number; macroF1: number; n?: number }>;
}

/** A holdout besides the main one (other writers, other time), named after its file. */
export type NamedHoldoutScores = HoldoutScores & { name: string };

export interface TriageModelJSON {
  format: 'switchboard-triage-model/1';
  version: string;
  trainedAt: string;
  examples: number;
  vectorizer: VectorizerJSON;
  fields: Record<string, FieldClassifierJSON>;
  holdout?: HoldoutScores;
  additionalHoldouts?: NamedHoldoutScores[];
}

const SIGNAL_LIMIT = 5;

/**
 * One TF-IDF vectorizer shared by one classifier per triage field. Training needs nothing but
 * labelled text; the label sets come from the data, so another product's taxonomy needs no code.
 */
export class TriageModel {
  private constructor(
    private readonly vectorizer: TfidfVectorizer,
    private readonly classifiers: Map<string, FieldClassifier>,
    readonly version: string,
    readonly trainedAt: string,
    readonly examples: number,
    readonly holdout?: HoldoutScores,
    readonly additionalHoldouts: NamedHoldoutScores[] = [],
  ) {}

  get fields(): string[] {
    return [...this.classifiers.keys()];
  }

  static train(examples: LabelledInquiry[], options: Partial<TrainOptions> = {}): TriageModel {
    const plan = TriageModel.plan(examples, options);
    return plan.assemble(plan.fields.map((field) => FieldClassifier.train(...plan.fieldTraining(field))));
  }

  /**
   * The same training, with the fields learnt side by side by `trainFields` (worker threads in
   * the build and the evaluation commands); the model is the one `train` gives.
   */
  static async trainWith(
    trainFields: (inputs: FieldTrainingInput[]) => Promise<FieldClassifierState[]>,
    examples: LabelledInquiry[],
    options: Partial<TrainOptions> = {},
  ): Promise<TriageModel> {
    const plan = TriageModel.plan(examples, options);
    const states = await trainFields(plan.fields.map((field) => plan.fieldTraining(field)));
    return plan.assemble(states.map((state) => FieldClassifier.fromState(state)));
  }

  private static plan(examples: LabelledInquiry[], options: Partial<TrainOptions>) {
    const { vectorizer: vectorizerOptions, classifier: classifierOptions } = { ...DEFAULT_TRAIN_OPTIONS, ...options };
    if (examples.length === 0) throw new Error('no training examples');
    const wanted =
      options.fields ??
      [...new Set(examples.flatMap((e) => Object.keys(e.labels)))].sort(
        (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
      );
    const fields = wanted.filter((field) => examples.some((e) => e.labels[field]));
    // IDF and vocabulary come from all training text; each field then learns from the examples that label it
    const { vectorizer, vectors } = TfidfVectorizer.fitTransform(examples, vectorizerOptions);
    const fieldTraining = (field: string): FieldTrainingInput => {
      const rows = examples.flatMap((e, i) => (e.labels[field] ? [i] : []));
      return [
        rows.map((i) => vectors[i]),
        rows.map((i) => examples[i].labels[field]),
        vectorizer.size,
        classifierOptions,
        vectorizer.groupOf,
      ];
    };
    const assemble = (classifiers: FieldClassifier[]): TriageModel => {
      // the version names what was learnt from what, so retraining on the same data gives the same name
      const fingerprint = createHash('sha256')
        .update(JSON.stringify({ vectorizerOptions, classifierOptions, fields: wanted }))
        .update(JSON.stringify(examples.map((e) => [e.subject, e.body, e.labels])))
        .digest('hex');
      const version = `tfidf-${classifierOptions.algorithm}-${fingerprint.slice(0, 12)}`;
      const byField = new Map(fields.map((field, i) => [field, classifiers[i]]));
      return new TriageModel(vectorizer, byField, version, new Date().toISOString(), examples.length);
    };
    return { fields, fieldTraining, assemble };
  }

  static fromJSON(json: TriageModelJSON): TriageModel {
    if (json.format !== 'switchboard-triage-model/1') throw new Error(`unknown triage model format ${String(json.format)}`);
    const classifiers = new Map(Object.entries(json.fields).map(([f, c]) => [f, FieldClassifier.fromJSON(c)]));
    return new TriageModel(
      TfidfVectorizer.fromJSON(json.vectorizer),
      classifiers,
      json.version,
      json.trainedAt,
      json.examples,
      json.holdout,
      json.additionalHoldouts,
    );
  }

  /** The same model carrying its held-out scores; the version does not change, as nothing learnt did. */
  withHoldout(holdout: HoldoutScores, additional: NamedHoldoutScores[] = []): TriageModel {
    const { vectorizer, classifiers, version, trainedAt, examples } = this;
    return new TriageModel(vectorizer, classifiers, version, trainedAt, examples, holdout, additional);
  }

  toJSON(): TriageModelJSON {
    return {
      format: 'switchboard-triage-model/1',
      version: this.version,
      trainedAt: this.trainedAt,
      examples: this.examples,
      vectorizer: this.vectorizer.toJSON(),
      fields: Object.fromEntries([...this.classifiers].map(([f, c]) => [f, c.toJSON()])),
      ...(this.holdout && { holdout: this.holdout }),
      ...(this.additionalHoldouts.length > 0 && { additionalHoldouts: this.additionalHoldouts }),
    };
  }

  /** What cross-validation chose per field, for logs and the evaluation report. */
  describe(): Record<string, FieldClassifierJSON['chosen'] & { labels: string[] }> {
    return Object.fromEntries([...this.classifiers].map(([f, c]) => [f, { ...c.chosen, labels: c.labels }]));
  }

  /**
   * With `allowed`, a label outside a field's configured set is never answered: the probability
   * mass of the configured labels is renormalised, and a field with none of them is left out.
   */
  classify(inquiry: InquiryText, allowed?: AllowedLabels): Record<string, FieldResult> {
    const x = this.vectorizer.vectorize(inquiry.subject, inquiry.body, inquiry.group);
    const result: Record<string, FieldResult> = {};
    for (const [field, classifier] of this.classifiers) {
      const { probabilities } = classifier.predict(x);
      const permitted = allowed?.[field];
      let ranked = classifier.labels
        .map((label, i) => ({ label, confidence: probabilities[i] }))
        .filter((r) => !permitted || permitted.includes(r.label));
      if (ranked.length === 0) continue;
      const mass = ranked.reduce((sum, r) => sum + r.confidence, 0);
      ranked = ranked.map((r) => ({ label: r.label, confidence: mass > 0 ? r.confidence / mass : 1 / ranked.length }));
      ranked.sort((a, b) => b.confidence - a.confidence);
      const [best, ...rest] = ranked;
      result[field] = {
        label: best.label,
        confidence: best.confidence,
        signals: this.signals(classifier.explain(x, best.label, 40)),
        alternatives: rest.slice(0, ALTERNATIVES),
      };
    }
    return result;
  }

  /**
   * Content words first: function words ("was", "in the") may tip the balance but explain nothing
   * to a person, and character fragments read worse than words; both only fill remaining places.
   */
  private signals(features: number[]): string[] {
    const names = features.map((i) => this.vectorizer.vocabulary[i]);
    const words = names.filter((f) => featureGroup(f) !== 'c');
    const ordered = [
      ...words.filter((f) => !isFunctionWordFeature(f)),
      ...names.filter((f) => featureGroup(f) === 'c'),
      ...words.filter(isFunctionWordFeature),
    ];
    return [...new Set(ordered.map(describeFeature))].slice(0, SIGNAL_LIMIT);
  }
}

function rank(field: string): number {
  const at = (TRIAGE_MODEL_FIELDS as readonly string[]).indexOf(field);
  return at < 0 ? TRIAGE_MODEL_FIELDS.length : at;
}
