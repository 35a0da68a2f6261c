import {
  crossGroupMacroF1,
  evaluate,
  expectedCalibrationError,
  formatReport,
  macroF1ByGroup,
  stratifiedAgreement,
  wilsonInterval,
} from './metrics.js';

describe('metrics', () => {
  const gold = ['bug', 'bug', 'bug', 'feature', 'feature', 'technical'];
  const predicted = ['bug', 'bug', 'feature', 'feature', 'technical', 'technical'];

  it('computes accuracy, per-class precision/recall/F1 and the confusion matrix', () => {
    const r = evaluate(gold, predicted);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(r.labels).toEqual(['bug', 'feature', 'technical']);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    const bug = r.perClass.find((c) => c.label === 'bug')!;
    expect(bug).toMatchObject({ precision: 1, support: 3 });
    expect(bug.recall).toBeCloseTo(2 / 3);
    expect(bug.f1).toBeCloseTo(0.8);
    // feature: p=1/2 r=1/2 f=1/2; technical: p=1/2 r=1 f=2/3
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
  });

  it('counts a label only the model used against macro-F1', () => {
    expect(evaluate(['a', 'a'], ['a', 'b']).macroF1).toBeCloseTo((2 / 3 + 0) / 2);
  });

  it('averages macro-F1 per group, not over the pooled predictions', () => {
    const groups = ['r1', 'r1', 'r2', 'r2'];
    const score = crossGroupMacroF1(['x', 'y', 'x', 'y'], ['x', 'y', 'y', 'y'], groups);
    const r2 = evaluate(['x', 'y'], ['y', 'y']).macroF1;
    expect(score).toBeCloseTo((1 + r2) / 2);
    expect([...macroF1ByGroup(['x', 'y', 'x', 'y'], ['x', 'y', 'y', 'y'], groups)]).toEqual([
      ['r1', 1],
      ['r2', r2],
    ]);
  });

  it('measures calibration: zero when confidence matches accuracy, the gap otherwise', () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0);
    expect(expectedCalibrationError([0.95, 0.95], [true, false])).toBeCloseTo(0.45);
    expect(expectedCalibrationError([], [])).toBe(0);
  });

  it('rejects lists of different length and prints a readable table', () => {
    expect(() => evaluate(['a'], [])).toThrow(/1 labels/);
    expect(formatReport(evaluate(gold, predicted))).toMatch(/technical\s+0\s+0\s+1/);
  });

  it('gives the 95 % Wilson interval of an accuracy, narrowing as more inquiries are scored', () => {
    const onHoldout = wilsonInterval(261, 300);
    expect(onHoldout.low).toBeCloseTo(0.827, 3);
    expect(onHoldout.high).toBeCloseTo(0.903, 3);
    const wider = wilsonInterval(26, 30);
    expect(wider.high - wider.low).toBeGreaterThan(onHoldout.high - onHoldout.low);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('weights a census stratum and a sampled stratum by their shares of the file', () => {
    // 200 disagreeing lines checked in full (120 agree), 100 of the other 800 sampled (90 agree)
    const estimate = stratifiedAgreement({ n: 200, agreed: 120 }, { n: 100, agreed: 90 }, 1000);
    expect(estimate.agreement).toBeCloseTo((800 * 0.9 + 120) / 1000, 6);
    const sampleInterval = wilsonInterval(90, 100);
    expect(estimate.low).toBeCloseTo((800 * sampleInterval.low + 120) / 1000, 6);
    expect(estimate.high).toBeCloseTo((800 * sampleInterval.high + 120) / 1000, 6);
    expect(estimate.low).toBeLessThan(estimate.agreement);
  });

  it('reads a census of the whole file like a holdout score', () => {
    expect(stratifiedAgreement({ n: 300, agreed: 261 }, { n: 0, agreed: 0 }, 300)).toEqual({
      agreement: 0.87,
      ...wilsonInterval(261, 300),
    });
  });
});
