import {
  DEFAULT_FEATURE_OPTIONS,
  describeFeature,
  extractFeatures,
  isFunctionWordFeature,
  normaliseText,
  stripQuotedAndSignature,
} from './text-features.js';

describe('text features', () => {
  it('drops quoted replies, the "On ... wrote:" block and the signature', () => {
    const text = [
      'The input box freezes.',
      '> earlier quoted line about plugins',
      'Still happens on 0.5.16.',
      '-- ',
      'Jane Doe, ACME',
      'On Mon, 3 Mar 2025 at 10:00, Support <help@example.com> wrote:',
      'old message about billing',
    ].join('\n');
    const cleaned = stripQuotedAndSignature(text);
    expect(cleaned).toContain('input box freezes');
    expect(cleaned).toContain('Still happens');
    expect(cleaned).not.toMatch(/quoted|Jane|billing/);
  });

  it('cuts an email at the reply header even without a signature', () => {
    expect(stripQuotedAndSignature('new text\nOn Tue, Bob wrote:\nold text')).toBe('new text\n');
  });

  it('turns tracebacks, URLs, versions and numbers into placeholder words', () => {
    const text = normaliseText(
      'Traceback (most recent call last):\n  File "/usr/lib/kollab/main.py", line 42, in run\nSee https://x.io/a?b=1 on v0.5.16, 3 times',
    );
    expect(text).toContain('pytraceback');
    expect(text).toContain('pyframe');
    expect(text).toContain('urllink');
    expect(text).toContain('versionnumber');
    expect(text).not.toMatch(/main\.py|x\.io|42/);
  });

  it('removes issue-template comments and empty template answers', () => {
    expect(normaliseText('<!-- please describe -->Crash\n### Logs\n_No response_')).not.toMatch(/please|no response/);
  });

  it('marks subject words apart from body words and keeps char n-grams inside words', () => {
    const features = extractFeatures('Crash', 'app crash now', { ...DEFAULT_FEATURE_OPTIONS, charMin: 3, charMax: 3 });
    expect(features.get('t:crash')).toBe(1);
    expect(features.get('w:crash')).toBe(1);
    expect(features.get('w:app crash')).toBe(1);
    expect(features.get('c: cr')).toBe(2);
    expect(features.has('c:p c')).toBe(false);
  });

  it('repeats word features, not char n-grams, under the source when the inquiry names one', () => {
    const options = { ...DEFAULT_FEATURE_OPTIONS, charMin: 3, charMax: 3 };
    const features = extractFeatures('Crash', 'app crash', options, 'facebook/react');
    expect(features.get('g:facebook/react w:app crash')).toBe(1);
    expect(features.get('g:facebook/react t:crash')).toBe(1);
    expect([...features.keys()].some((f) => f.startsWith('g:') && f.includes(' c:'))).toBe(false);
    expect([...extractFeatures('Crash', 'app crash', options).keys()].some((f) => f.startsWith('g:'))).toBe(false);
    expect(
      [...extractFeatures('Crash', 'app', { ...options, groupWords: false }, 'x').keys()].some((f) => f.startsWith('g:')),
    ).toBe(false);
  });

  it('reads a question mark as a word', () => {
    expect(extractFeatures('How do I?', '', DEFAULT_FEATURE_OPTIONS).get('t:?')).toBe(1);
  });

  it('tells function-word features from content words', () => {
    expect(isFunctionWordFeature('w:in the')).toBe(true);
    expect(isFunctionWordFeature('t:^how')).toBe(false);
    expect(isFunctionWordFeature('w:api key')).toBe(false);
    expect(isFunctionWordFeature('c: th')).toBe(false);
    expect(isFunctionWordFeature('g:facebook/react w:in the')).toBe(true);
  });

  it('describes features for people', () => {
    expect(describeFeature('t:api key')).toBe('subject: "api key"');
    expect(describeFeature('w:crash')).toBe('"crash"');
    expect(describeFeature('g:facebook/react t:crash')).toBe('subject: "crash"');
  });
});
