import { findDuplicate, fingerprintSimilarity, inquiryFingerprint } from './inquiry-fingerprint.js';

describe('inquiry fingerprint', () => {
  const email = inquiryFingerprint(
    'Plugins stopped loading after upgrade',
    'Since the upgrade this morning none of my plugins load, the log shows ModuleNotFoundError.',
  );

  it('ignores case, punctuation, markdown, reply prefixes and redaction markers', () => {
    const github = inquiryFingerprint(
      'Re: plugins stopped loading after upgrade!',
      '**Since the upgrade** this morning none of my plugins load - the log shows `ModuleNotFoundError` [REDACTED:email]',
    );
    expect(github).toBe(email);
    expect(fingerprintSimilarity(email, github)).toBe(1);
  });

  it('scores near-identical text high and a different inquiry low', () => {
    const near = inquiryFingerprint(
      'Plugins stopped loading after upgrade',
      'Since the upgrade this morning none of my plugins load, the log shows a ModuleNotFoundError.',
    );
    const other = inquiryFingerprint('Colours look wrong', 'The colours in the terminal look washed out in tmux.');
    expect(fingerprintSimilarity(email, near)).toBeGreaterThan(0.9);
    expect(fingerprintSimilarity(email, other)).toBeLessThan(0.2);
  });

  it('picks the earliest candidate above the threshold and nothing below it', () => {
    const candidates = [
      { id: 'a', fingerprint: inquiryFingerprint('x', 'completely different words here') },
      { id: 'b', fingerprint: email },
      { id: 'c', fingerprint: email },
    ];
    expect(findDuplicate(email, candidates, 0.9)?.id).toBe('b');
    expect(findDuplicate(inquiryFingerprint('x', 'unrelated'), candidates, 0.9)).toBeUndefined();
    expect(findDuplicate(email, [{ fingerprint: '' }], 0)).toBeUndefined();
  });
});
