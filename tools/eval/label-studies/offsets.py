"""Would a per-label offset on the model's log-probabilities bring it closer to the taxonomy's rules?

Reads out-of-fold predictions of the shipped training set (cv-triage --predictions, which writes
each ranked label's probability) and the second annotator's audit of training lines. Fits, per
field, one additive offset per label (the first stays 0) by coordinate search, maximising the
stratified agreement with the second annotator (census lines weigh 1, sampled lines stand for the
unaudited rest, as annotator-agreement.ts weighs them). Judged by 2-fold cross-fit over the audit
lines (split by id parity). No holdout file is read.

  python3 tools/eval/label-studies/offsets.py OOF.jsonl urgency category component
"""
import collections
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
AUDIT = ROOT / 'apps/triage/data/audit/second-annotator.jsonl'
AUDITED_PARTS = [ROOT / f'apps/triage/data/train/part-{p}.jsonl' for p in 'abc']
GRID = [round(-1.5 + 0.05 * i, 2) for i in range(61)]


def read_jsonl(path):
    return [json.loads(line) for line in open(path) if line.strip()]


oof = {(r['id'], r['field']): r for r in read_jsonl(sys.argv[1])}
audit = read_jsonl(AUDIT)
population = collections.Counter(f for part in AUDITED_PARTS for e in read_jsonl(part) for f, v in e['labels'].items() if v)


def labels_of(field):
    return sorted({l for (_, f), r in oof.items() if f == field for l in [*r['probabilities'], r['label']]})


def log_probabilities(row, labels):
    # labels past the ranked ones share what the ranked ones leave
    p = dict(row['probabilities'])
    rest = [l for l in labels if l not in p]
    for l in rest:
        p[l] = max(1e-6, 1 - sum(row['probabilities'].values())) / len(rest)
    return [math.log(max(p[l], 1e-9)) for l in labels]


def audit_rows(field, half=None):
    lines = [a for a in audit if a['field'] == field and (a['id'], field) in oof]
    census = sum(a['stratum'] != 'model-agreed' for a in lines)
    sample_weight = (population[field] - census) / max(1, len(lines) - census)
    return [
        (a['label'], oof[(a['id'], field)], 1.0 if a['stratum'] != 'model-agreed' else sample_weight)
        for a in lines
        if half is None or int(a['id'].split('-')[1]) % 2 == half
    ]


def agreement(rows, labels, offsets):
    agreed = total = 0.0
    for second, row, weight in rows:
        lp = log_probabilities(row, labels)
        best = max(range(len(labels)), key=lambda k: lp[k] + offsets[k])
        agreed += weight * (labels[best] == second)
        total += weight
    return agreed / total


def fit(rows, labels):
    offsets, best = [0.0] * len(labels), agreement(rows, labels, [0.0] * len(labels))
    for _sweep in range(3):
        for k in range(1, len(labels)):
            for value in GRID:
                trial = offsets[:k] + [value] + offsets[k + 1 :]
                score = agreement(rows, labels, trial)
                if score > best + 1e-12:
                    best, offsets = score, trial
    return offsets


for field in sys.argv[2:]:
    labels = labels_of(field)
    none = [0.0] * len(labels)
    gains = []
    for half in (0, 1):
        offsets = fit(audit_rows(field, half), labels)
        other = audit_rows(field, 1 - half)
        before, after = agreement(other, labels, none), agreement(other, labels, offsets)
        gains.append(after - before)
        print(f'{field}: fitted on half {half} {dict(zip(labels, offsets))}; other half {before:.4f} -> {after:.4f}')
    print(f'{field}: agreement with the second annotator {agreement(audit_rows(field), labels, none):.4f}; cross-fit gain {sum(gains) / 2:+.4f}')
