"""Would training on labels assigned strictly by the rules predict rule labels better?

Eight annotators relabelled urgency and component of all 2,400 training lines blind, by the
taxonomy's rules (`apps/triage/data/audit/rule-labels.jsonl`, with the writers' labels beside
them, so the study reads the same whatever the training files carry). `prepare` writes the training
set (in the order the trainer reads it) with four fields: the writers' `urgency` and `component`
and the annotators' `urgencyRule` and `componentRule`, so one cv-triage run trains both versions of
each field on the same folds. `score` compares, out of fold, the model trained on the writers'
labels (W) with the one trained on the rule labels (R), against either set of labels. No holdout
file is read.

  python3 tools/eval/label-studies/relabel.py prepare > /tmp/relabel.jsonl
  node dist/tools/eval/cv-triage.js --train /tmp/relabel.jsonl \
    --fields urgency,component,urgencyRule,componentRule --predictions /tmp/oof-relabel.jsonl
  python3 tools/eval/label-studies/relabel.py score /tmp/oof-relabel.jsonl
"""
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RULE_LABELS = ROOT / 'apps/triage/data/audit/rule-labels.jsonl'
FIELDS = ['urgency', 'component']


def read_jsonl(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def training_lines():
    for part in sorted((ROOT / 'apps/triage/data/train').glob('*.jsonl')):
        yield from read_jsonl(part)


def prepare():
    rule = {r['id']: r for r in read_jsonl(RULE_LABELS)}
    for example in training_lines():
        labelled = rule[example['id']]
        example['labels'] = {
            **{f: labelled['writer'][f] for f in FIELDS},
            **{f'{f}Rule': labelled[f] for f in FIELDS},
        }
        print(json.dumps(example))


def score(oof_path):
    rule = {r['id']: r for r in read_jsonl(RULE_LABELS)}
    writer = {i: r['writer'] for i, r in rule.items()}
    predicted = collections.defaultdict(dict)
    for row in read_jsonl(oof_path):
        predicted[row['id']][row['field']] = row['predicted']
    ids = sorted(predicted)
    result = {}
    for f in FIELDS:
        agree = sum(writer[i][f] == rule[i][f] for i in ids) / len(ids)
        figures = {'rule_labels_equal_writers': round(agree, 4)}
        for model, field in (('W', f), ('R', f'{f}Rule')):
            for truth, labels in (('writers', {i: writer[i][f] for i in ids}), ('rule', {i: rule[i][f] for i in ids})):
                hits = sum(predicted[i][field] == labels[i] for i in ids)
                figures[f'{model}_vs_{truth}'] = round(hits / len(ids), 4)
        figures['gain_vs_rule'] = round(figures['R_vs_rule'] - figures['W_vs_rule'], 4)
        figures['adopt'] = figures['gain_vs_rule'] >= 0.02
        result[f] = figures
    print(json.dumps(result, indent=1))


if __name__ == '__main__':
    {'prepare': prepare, 'score': lambda: score(sys.argv[2])}[sys.argv[1]]()
