import { FakeListChatModel } from '@langchain/core/utils/testing';
import { chatAppTaxonomy } from '../chat-app.taxonomy.js';
import { RulesClassifier } from '../rules-classifier.js';
import { triageClassifier } from './triage-classifier.js';

const local = new RulesClassifier(chatAppTaxonomy);
const inquiry = { subject: 'crash on launch', body: 'the app crashes on launch with a traceback from my plugin' };
const answer = (o: Record<string, unknown> = {}) =>
  JSON.stringify({
    urgency: { label: 'high', confidence: 0.9 },
    category: { label: 'bug', confidence: 0.8 },
    complexity: { label: 'complex', confidence: 0.7 },
    user_type: { label: 'developer', confidence: 0.6 },
    component: { label: 'plugin-system', confidence: 0.95 },
    sentiment: { label: 'negative', confidence: 0.55 },
    rationale: 'crash on launch, plugin traceback',
    ...o,
  });
const hosted = (responses: string[], sleep?: number) => ({
  model: new FakeListChatModel({ responses, sleep }),
  name: 'fake/test',
  timeoutMs: 200,
});

describe('triage classifier runnable', () => {
  it('runs the local model alone by default', async () => {
    const result = await triageClassifier({ local, taxonomy: chatAppTaxonomy }).invoke(inquiry);
    expect(result.modelVersion).toBe('rules-1');
  });

  it('uses the hosted model answer when it is valid, prose around the JSON included', async () => {
    const runnable = triageClassifier({
      local,
      taxonomy: chatAppTaxonomy,
      hosted: hosted([`Sure! ${answer()} Hope this helps.`]),
    });
    const result = await runnable.invoke(inquiry);
    expect(result).toMatchObject({
      modelVersion: 'hosted:fake/test',
      userType: { label: 'developer', confidence: 0.6 },
      component: { label: 'plugin-system' },
      confidence: 0.55,
    });
  });

  it.each([
    ['an answer without JSON', 'I think it is a bug.'],
    ['a label outside the configured sets', answer({ component: { label: 'kernel', confidence: 0.9 } })],
    ['a missing field', answer({ sentiment: undefined })],
  ])('falls back to the local model on %s', async (_, reply) => {
    const result = await triageClassifier({ local, taxonomy: chatAppTaxonomy, hosted: hosted([reply]) }).invoke(inquiry);
    expect(result.modelVersion).toBe('rules-1');
  });

  it('falls back to the local model when the hosted one is too slow', async () => {
    const started = Date.now();
    const result = await triageClassifier({ local, taxonomy: chatAppTaxonomy, hosted: hosted([answer()], 2000) }).invoke(inquiry);
    expect(result.modelVersion).toBe('rules-1');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
