import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type LabelledInquiry, readDataset } from '../../apps/triage/src/model/dataset.js';
import { stratifiedAgreement } from '../../apps/triage/src/model/metrics.js';
import { SHIPPED_TRAINING_DIR } from '../../apps/triage/src/model/shipped-training-set.js';

// `node dist/tools/eval/annotator-agreement.js [--labels FILE ...] [--audit FILE]`: how often a
// second annotator, labelling blind by the taxonomy's rules, gives the label the files carry
// (default: the training files the audit covered). That is the ceiling a model is measured
// against: where two people following the rules agree on 85 % of inquiries, a model cannot be
// expected to match either of them on 90 %.
//
// Each audit line names its stratum. `all` and `model-disagreed` are labelled in full (a census);
// `model-agreed` is a random sample of the remaining lines. The training-set audit was drawn from
// a cross-validation of the shipped model (cv-triage --predictions): every line whose out-of-fold
// prediction differed from its label, and a sample of the others. The estimate weights each
// stratum by its size in the files.
const { values: args } = parseArgs({
  options: {
    labels: { type: 'string', multiple: true },
    audit: {
      type: 'string',
      default: fileURLToPath(new URL('../../apps/triage/data/audit/second-annotator.jsonl', import.meta.url)),
    },
  },
});

interface SecondLabel {
  id: string;
  field: string;
  label: string;
  stratum: 'all' | 'model-disagreed' | 'model-agreed';
}

// The audit drew its strata from these 1,600 lines; part-f came later and was never audited, so
// counting it would weight the sampled stratum by lines it was not drawn from.
const AUDITED_TRAINING_FILES = ['part-a.jsonl', 'part-b.jsonl', 'part-c.jsonl'].map((f) => join(SHIPPED_TRAINING_DIR, f));
const examples: LabelledInquiry[] = (args.labels ?? AUDITED_TRAINING_FILES).flatMap((file) =>
  readDataset(file, { format: 'jsonl' }),
);
const byId = new Map(examples.map((e) => [e.id, e]));
const audit = readFileSync(args.audit, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as SecondLabel);

const summary: Record<string, { agreement: number; low: number; high: number }> = {};
for (const field of [...new Set(audit.map((a) => a.field))].sort()) {
  const labelled = examples.filter((e) => e.labels[field]).length;
  // each second label beside the label the file carries; lines the file does not label are not scored
  const rows = audit.flatMap((a) => {
    const writer = a.field === field ? byId.get(a.id)?.labels[field] : undefined;
    return writer ? [{ ...a, writer }] : [];
  });
  const stratum = (...names: SecondLabel['stratum'][]) => {
    const inStratum = rows.filter((a) => names.includes(a.stratum));
    return { n: inStratum.length, agreed: inStratum.filter((a) => a.writer === a.label).length };
  };
  const census = stratum('all', 'model-disagreed');
  const sample = stratum('model-agreed');
  const estimate = stratifiedAgreement(census, sample, labelled);
  summary[field] = { agreement: round(estimate.agreement), low: round(estimate.low), high: round(estimate.high) };
  const pairs = new Map<string, number>();
  for (const { writer, label } of rows) {
    if (writer !== label) pairs.set(`${writer}→${label}`, (pairs.get(`${writer}→${label}`) ?? 0) + 1);
  }
  const commonest = [...pairs]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 6)
    .map(([pair, count]) => `${pair} ${count}`)
    .join(', ');
  console.log(
    `${field}: second annotator agrees on ${estimate.agreement.toFixed(3)} of ${labelled} lines ` +
      `(95 % interval ${summary[field].low.toFixed(3)}–${summary[field].high.toFixed(3)}); ` +
      `census ${census.agreed}/${census.n}, sample ${sample.agreed}/${sample.n}; ` +
      `writer→second: ${commonest}`,
  );
}
console.log(JSON.stringify({ n: examples.length, audited: audit.length, agreement: summary }));

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
