"""Would a pretrained sentence encoder lift triage accuracy? Cross-validation on a training file only.

Frozen encoder embeddings (mean- or CLS-pooled, L2-normalised) are compared with, and added to, a
plain TF-IDF + logistic regression baseline in scikit-learn. This is a feasibility study outside the
service: it decides whether the service should carry an encoder, so it never reads a test file.

  python3 encoder_cv.py --data nlbse --train ../shared/data/nlbse24/issues_train.csv
  python3 encoder_cv.py --data chatapp --train apps/triage/data/train
"""

import argparse
import glob
import hashlib
import json
import os
import time

import numpy as np
import onnxruntime as ort
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from tokenizers import Tokenizer

# name -> (text prefix the model was trained with, pooling)
ENCODERS = {
    "all-minilm-l6-v2-q": ("", "mean"),
    "e5-small-v2-q": ("query: ", "mean"),
    "bge-small-en-v15-q": ("", "cls"),
}
# the title alone (cheap) and title with body (the whole inquiry), each with its token budget
VIEWS = {"title": 32, "whole": 256}
FUSION_WEIGHTS = (0.7, 1.0, 1.4)


def load(data, path):
    if data == "nlbse":
        frame = pd.read_csv(path).fillna("")
        return {
            "title": frame.title.tolist(),
            "whole": (frame.title + "\n" + frame.body).tolist(),
            "labels": {"label": frame.label.to_numpy()},
            "groups": frame.repo.to_numpy(),
        }
    rows = [json.loads(line) for f in sorted(glob.glob(os.path.join(path, "*.jsonl"))) for line in open(f) if line.strip()]
    labels = {f: np.array([r["labels"].get(f, "") for r in rows]) for f in ("urgency", "category", "component")}
    return {
        "title": [r.get("subject") or r["body"][:120] for r in rows],
        "whole": [(r.get("subject") or "") + "\n" + r["body"] for r in rows],
        "labels": labels,
        "groups": None,
    }


def session(model_dir, threads):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    return ort.InferenceSession(glob.glob(os.path.join(model_dir, "*.onnx"))[0], options)


def embed(model_dir, name, texts, max_tokens, cache_dir):
    key = hashlib.sha256(json.dumps([name, max_tokens, texts]).encode()).hexdigest()[:16]
    cached = os.path.join(cache_dir, f"{name}-{key}.npy")
    if os.path.exists(cached):
        return np.load(cached), 0.0
    prefix, pooling = ENCODERS[name]
    tokenizer = Tokenizer.from_file(glob.glob(os.path.join(model_dir, "*tokenizer.json"))[0])
    tokenizer.enable_truncation(max_tokens)
    tokenizer.enable_padding()
    model = session(model_dir, os.cpu_count() or 1)
    inputs = {i.name for i in model.get_inputs()}
    started, chunks = time.time(), []
    for start in range(0, len(texts), 32):
        encoded = tokenizer.encode_batch([prefix + t for t in texts[start : start + 32]])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = model.run(None, feeds)[0]
        pooled = hidden[:, 0, :] if pooling == "cls" else (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        chunks.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    vectors = np.vstack(chunks)
    os.makedirs(cache_dir, exist_ok=True)
    np.save(cached, vectors)
    return vectors, time.time() - started


def latency_ms(model_dir, lengths=(32, 64, 128, 256), runs=30):
    """One inquiry at a time on one thread, as the service would classify."""
    model = session(model_dir, 1)
    inputs = {i.name for i in model.get_inputs()}
    result = {}
    for length in lengths:
        ids = np.full((1, length), 1000, dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        for _ in range(5):
            model.run(None, feeds)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            model.run(None, feeds)
            times.append((time.perf_counter() - started) * 1000)
        result[length] = round(float(np.median(times)), 1)
    return result


def score(y, predicted, groups):
    if groups is None:
        return float((predicted == y).mean())
    return float(np.mean([f1_score(y[groups == g], predicted[groups == g], average="macro") for g in np.unique(groups)]))


def cross_validate(data, views, field):
    y, groups = data["labels"][field], data["groups"]
    keep = y != ""
    texts = np.array([t + " " + w for t, w in zip(data["title"], data["whole"])])  # the title counts twice
    strata = y if groups is None else np.char.add(groups.astype(str), y.astype(str))
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    both = np.hstack([views["title"], views["whole"]])
    results = {}
    rows = np.flatnonzero(keep)
    for train, test in folds.split(rows, strata[rows]):
        train, test = rows[train], rows[test]
        g = None if groups is None else groups[test]
        tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(texts[train])
        words_train, words_test = tfidf.transform(texts[train]), tfidf.transform(texts[test])
        baseline = LogisticRegression(C=10, max_iter=3000).fit(words_train, y[train])
        encoder = LogisticRegression(C=10, max_iter=3000).fit(both[train], y[train])
        runs = {"tfidf": baseline.predict(words_test), "encoder": encoder.predict(both[test])}
        mixed = 0.5 * baseline.predict_proba(words_test) + 0.5 * encoder.predict_proba(both[test])
        runs["late 0.5"] = baseline.classes_[mixed.argmax(1)]
        for weight in FUSION_WEIGHTS:
            fused = LogisticRegression(C=10, max_iter=3000).fit(
                hstack([words_train, csr_matrix(both[train] * weight)]).tocsr(), y[train]
            )
            runs[f"early x{weight}"] = fused.predict(hstack([words_test, csr_matrix(both[test] * weight)]).tocsr())
        for name, predicted in runs.items():
            results.setdefault(name, []).append(score(y[test], predicted, g))
    return {name: round(float(np.mean(values)), 4) for name, values in results.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", choices=("nlbse", "chatapp"), required=True)
    parser.add_argument("--train", required=True)
    parser.add_argument("--encoders", default=",".join(ENCODERS))
    parser.add_argument("--encoder-dir", default=os.environ.get("ENCODER_DIR", "/tmp/switchboard-encoders"))
    args = parser.parse_args()
    data = load(args.data, args.train)
    report = {}
    for name in args.encoders.split(","):
        model_dir = os.path.join(args.encoder_dir, name)
        views, seconds = {}, 0.0
        for view, tokens in VIEWS.items():
            views[view], spent = embed(model_dir, name, data[view], tokens, os.path.join(args.encoder_dir, "cache"))
            seconds += spent
        scores = {field: cross_validate(data, views, field) for field in data["labels"]}
        report[name] = {"cv": scores, "embed_seconds": round(seconds, 1), "latency_p50_ms": latency_ms(model_dir)}
        print(name, json.dumps(report[name]), flush=True)
    print(json.dumps({"data": args.data, "n": len(data["whole"]), "encoders": report}))


if __name__ == "__main__":
    main()
