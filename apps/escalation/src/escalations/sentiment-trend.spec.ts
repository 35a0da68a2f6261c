import { isWorsening } from './sentiment-trend.js';

const r = (...labels: string[]) => labels.map((sentiment) => ({ sentiment, confidence: 0.8 }));

describe('sentiment trend', () => {
  it('sees a steady slide to negative as worsening', () => {
    expect(isWorsening(r('positive', 'neutral', 'negative'))).toBe(true);
    expect(isWorsening(r('neutral', 'negative', 'negative'))).toBe(true);
    expect(isWorsening(r('negative', 'negative', 'negative'))).toBe(true);
  });

  it('needs three readings and a negative end', () => {
    expect(isWorsening(r('neutral', 'negative'))).toBe(false);
    expect(isWorsening(r('negative', 'neutral', 'neutral'))).toBe(false);
    expect(isWorsening(r('negative', 'positive', 'negative'))).toBe(false);
  });

  it('ignores readings the model was unsure about', () => {
    const readings = [...r('positive', 'neutral'), { sentiment: 'negative', confidence: 0.3 }];
    expect(isWorsening(readings)).toBe(false);
  });
});
