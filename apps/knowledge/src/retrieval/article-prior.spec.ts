import { successRatePrior } from './article-prior.js';

describe('successRatePrior', () => {
  const prior = successRatePrior(
    new Map([
      ['good', { suggested: 100, resolved: 80 }],
      ['poor', { suggested: 100, resolved: 10 }],
      ['lucky', { suggested: 1, resolved: 1 }],
    ]),
  );

  it('favours articles that resolve more often than average', () => {
    expect(prior('good')).toBeGreaterThan(0);
    expect(prior('poor')).toBeLessThan(0);
    expect(prior('unknown')).toBe(0);
  });

  it('shrinks a rate seen on few suggestions towards zero', () => {
    expect(prior('lucky')).toBeLessThan(prior('good'));
  });
});
