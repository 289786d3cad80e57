"""The results-vs-non-results classifier of results extraction, on sentences written for these tests (no gold set)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paperlab.compare import extract_results
from paperlab.comparison import result_classifier
from paperlab.comparison.sentences import kept_numbers

ROOT = Path(__file__).resolve().parents[1]

STATISTICS = "Mortality was higher in the treated group (OR 1.52, 95% CI 1.10-2.09, p = 0.01)."
NATURE = "We exclude masses below 1.2 TeV at 95% confidence level."
BACKGROUND = "About 70% of the total design effort is spent on verification."


def _rows(text: str) -> list[tuple]:
    return [(r["metric"], r["value"], r["unit"], r["kind"]) for r in extract_results(text).to_dict("records")]


@pytest.fixture
def no_classifier(tmp_path, monkeypatch):
    """Extraction with the classifier's model file missing: the rules keep every number they take for a result."""
    monkeypatch.setattr(result_classifier, "MODEL_PATH", tmp_path / "missing.json")
    result_classifier._model.cache_clear()
    yield
    result_classifier._model.cache_clear()


def test_a_reported_result_is_kept():
    assert _rows("Our method reaches 91.2% top-1 accuracy on ImageNet.") == [("top-1 accuracy", 91.2, "%", "absolute")]
    rows = _rows("The new scheduler cuts tail latency by 38% and reaches a 2.4x higher throughput than the default.")
    assert rows == [("tail latency", 38.0, "%", "delta"), ("throughput", 2.4, "x", "delta")]


def test_a_population_description_has_no_result():
    assert _rows("The sample holds 120 patients aged 40 years.") == []


@pytest.mark.parametrize("text", [STATISTICS, NATURE, BACKGROUND])
def test_statistics_and_measurements_are_not_results(text):
    assert _rows(text) == []


def test_the_classifier_is_what_drops_them(no_classifier):
    # without the model the rules keep these numbers: the drop above is the classifier's decision
    assert _rows(NATURE)


def test_the_rules_alone_drop_an_odds_ratio_its_interval_and_p_value(no_classifier):
    # session 17 (X17): an odds ratio, a confidence level and bounds and a p-value are non-results by their shape
    assert _rows(STATISTICS) == []


def test_probabilities_fall_on_either_side_of_the_threshold():
    model = result_classifier._model()
    assert model is not None

    def probs(text: str) -> list[float]:
        found, spans = kept_numbers(text)
        return [
            result_classifier.result_probability(result_classifier.features(text, s, e, r), model)
            for r, (s, e) in zip(found, spans, strict=True)
        ]

    assert all(p < model["threshold"] for p in probs(STATISTICS))
    assert all(p > 0.5 for p in probs("Our parser outperforms the baseline, achieving 88.4% F1 on the news set."))


def test_multiples_are_gains_unless_they_are_ratios():
    assert _rows("The compiler achieves a 3.1x speedup on the kernel suite.") == [("speedup", 3.1, "x", "delta")]
    assert _rows("A compression ratio of 12x is reached for the archive.") == [
        ("compression ratio", 12.0, "x", "absolute")
    ]
    rows = _rows("With up to 2.5times fewer probes, the index keeps its recall.")  # "with up to" is no setting here
    assert [(v, u, k) for _, v, u, k in rows] == [(2.5, "x", "delta")]


def test_a_latex_range_dash_gives_both_ends_unsigned():
    rows = _rows("Our cache lowers latency by 9--52% as it grows.")
    assert [(v, u, k) for _, v, u, k in rows] == [(9.0, "%", "delta"), (52.0, "%", "delta")]


def test_shipped_model_is_trained_on_development_sets_only():
    model = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(model["trained_on"]) <= {"v1", "v2-dev", "v3-dev", "v5-dev", "v4", "v7-dev"}
    assert 0.0 < model["threshold"] < 1.0 and model["weights"]


# the burned fresh sets (dev since sessions 7 to 11: v13a, v13b since v13-test was scored in session 10; v21a, v21b
# since v21-test was scored in session 18; v22a, v22b, v22c since v22-test was scored in session 19; v23a, v23b, v23c
# since v23-test was scored in session 20; v24a, v24b, v24c since v24-test was scored in session 21); a held-out set
# scored once at the end (v25-test) is never here
FRESH_DEV_SETS = {"v8-dev", "v8-test", "v9a", "v9b", "v10a", "v10b", "v11a", "v11b", "v12a", "v12b", "v13a", "v13b"}
FRESH_DEV_SETS |= {"v21a", "v21b", "v22a", "v22b", "v22c", "v23a", "v23b", "v23c", "v24a", "v24b", "v24c"}


def test_shipped_model_names_only_dev_sets_as_fresh_training_data():
    model = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(model["fresh_features"]) <= FRESH_DEV_SETS
    committed = json.loads((ROOT / "benchmarks" / "data" / "result_features_fresh.json").read_text(encoding="utf-8"))
    assert set(model["fresh_features"]) <= set(committed["sets"]) <= FRESH_DEV_SETS
    # features and labels only: no sentence text of the (third-party) abstracts is committed
    for fresh in committed["sets"].values():
        for features, label in fresh["examples"]:
            assert label in (0, 1)
            assert all(isinstance(v, (int, float)) for v in features.values())


def test_shipped_model_is_what_the_training_script_fits(tmp_path):
    """Retraining from the committed dev gold (and the committed examples of the fresh sets the model names) gives
    the committed weights: the file is not edited by hand."""
    model = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    code = (
        "import json, sys; sys.path.insert(0, 'benchmarks'); import train_result_classifier as t; "
        f"m = t.fit(t.sentences_upto({model['sentences']!r}), {model['C']!r}, {model['threshold']!r}, {model['bare_threshold']!r}, "
        f"extra=t.fresh_examples({model.get('fresh_features', [])!r})); "
        f"open({str(tmp_path / 'm.json')!r}, 'w').write(json.dumps(m))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    fitted = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert fitted["weights"].keys() == model["weights"].keys()
    assert all(abs(fitted["weights"][k] - model["weights"][k]) < 1e-3 for k in fitted["weights"])
    assert abs(fitted["intercept"] - model["intercept"]) < 1e-3


def test_a_measured_range_with_spreads_gives_both_ends_as_results():
    """Session 10: the classifier, also fitted on the v10-v12 dev folds, keeps "ranged from A ± s mm to B ± s mm"
    (the fit on four fresh folds dropped both ends as bare numbers)."""
    rows = _rows("Registration accuracy ranged from 1.12 ± 0.85 mm to 1.64 ± 1.10 mm on the second phantom.")
    assert rows == [("accuracy", 1.12, None, "absolute"), ("accuracy", 1.64, None, "absolute")]


BARE_RESULT = "Our tokenizer achieves 0.74 rFID on the held-out images, outperforming the previous best method by 0.21."


def test_a_bare_number_is_reported_when_the_classifier_is_confident():
    rows = _rows(BARE_RESULT)
    assert [(v, u, k) for _, v, u, k in rows] == [(0.74, None, "absolute"), (0.21, None, "delta")]
    assert rows[0][0] == "rFID"  # the metric ranker names the chunk next to it


def test_bare_numbers_need_the_classifier(no_classifier):
    assert _rows(BARE_RESULT) == []  # the rules alone never report a number without unit or metric


@pytest.mark.parametrize(
    "text",
    [
        "The cohort was followed for 12 months and 35 sites took part.",
        "The telescope observed 42 fields with a seeing of 0.8 arcsec.",
        "The detector was built in 2015 and runs at 13.6 TeV.",
    ],
)
def test_bare_counts_and_measurements_stay_out(text):
    assert _rows(text) == []


def test_range_ends_in_points_and_bare_ends_share_the_first_value():
    rows = _rows("The pruned planners fall by ~12-19 percentage points against the full planner.")
    assert [(v, u, k) for _, v, u, k in rows] == [(12.0, "pp", "delta"), (19.0, "pp", "delta")]
    rows = _rows("The new sampler lowers failure rates by 0.05-0.12 on every track.")
    assert [(v, k) for _, v, _, k in rows] == [(0.05, "delta"), (0.12, "delta")]
    assert {m for m, *_ in rows} == {"failure rate"}


def test_html_and_latex_comparison_marks_are_read():
    rows = _rows("Humans solve the puzzles easily ({\\textgreater}93{\\%} accuracy) and the tagger reaches 81&#x0025;.")
    assert [(v, u) for _, v, u, _ in rows] == [(93.0, "%"), (81.0, "%")]


def test_an_improvement_two_words_later_makes_a_gain():
    rows = _rows("The reader lifts exact match to 71.3% (a 3.9% exact match improvement) on the quiz set.")
    assert [(v, k) for _, v, _, k in rows] == [(71.3, "absolute"), (3.9, "delta")]


def test_the_bench_reads_the_held_out_v6_file_only_when_asked(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_extraction

    monkeypatch.setattr(bench_extraction, "GOLD_V6", tmp_path / "absent.json")  # reading it would raise
    dev = bench_extraction._split_sentences(bench_extraction.DEV_SPLITS)
    assert dev["v4-test"] and dev["dev"] and "v6-test" not in dev
    ours = {"sentences": [{"text": "Our tagger reaches 90.5% F1.", "tuples": []}]}  # a file of our own
    (tmp_path / "v6.json").write_text(json.dumps(ours), encoding="utf-8")
    monkeypatch.setattr(bench_extraction, "GOLD_V6", tmp_path / "v6.json")
    assert [s["text"] for s in bench_extraction._split_sentences(("v6-test",))["v6-test"]] == [
        "Our tagger reaches 90.5% F1."
    ]


def test_training_never_reads_the_held_out_sets():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import train_result_classifier

    assert not any("v6" in file for file, _ in train_result_classifier.SETS.values())
    sents = train_result_classifier.sentences(train_result_classifier.DEV_SETS)
    assert sents and not {s.get("split") for s in sents} & {"test", "v6-test"}


def test_a_listed_decimal_continues_a_unitless_value_but_a_count_does_not():
    rows = _rows("The fused ranker beats both baselines, with mean gains of 1.42 and 3.07 on the two collections.")
    assert [(v, k) for _, v, _, k in rows] == [(1.42, "delta"), (3.07, "delta")]
    rows = _rows("The model reaches an F1 of 0.81 and 12 of the 20 teams adopted it.")
    assert [(m, v) for m, v, _, _ in rows] == [("F1", 0.81)]


def test_gain_marks_and_level_ranges():
    rows = _rows("Our reranker lifts recall (R@5 $3.1\\% \\uparrow$) and precision ($2.4\\% \\uparrow$) on the forums.")
    assert [(v, k) for _, v, _, k in rows] == [(3.1, "delta"), (2.4, "delta")]
    rows = _rows("Against the strongest baseline, our parser improves by average 2.5 points on all treebanks.")
    assert [(v, u, k) for _, v, u, k in rows] == [(2.5, None, "delta")]  # score points: no unit (session 10)
    rows = _rows("With more audio, the transcription accuracy improves from 40% up to 90% for every speaker.")
    assert [(v, k) for _, v, _, k in rows] == [(40.0, "absolute"), (90.0, "absolute")]
