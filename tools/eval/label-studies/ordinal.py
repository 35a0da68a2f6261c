"""Does an ordinal decomposition of urgency beat the multiclass model?

  python3 tools/eval/label-studies/ordinal.py prepare > /tmp/ordinal.jsonl
  node dist/tools/eval/cv-triage.js --train /tmp/ordinal.jsonl \
    --fields urgency,uGtlow,uGtmedium,uGthigh --predictions /tmp/oof-ordinal.jsonl
  python3 tools/eval/label-studies/ordinal.py score /tmp/oof-ordinal.jsonl

`prepare` writes the shipped training set (in the order the trainer reads it, so cv-triage draws
the same folds) with three binary fields: urgency above low, above medium, above high. Each is
trained by the service's own field trainer. `score` compares, on the out-of-fold predictions, the
multiclass model, the ordinal one (P(k) = P(> k-1) - P(> k), clipped and renormalised) and the
mean of the two.
"""
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ORDER = ['low', 'medium', 'high', 'critical']
THRESHOLDS = ['uGtlow', 'uGtmedium', 'uGthigh']


def prepare():
    for part in sorted((ROOT / 'apps/triage/data/train').glob('*.jsonl')):
        for line in open(part):
            if not line.strip():
                continue
            example = json.loads(line)
            urgency = example['labels'].get('urgency')
            if urgency:
                rank = ORDER.index(urgency)
                example['labels'] = {'urgency': urgency, **{t: 'yes' if rank > k else 'no' for k, t in enumerate(THRESHOLDS)}}
            print(json.dumps(example))


def distribution(row, labels):
    p = dict(row['probabilities'])
    rest = [l for l in labels if l not in p]
    for l in rest:
        p[l] = max(0.0, 1 - sum(row['probabilities'].values())) / len(rest)
    return [p[l] for l in labels]


def score(file):
    by_id = collections.defaultdict(dict)
    for line in open(file):
        row = json.loads(line)
        by_id[row['id']][row['field']] = row
    correct, steps = collections.Counter(), collections.Counter()
    scored = [fields for fields in by_id.values() if 'urgency' in fields]
    for fields in scored:
        gold = ORDER.index(fields['urgency']['label'])
        multiclass = distribution(fields['urgency'], ORDER)
        above = [1.0] + [distribution(fields[t], ['no', 'yes'])[1] for t in THRESHOLDS] + [0.0]
        ordinal = [max(0.0, above[k] - above[k + 1]) for k in range(len(ORDER))]
        ordinal = [p / (sum(ordinal) or 1) for p in ordinal]
        mean = [(a + b) / 2 for a, b in zip(multiclass, ordinal)]
        for name, p in (('multiclass', multiclass), ('ordinal', ordinal), ('mean', mean)):
            guess = max(range(len(ORDER)), key=lambda k: p[k])
            correct[name] += guess == gold
            steps[(name, abs(guess - gold))] += 1
    for name in ('multiclass', 'ordinal', 'mean'):
        off = ', '.join(f'{s} step(s) {steps[(name, s)]}' for s in (1, 2, 3))
        print(f'{name}: accuracy {correct[name] / len(scored):.4f} ({off})')


if __name__ == '__main__':
    prepare() if sys.argv[1] == 'prepare' else score(sys.argv[2])
