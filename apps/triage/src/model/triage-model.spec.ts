import type { LabelledInquiry } from './dataset.js';
import { TriageModel, type TrainOptions } from './triage-model.js';
import { DEFAULT_VECTORIZER_OPTIONS } from './vectorizer.js';

// tiny synthetic desk: the component follows the topic word, urgency follows "crash"/"how"
const topics = [
  { word: 'plugin', component: 'plugin-system', extra: 'hook register loader' },
  { word: 'theme', component: 'terminal-interface', extra: 'colours render terminal' },
  { word: 'config', component: 'configuration', extra: 'profile yaml setting' },
];
const examples: LabelledInquiry[] = topics.flatMap(({ word, component, extra }, t) =>
  Array.from({ length: 8 }, (_, i) => {
    const broken = i % 2 === 0;
    return {
      id: `${t}-${i}`,
      subject: broken ? `${word} crash` : `how to change ${word}`,
      body: broken
        ? `the ${word} crashes every time, ${extra.split(' ')[i % 3]} traceback`
        : `how do I set the ${word}? ${extra}`,
      labels: { component, urgency: broken ? 'high' : 'low' },
    };
  }),
);

const options: Partial<TrainOptions> = {
  vectorizer: { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1 },
  classifier: {
    algorithm: 'logistic',
    c: [1, 10],
    balanced: [false],
    nbWeight: [0, 0.3],
    groupScales: [{}, { c: 0.5 }],
    folds: 3,
    seed: 1,
    maxIterations: 100,
  },
};

describe('TriageModel', () => {
  const model = TriageModel.train(examples, options);

  it('learns one classifier per labelled field', () => {
    expect(model.fields).toEqual(['urgency', 'component']);
  });

  it('classifies unseen text with calibrated confidences and the words behind the label', () => {
    const r = model.classify({ subject: 'theme crash', body: 'the theme crashes when it renders' });
    expect(r.component.label).toBe('terminal-interface');
    expect(r.urgency.label).toBe('high');
    for (const field of model.fields) {
      expect(r[field].confidence).toBeGreaterThan(0);
      expect(r[field].confidence).toBeLessThanOrEqual(1);
    }
    expect(r.component.signals.join(' ')).toContain('theme');
    expect(model.classify({ subject: 'how to change config', body: 'how do I set it?' }).urgency.label).toBe('low');
  });

  it('is less sure about text it has never seen than about a training-like inquiry', () => {
    const seen = model.classify({ subject: 'plugin crash', body: 'the plugin crashes every time, hook traceback' });
    const unseen = model.classify({ subject: 'hello', body: 'nothing familiar here' });
    expect(unseen.component.confidence).toBeLessThan(seen.component.confidence);
  });

  it('trains deterministically and survives a JSON round trip', () => {
    const again = TriageModel.train(examples, options);
    const stored = TriageModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    const inquiry = { subject: 'config crash', body: 'profile yaml crashes' };
    expect(again.describe()).toEqual(model.describe());
    expect(again.version).toBe(model.version);
    expect(model.version).toMatch(/^tfidf-logistic-[0-9a-f]{12}$/);
    const a = model.classify(inquiry);
    const b = stored.classify(inquiry);
    for (const field of model.fields) {
      expect(b[field].label).toBe(a[field].label);
      expect(b[field].confidence).toBeCloseTo(a[field].confidence, 4);
    }
  });

  it('carries its held-out scores through storage without becoming another version', () => {
    const holdout = {
      examples: 3,
      measuredAt: '2026-11-28T00:00:00.000Z',
      fields: { urgency: { accuracy: 0.6667, macroF1: 0.5 } },
    };
    expect(model.holdout).toBeUndefined();
    const scored = model.withHoldout(holdout);
    const stored = TriageModel.fromJSON(JSON.parse(JSON.stringify(scored.toJSON())));
    expect(stored.holdout).toEqual(holdout);
    expect(stored.version).toBe(model.version);
    expect(model.toJSON()).not.toHaveProperty('holdout');
  });

  it('refuses to train on nothing', () => {
    expect(() => TriageModel.train([])).toThrow(/no training examples/);
  });
});
