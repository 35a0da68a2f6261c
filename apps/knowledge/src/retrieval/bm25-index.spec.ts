import { Bm25Index, bm25Idf } from './bm25-index.js';

const docs = [
  { id: 'a', title: 'Reset your password', body: 'Open settings and choose reset password.' },
  { id: 'b', title: 'Delete your account', body: 'Account deletion removes every password and setting.' },
  { id: 'c', title: 'Change the theme', body: 'Pick a colour theme in settings. Settings are saved.' },
];

describe('Bm25Index', () => {
  it('ranks the article whose rare terms match first', () => {
    const index = Bm25Index.build(docs);
    const scores = index.scoreAll(index.queryTerms('how to delete my account'));
    expect(scores[1]).toBeGreaterThan(scores[0]);
    expect(scores[1]).toBeGreaterThan(scores[2]);
    expect(scores[2]).toBe(0);
  });

  it('weights title occurrences more when asked to', () => {
    const pair = [
      { id: 'title', title: 'password', body: 'other words here' },
      { id: 'body', title: 'other', body: 'password words here' },
    ];
    const flat = Bm25Index.build(pair, { titleWeight: 1 });
    const weighted = Bm25Index.build(pair, { titleWeight: 3 });
    const terms = ['password'];
    expect(flat.scoreAll(terms)[0]).toBeCloseTo(flat.scoreAll(terms)[1], 10);
    expect(weighted.scoreAll(terms)[0]).toBeGreaterThan(weighted.scoreAll(terms)[1]);
  });

  it('penalises long documents only as far as b says', () => {
    const pair = [
      { id: 'short', title: '', body: 'token' },
      { id: 'long', title: '', body: 'token filler filler filler filler filler filler filler' },
    ];
    const none = Bm25Index.build(pair, { b: 0 }).scoreAll(['token']);
    const full = Bm25Index.build(pair, { b: 1 }).scoreAll(['token']);
    expect(none[0]).toBeCloseTo(none[1], 10);
    expect(full[0]).toBeGreaterThan(full[1]);
  });

  it('bounds every score by the ceiling and counts unknown terms as rare', () => {
    const index = Bm25Index.build(docs);
    const terms = index.queryTerms('reset password');
    const best = Math.max(...index.scoreAll(terms));
    expect(best).toBeLessThanOrEqual(index.scoreCeiling(terms));
    expect(index.scoreCeiling(['zebra'])).toBeCloseTo(bm25Idf(3, 0) * 2.2, 10);
  });
});
