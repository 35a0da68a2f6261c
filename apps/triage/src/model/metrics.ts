export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** how many gold examples carry this label */
  support: number;
}

export interface FieldReport {
  n: number;
  accuracy: number;
  macroF1: number;
  /** row = gold label, column = predicted label, both in `labels` order */
  labels: string[];
  confusion: number[][];
  perClass: ClassScore[];
}

/**
 * Scores predictions against gold labels. Macro-F1 averages over every label seen in either
 * list (as scikit-learn does), so a label the model invents costs it instead of being ignored.
 */
export function evaluate(gold: string[], predicted: string[]): FieldReport {
  if (gold.length !== predicted.length) throw new Error(`gold has ${gold.length} labels, predictions ${predicted.length}`);
  const labels = [...new Set([...gold, ...predicted])].sort();
  const confusion = labels.map(() => labels.map(() => 0));
  gold.forEach((g, i) => confusion[labels.indexOf(g)][labels.indexOf(predicted[i])]++);
  const perClass = labels.map((label, i) => {
    const tp = confusion[i][i];
    const support = confusion[i].reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[i], 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const correct = labels.reduce((sum, _l, i) => sum + confusion[i][i], 0);
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: perClass.length ? perClass.reduce((s, c) => s + c.f1, 0) / perClass.length : 0,
    labels,
    confusion,
    perClass,
  };
}

/** Each group's (e.g. repository's) own macro-F1, groups in name order. */
export function macroF1ByGroup(gold: string[], predicted: string[], groups: string[]): Map<string, number> {
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
  const names = [...byGroup.keys()].sort();
  return new Map(
    names.map((name) => {
      const rows = byGroup.get(name) ?? [];
      return [
        name,
        evaluate(
          rows.map((i) => gold[i]),
          rows.map((i) => predicted[i]),
        ).macroF1,
      ];
    }),
  );
}

/** Mean over groups of each group's own macro-F1: the NLBSE cross-repo score. */
export function crossGroupMacroF1(gold: string[], predicted: string[], groups: string[]): number {
  const scores = [...macroF1ByGroup(gold, predicted, groups).values()];
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
}

/** The confusion matrix and per-class scores as aligned text for a terminal. */
export function formatReport(report: FieldReport): string {
  const width = Math.max(8, ...report.labels.map((l) => l.length)) + 2;
  const cell = (s: string | number) => String(s).padStart(width);
  const header = `${'gold \\ predicted'.padEnd(width + 8)}${report.labels.map(cell).join('')}`;
  const rows = report.labels.map((label, i) => `${label.padEnd(width + 8)}${report.confusion[i].map(cell).join('')}`);
  const scores = report.perClass.map(
    (c) =>
      `${c.label.padEnd(width + 8)}${cell(c.precision.toFixed(3))}${cell(c.recall.toFixed(3))}${cell(c.f1.toFixed(3))}${cell(c.support)}`,
  );
  return [
    header,
    ...rows,
    '',
    `${''.padEnd(width + 8)}${['precision', 'recall', 'f1', 'support'].map(cell).join('')}`,
    ...scores,
  ].join('\n');
}

/**
 * Expected calibration error: predictions are put in `bins` equal-width confidence bins, and the
 * gap between mean confidence and accuracy in each bin is averaged, weighted by the bin's size.
 * 0 means "80 % sure" is right 80 % of the time.
 */
export function expectedCalibrationError(confidences: number[], correct: boolean[], bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const confidenceSum = new Array<number>(bins).fill(0);
  const correctSum = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const bin = Math.min(bins - 1, Math.floor(c * bins));
    count[bin]++;
    confidenceSum[bin] += c;
    if (correct[i]) correctSum[bin]++;
  });
  const n = confidences.length;
  return n === 0 ? 0 : count.reduce((sum, k, b) => sum + (k ? Math.abs(confidenceSum[b] - correctSum[b]) / n : 0), 0);
}

/**
 * 95 % Wilson score interval of an accuracy measured on n inquiries: how far the true accuracy may
 * lie from the measured one. On 300 inquiries it is about ±3.5 points, so a difference of a few
 * inquiries between two models, or between a model and a target, is not a finding.
 */
export function wilsonInterval(correct: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = correct / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface AgreementCount {
  /** lines labelled twice */
  n: number;
  /** lines where both labels are the same */
  agreed: number;
}

/**
 * How often two labellings of a file agree, estimated from a census of some lines (every line of
 * that stratum checked) and a random sample of the rest, each weighted by its share of the
 * `population` lines. Only the sample carries sampling error. With no sample the census is the
 * whole file, read, like a holdout score, as a sample of inquiries like it.
 */
export function stratifiedAgreement(
  census: AgreementCount,
  sample: AgreementCount,
  population: number,
): { agreement: number; low: number; high: number } {
  if (sample.n === 0) {
    const interval = wilsonInterval(census.agreed, census.n);
    return { agreement: census.n ? census.agreed / census.n : 0, ...interval };
  }
  const sampledShare = population - census.n;
  const weighted = (rate: number) => (sampledShare * rate + census.agreed) / population;
  const interval = wilsonInterval(sample.agreed, sample.n);
  return { agreement: weighted(sample.agreed / sample.n), low: weighted(interval.low), high: weighted(interval.high) };
}
