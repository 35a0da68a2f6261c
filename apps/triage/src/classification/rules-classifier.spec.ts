import { chatAppTaxonomy } from './chat-app.taxonomy.js';
import { RulesClassifier } from './rules-classifier.js';

const classifier = new RulesClassifier(chatAppTaxonomy);

describe('RulesClassifier', () => {
  it('treats a leaked key as a critical provider problem', () => {
    const r = classifier.classify({ subject: 'API key leaked', body: 'My OpenAI api key was leaked in the log file' });
    expect(r.urgency.label).toBe('critical');
    expect(r.component.label).toBe('llm-provider');
    expect(r.rationale).toContain('urgency=critical');
  });

  it('sees a plugin crash at launch as a high-urgency plugin bug', () => {
    const r = classifier.classify({ subject: 'crash', body: 'the app crashes on launch with a traceback from my plugin' });
    expect(r.urgency.label).toBe('high');
    expect(r.category.label).toBe('bug');
    expect(r.component.label).toBe('plugin-system');
  });

  it('falls back to defaults with low confidence when nothing matches', () => {
    const r = classifier.classify({ subject: 'hi', body: 'question about something' });
    expect(r.urgency).toEqual({ label: 'low', confidence: 0.4, signals: [] });
    expect(r.confidence).toBe(0.4);
  });

  it('takes user type from the customer profile when given', () => {
    const r = classifier.classify({ subject: 'x', body: 'y', userType: 'enterprise' });
    expect(r.userType.label).toBe('enterprise');
    expect(r.userType.confidence).toBe(1);
  });
});
