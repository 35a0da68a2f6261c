import { calibrate, chooseThreshold, fitCalibration } from './logistic-calibration.js';

describe('fitCalibration', () => {
  it('learns probabilities that rise with the score and match the base rate', () => {
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((tenths) =>
      // relevant in proportion to the score, so the fitted curve must increase
      Array.from({ length: 10 }, (_, k) => ({ features: [tenths / 10], relevant: k < tenths })),
    );
    const model = fitCalibration(samples);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(calibrate(model, [0.9])).toBeGreaterThan(0.8);
    expect(calibrate(model, [0.1])).toBeLessThan(0.2);
    expect(calibrate(model, [0.5])).toBeCloseTo(0.5, 1);
  });

  it('stays finite on separable data', () => {
    const model = fitCalibration([
      { features: [0.1, 0], relevant: false },
      { features: [0.9, 0.5], relevant: true },
    ]);
    expect(Number.isFinite(model.weights[0]) && Number.isFinite(model.intercept)).toBe(true);
  });
});

describe('chooseThreshold', () => {
  it('cuts between unanswerable and answerable top scores', () => {
    const cut = chooseThreshold([
      { topScore: 0.1, answerable: false },
      { topScore: 0.2, answerable: false },
      { topScore: 0.6, answerable: true },
      { topScore: 0.8, answerable: true },
    ]);
    expect(cut).toBeCloseTo(0.4, 10);
  });
});
