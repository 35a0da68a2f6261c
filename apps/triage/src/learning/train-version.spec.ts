import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatAppTaxonomy } from '../classification/chat-app.taxonomy.js';
import { ModelClassifier } from '../classification/model-classifier.js';
import { labelSetsOf, readTaxonomy, type Taxonomy } from '../classification/taxonomy.js';
import { TriageModel, type TriageModelJSON } from '../model/triage-model.js';
import { trainVersion } from './train-version.js';

// Another product (a billing SaaS) with its own components, brought by configuration only.
const billingTaxonomy: Taxonomy = {
  ...chatAppTaxonomy,
  product: 'ledgerly',
  fields: {
    ...chatAppTaxonomy.fields,
    component: {
      fallback: 'other',
      labels: [
        { label: 'invoicing', description: 'invoices and PDFs', cues: [] },
        { label: 'payments', description: 'cards, refunds, payouts', cues: [] },
        { label: 'mobile-app', description: 'the iOS and Android apps', cues: [] },
        { label: 'other', description: 'anything else', cues: [] },
      ],
    },
  },
};

const texts: Record<string, string[]> = {
  invoicing: [
    'invoice pdf shows the wrong total',
    'cannot download the invoice pdf',
    'invoice numbering restarted at one',
    'the invoice template lost our logo',
  ],
  payments: [
    'card payment declined twice',
    'refund never arrived on my card',
    'payout to the bank is late',
    'payment page rejects my visa card',
  ],
  'mobile-app': [
    'the android app crashes on login',
    'iphone app will not sync',
    'mobile app shows a blank screen on ios',
    'android app notifications missing',
  ],
};

function line(id: string, body: string, component: string, urgency = 'medium') {
  return JSON.stringify({ id, channel: 'email', subject: '', body, labels: { component, urgency, sentiment: 'neutral' } });
}

describe('training for a configured taxonomy', () => {
  let dir: string;
  let taxonomyFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-taxonomy-'));
    const lines = Object.entries(texts).flatMap(([component, bodies]) =>
      bodies.flatMap((body, i) => [
        line(`${component}-${i}`, body, component),
        line(`${component}-${i}b`, `${body} again today`, component, 'high'),
      ]),
    );
    // labelled with a Chat App component this product does not have: must not be learnt
    lines.push(line('stray-1', 'the plugin loader fails on startup', 'plugin-system'));
    lines.push(line('stray-2', 'plugin hooks fire twice', 'plugin-system'));
    writeFileSync(join(dir, 'part-a.jsonl'), lines.join('\n'));
    // outside the training folder, which is read whole
    mkdirSync(join(dir, 'held'));
    writeFileSync(
      join(dir, 'held', 'holdout.jsonl'),
      [line('h1', 'the invoice pdf total is wrong', 'invoicing'), line('h2', 'my card refund is missing', 'payments')].join('\n'),
    );
    writeFileSync(
      join(dir, 'held', 'holdout-x.jsonl'),
      [
        line('x1', 'refund for my card never came', 'payments'),
        line('x2', 'invoice shows the wrong VAT', 'invoicing'),
        line('x3', 'the app crashes when I open it on my phone', 'mobile-app'),
      ].join('\n'),
    );
    taxonomyFile = join(dir, 'taxonomy.json');
    writeFileSync(taxonomyFile, JSON.stringify(billingTaxonomy));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('learns only the configured labels and classifies with them, without a code change', async () => {
    const taxonomy = readTaxonomy(taxonomyFile);
    const trained = await trainVersion({
      trainingDir: dir,
      holdoutFile: join(dir, 'held', 'holdout.jsonl'),
      additionalHoldoutFiles: [join(dir, 'held', 'holdout-x.jsonl')],
      learnt: [],
      labelSets: labelSetsOf(taxonomy),
      threads: 1,
    });
    expect(trained.droppedLabels).toEqual({ component: 2 });
    const json = JSON.parse(trained.model) as TriageModelJSON;
    expect(json.fields.component.labels.sort()).toEqual(['invoicing', 'mobile-app', 'payments']);
    expect(trained.holdout.component.accuracy).toBeGreaterThan(0);
    // every holdout is scored and named; the model carries its scores to publish them
    expect(trained.additionalHoldouts).toEqual([
      { name: 'holdout-x', examples: 3, fields: expect.objectContaining({ component: expect.any(Object) }) },
    ]);
    expect(json.additionalHoldouts?.[0]).toMatchObject({ name: 'holdout-x', examples: 3 });
    expect(json.additionalHoldouts?.[0].fields.component.n).toBe(3);

    const classifier = ModelClassifier.fromJSON(json, taxonomy);
    const result = classifier.classify({ subject: 'refund', body: 'my card refund has not arrived' });
    expect(result.component.label).toBe('payments');
    expect(['invoicing', 'payments', 'mobile-app', 'other']).toContain(result.component.label);
    // fields the tiny set never labels fall back to the configured default at confidence 0 (so a person reviews them)
    expect(result.category).toMatchObject({ label: 'technical', confidence: 0 });
  });

  it('never answers a label outside the configured set, even from a model that knows it', () => {
    const lines = [
      ...texts.payments.map((b) => ({ body: b, c: 'payments' })),
      ...texts.invoicing.map((b) => ({ body: b, c: 'legacy-billing' })),
    ];
    const model = TriageModel.train(
      lines.map((l, i) => ({ id: String(i), subject: '', body: l.body, labels: { component: l.c } })),
    );
    const classifier = new ModelClassifier(model, billingTaxonomy);
    const result = classifier.classify({ subject: '', body: 'invoice pdf shows the wrong total' });
    expect(model.classify({ subject: '', body: 'invoice pdf shows the wrong total' }).component.label).toBe('legacy-billing');
    expect(result.component.label).toBe('payments');
    expect(result.component.confidence).toBe(1);
  });
});
