"""Session 18 (helper X19): the metric ranker refitted on every dev fold, and its training script.

The ranker's examples of the fresh arXiv folds are committed as features only (no sentence text); the fit is the
conditional logit of ``benchmarks/train_metric_ranker.py``, now computed with segment sums instead of a Python loop
over the results. The groups below are made up for the test (no gold set's data).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.feature_extraction import DictVectorizer

from paperlab.comparison import metric_ranker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import train_metric_ranker  # noqa: E402
import train_result_classifier  # noqa: E402

HELD_OUT = ("v25",)  # v25 scored once at the end of session 22: never training data (v24 is dev since session 22)


def _loop_fit(groups: list, c: float) -> dict[str, float]:
    """The conditional logit written one result at a time (the objective the training script minimises)."""
    vec = DictVectorizer()
    x = vec.fit_transform([f for feats, _ in groups for f in feats]).tocsr()
    y = np.array([lab for _, labels in groups for lab in labels], dtype=float)
    bounds = np.cumsum([0] + [len(labels) for _, labels in groups])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        total, grad_z = 0.0, np.zeros_like(z)
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            p = np.exp(z[a:b] - z[a:b].max())
            p /= p.sum()
            pos = y[a:b] > 0
            total -= np.log(p[pos].sum())
            grad_z[a:b] = p - np.where(pos, p / p[pos].sum(), 0.0)
        return total + 0.5 / c * float(w @ w), x.T @ grad_z + w / c

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return {
        str(f): round(float(v), 5) for f, v in zip(vec.get_feature_names_out(), res.x, strict=True) if abs(v) > 1e-6
    }


def _groups() -> list:
    """Made-up results: a phrase right after the number names it; one with two right options; one with none."""
    rng = np.random.default_rng(7)
    groups = []
    for i in range(60):
        near = {"n=0|R": 1.0, "bias": 1.0, f"suf={'acy' if i % 2 else 'ore'}": 1.0}
        far = {"n=4-6|L": 1.0, "bias": 1.0, "gverb|L": 1.0}
        other = {"n=7-12|R": 1.0, "bias": 1.0, "vague": 1.0}
        none = metric_ranker.none_features("%", "absolute")
        opts = [near, far, other][: 2 + int(rng.integers(0, 2))] + [none]
        if i % 10 == 0:
            labels = [0] * (len(opts) - 1) + [1]  # the gold names no metric
        elif i % 7 == 0:
            labels = [1, 1] + [0] * (len(opts) - 2)  # two spellings of the gold metric
        else:
            labels = [1] + [0] * (len(opts) - 1)
        groups.append((opts, labels))
    return groups


def test_the_fit_is_the_conditional_logit_of_one_result_at_a_time():
    groups = _groups()
    for c in (0.3, 1.0):
        fitted = train_metric_ranker.fit_groups(groups, c)["weights"]
        reference = _loop_fit(groups, c)
        assert fitted.keys() == reference.keys()
        assert all(abs(fitted[k] - reference[k]) < 1e-3 for k in fitted)
    assert fitted["n=0|R"] > fitted["n=4-6|L"]  # the phrase right after the number is learned as its metric


def test_the_shipped_ranker_is_fitted_on_every_dev_fold_and_no_held_out_set():
    model = json.loads(metric_ranker.MODEL_PATH.read_text(encoding="utf-8"))
    folds = model["fresh_features"]
    # session 18: all 27 dev folds, the six check folds of its protocol (v18a ... v20b) included after their check;
    # session 19: v21a and v21b too (v21-test scored once in session 18), 29 folds; session 20: v22a, v22b, v22c
    # (v22-test scored once in session 19), 32 folds; session 21: v23a-c (v23-test scored once in session 20), 35;
    # session 22: v24a, v24b (v24-test scored once in session 21; v24c is the session's check fold), 37
    assert {"v8-dev", "v15b", "v16c", "v16d", "v17b", "v18a", "v18b", "v19a", "v19b", "v20a", "v20b"} <= set(folds)
    assert {"v21a", "v21b", "v22a", "v22b", "v22c", "v23a", "v23b", "v23c", "v24a", "v24b"} <= set(folds)
    assert len(folds) == 37 and folds == train_metric_ranker.FRESH_FOLDS
    assert not any(f.startswith(HELD_OUT) for f in folds)


def test_the_committed_examples_of_the_fresh_folds_hold_no_text():
    doc = json.loads(train_metric_ranker.FRESH_FEATURES.read_text(encoding="utf-8"))
    assert set(doc["sets"]) == set(train_metric_ranker.FRESH_FOLDS)
    for fold in doc["sets"].values():
        assert set(fold) == {"sentences", "groups"}
        for options, labels in fold["groups"]:
            assert len(options) == len(labels) and all(lab in (0, 1) for lab in labels)
            assert all(all(len(i) <= 4 and int(i, 16) < len(doc["features"]) for i in o.split()) for o in options)


def test_the_dev_folds_labelled_as_dev_sets_are_found_by_name():
    # v16c and v16d were labelled as dev folds from the start: their files end in _dev, not _test
    assert train_result_classifier.fold_file("v16c").name == "extraction_gold_v16c_dev.json"
    assert train_result_classifier.fold_file("v16d").name == "extraction_gold_v16d_dev.json"
    assert train_result_classifier.fold_file("v18a").name == "extraction_gold_v18a_test.json"
    assert all(train_result_classifier.fold_file(f).is_file() for f in train_metric_ranker.FRESH_FOLDS)
