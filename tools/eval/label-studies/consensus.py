"""Does leaving out the lines whose labels two readings dispute make a better model?

A line is consensus for a field when the training writer's label equals the rule annotators'
(`apps/triage/data/audit/rule-labels.jsonl`), else contested. `prepare` writes the training set
(in the order the trainer reads it) with the writers' `urgency` and `component` on every line and
`urgencyConsensus` / `componentConsensus` only on consensus lines, so one cv-triage run trains both
versions of each field on the same folds (the first field, `urgency`, sets the folds as in
session 9). `score` compares, out of fold, W (trained on every line) with C (trained on consensus
lines only) on consensus lines, on contested lines against either label, and on all lines. The
rule in `consensus-prereg.md` decides. No holdout file is read.

  python3 tools/eval/label-studies/consensus.py prepare > /tmp/consensus.jsonl
  node dist/tools/eval/cv-triage.js --train /tmp/consensus.jsonl \
    --fields urgency,component,urgencyConsensus,componentConsensus --predictions /tmp/oof-consensus.jsonl
  python3 tools/eval/label-studies/consensus.py score /tmp/oof-consensus.jsonl
"""
import collections
import json
import sys

from relabel import FIELDS, RULE_LABELS, read_jsonl, training_lines


def prepare():
    rule = {r['id']: r for r in read_jsonl(RULE_LABELS)}
    for example in training_lines():
        labelled = rule[example['id']]
        labels = {f: labelled['writer'][f] for f in FIELDS}
        labels.update({f'{f}Consensus': labels[f] for f in FIELDS if labels[f] == labelled[f]})
        example['labels'] = labels
        print(json.dumps(example))


def accuracy(ids, predicted, truth):
    return round(sum(predicted[i] == truth[i] for i in ids) / len(ids), 4) if ids else None


def score(oof_path):
    rule = {r['id']: r for r in read_jsonl(RULE_LABELS)}
    predicted = collections.defaultdict(dict)
    for row in read_jsonl(oof_path):
        predicted[row['field']][row['id']] = row['predicted']
    result = {}
    for f in FIELDS:
        writers = {i: r['writer'][f] for i, r in rule.items()}
        rules = {i: r[f] for i, r in rule.items()}
        ids = sorted(set(predicted[f]) & set(predicted[f'{f}Consensus']))
        consensus = [i for i in ids if writers[i] == rules[i]]
        contested = [i for i in ids if writers[i] != rules[i]]
        figures = {'lines': len(ids), 'consensus_lines': len(consensus), 'contested_lines': len(contested)}
        for model, field in (('W', f), ('C', f'{f}Consensus')):
            p = predicted[field]
            figures[f'{model}_consensus'] = accuracy(consensus, p, writers)
            figures[f'{model}_contested_vs_writers'] = accuracy(contested, p, writers)
            figures[f'{model}_contested_vs_rule'] = accuracy(contested, p, rules)
            figures[f'{model}_all_vs_writers'] = accuracy(ids, p, writers)
            figures[f'{model}_all_vs_rule'] = accuracy(ids, p, rules)
            figures[f'{model}_all_mean'] = round((figures[f'{model}_all_vs_writers'] + figures[f'{model}_all_vs_rule']) / 2, 4)
        figures['gain_consensus'] = round(figures['C_consensus'] - figures['W_consensus'], 4)
        figures['adopt'] = figures['gain_consensus'] >= 0.01 and figures['C_all_mean'] >= figures['W_all_mean']
        result[f] = figures
    print(json.dumps(result, indent=1))


if __name__ == '__main__':
    {'prepare': prepare, 'score': lambda: score(sys.argv[2])}[sys.argv[1]]()
