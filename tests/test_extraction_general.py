"""Results extraction on sentences written for these tests (not the gold sentences): LaTeX numbers, ranges,
metric phrases outside the lexicon, acronym metrics, deltas, and numbers that are not results."""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple]:
    df = extract_results(text)
    return [(r.value, r.unit, r.kind, r.metric) for r in df.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our parser reaches 77\\% accuracy on the held-out pages.", [(77.0, "%", "absolute", "accuracy")]),
        ("The cache gives a 2.2$\\times$ speedup over the naive loop.", [(2.2, "x", "delta", "speedup")]),
        ("It scores \\textbf{99\\%} accuracy on clean scans.", [(99.0, "%", "absolute", "accuracy")]),
        ("We obtain $\\mathbf{81.5\\%}$ top-1 accuracy.", [(81.5, "%", "absolute", "top-1 accuracy")]),
        ("The tagger improves F1 by $3.1\\%$ over the rule system.", [(3.1, "%", "delta", "F1")]),
        ("The bearing error is $2.5^\\circ$ on average.", [(2.5, None, "absolute", "bearing error")]),
        ("Our parser reaches 88.1~\\% accuracy on the forms.", [(88.1, "%", "absolute", "accuracy")]),
        ("The reader reaches \\SI{95.2}{\\percent} accuracy on scans.", [(95.2, "%", "absolute", "accuracy")]),
    ],
)
def test_latex_numbers(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


def test_ranges_share_the_unit_written_once() -> None:
    rows = _rows("The filter improves recall by 12-18% on noisy forms.")
    assert [(v, u, k) for v, u, k, _ in rows] == [(12.0, "%", "delta"), (18.0, "%", "delta")]
    assert {m for *_, m in rows} == {"recall"}
    rows = _rows("Accuracy ranges from 61.0% to 70.5% across the five splits.")
    assert rows == [(61.0, "%", "absolute", "accuracy"), (70.5, "%", "absolute", "accuracy")]
    rows = _rows("Our tool lowers cost by about $4\\% \\text{ to } 9\\%$ on every site.")
    assert [(v, k) for v, _, k, _ in rows] == [(4.0, "delta"), (9.0, "delta")]


def test_metric_phrases_outside_the_lexicon() -> None:
    assert _rows("The scheduler reduces queueing latency by 41% on the trace.") == [
        (41.0, "%", "delta", "queueing latency")
    ]
    assert _rows("The detector keeps a false alarm rate of 0.02 at night.") == [
        (0.02, None, "absolute", "false alarm rate")
    ]
    assert _rows("It raises the average page coverage from 60.1% to 72.4%.") == [
        (60.1, "%", "absolute", "page coverage"),
        (72.4, "%", "absolute", "page coverage"),
    ]
    assert _rows("The system lifts reader satisfaction by 0.3 points.")[0][3] == "reader satisfaction"


def test_acronym_metrics_and_in_terms_of() -> None:
    rows = _rows("Our model beats the baseline by 12% in MAPE and 7% in NRMSE.")
    assert rows == [(12.0, "%", "delta", "MAPE"), (7.0, "%", "delta", "NRMSE")]
    rows = _rows("The enhancer reaches 7.42 dB SDR, a 1.10 dB improvement, with PESQ 2.91.")
    assert rows == [(7.42, None, "absolute", "SDR"), (1.10, None, "delta", "SDR"), (2.91, None, "absolute", "PESQ")]


def test_slash_lists_and_separate_clauses() -> None:
    rows = _rows(
        "The accelerator improves throughput by 3.1x/2.4x and energy efficiency by 5.0x/4.2x over CPU and GPU."
    )
    assert [(v, m) for v, _, _, m in rows] == [
        (3.1, "throughput"),
        (2.4, "throughput"),
        (5.0, "energy efficiency"),
        (4.2, "energy efficiency"),
    ]
    assert {k for _, _, k, _ in rows} == {"delta"}


def test_deltas_with_adverbs_and_second_values() -> None:
    rows = _rows("The ranker outperforms BM25 by approximately 9% in MRR and 4% in recall.")
    assert [(v, k) for v, _, k, _ in rows] == [(9.0, "delta"), (4.0, "delta")]
    rows = _rows("It reduces the mean repair error with over 20% on the first corpus.")
    assert rows == [(20.0, "%", "delta", "repair error")]  # a statistic word is kept only right before the head
    assert _rows("The planner shows a 14.2% advancement over the previous release.")[0][2] == "delta"
    assert _rows("The parser is 3.5x faster than the reference implementation.")[0][:3] == (3.5, "x", "delta")


@pytest.mark.parametrize(
    "text",
    [
        "The constant was measured as 4.2 x 10^(-3) per second.",  # scientific notation, not a 4.2x speedup
        "We ran the tagger on 20 TREC topics and 300 queries.",  # counts
        "Models were trained at a learning rate of 0.001 for 40 epochs.",  # settings
        "Images of 224×224 pixels are split into 16×16 patches.",
    ],
)
def test_numbers_that_are_not_results(text: str) -> None:
    assert extract_results(text).empty


def test_operating_point_is_not_the_metric() -> None:
    rows = _rows("The localiser is within 3 degrees 91% of the time at a signal-to-noise ratio of 5 dB.")
    assert [r[0] for r in rows] == [91.0]
    assert rows[0][3] != "signal-to-noise ratio"


def test_percentage_points_written_as_percent_p() -> None:
    assert _rows("Routing improves accuracy by up to +2.7%p on the hard split.") == [(2.7, "pp", "delta", "accuracy")]


def test_a_parenthesised_aside_does_not_hide_the_metric_before_it() -> None:
    text = "The triage model has a recovery rate (the share of first-pass misses fixed later) of only 28.5%."
    assert _rows(text) == [(28.5, "%", "absolute", "recovery rate")]


def test_percent_and_times_written_as_words() -> None:
    assert _rows("The index answers 30 percent more queries per second.")[0][:2] == (30.0, "%")
    assert _rows("Decoding is 4 times faster with the new kernel.") == [(4.0, "x", "delta", "speedup")]


def test_speedups_are_named_speedup() -> None:
    assert _rows("The loader accelerates training by up to 2.5x.") == [(2.5, "x", "delta", "speedup")]
    assert _rows("It improves inference speed up to 6x on phones.") == [(6.0, "x", "delta", "speedup")]


def test_what_a_change_names_after_itself() -> None:
    assert _rows("Pruning gives a 5x reduction in memory on the server.") == [(5.0, "x", "delta", "memory")]
    assert _rows("The planner needs 35% less data than the baseline.") == [(35.0, "%", "delta", "data")]
    assert _rows("It yields a 9.1% improvement in standard GLUE runs.")[0][3] is None  # "standard" names GLUE


@pytest.mark.parametrize(
    "text",
    [
        "With only 15% programmable cells, the array still steers the beam.",
        "We label 10% of the training data by hand.",
        "Trained with 5% and 2% labelled samples, the model still converges.",
    ],
)
def test_settings_are_not_results(text: str) -> None:
    assert extract_results(text).empty


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The forecaster reaches an RMSE of 0.41 on the test months.", "RMSE"),
        ("Our codec reaches 31.2 dB PSNR and 0.93 SSIM.", "PSNR"),
        ("The segmenter obtains 48.3% mIoU.", "mIoU"),
        ("The regressor achieves an R2 score of 0.87.", "R2"),
        ("It lowers the mean absolute error by 12%.", "MAE"),
    ],
)
def test_common_metrics_of_the_lexicon(text: str, metric: str) -> None:
    assert _rows(text)[0][3] == metric


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our tagger reaches 85.3 ± 0.4% accuracy over five seeds.", [(85.3, "%", "absolute", "accuracy")]),
        ("Accuracy is 91.2$\\pm$0.3\\% on the clean split.", [(91.2, "%", "absolute", "accuracy")]),
        ("It gives a 3-fold speedup on long inputs.", [(3.0, "x", "delta", "speedup")]),
        ("The ensemble brings a 2.1% mAP improvement.", [(2.1, "%", "delta", "mAP")]),
        ("Distillation costs a 0.6% accuracy drop.", [(0.6, "%", "delta", "accuracy")]),
        ("The decay constant is 2.2$\\times10^{-3}$ per day.", []),
    ],
)
def test_spreads_folds_and_changes_named_after_a_metric(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# -- metric naming rules (sentences written for these tests) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a metric, where it was measured, then its value
        ("We bring the test error on the Lorenz benchmark to 0.0042.", [(0.0042, None, "absolute", "test error")]),
        # verbs and adverbs between a metric and its value
        ("Our codec reaches compression ratios in excess of 500x.", [(500.0, "x", "absolute", "compression ratio")]),
        ("The tagger's F1 reaches 91.2% on clean pages.", [(91.2, "%", "absolute", "F1")]),
        # session 18: the canonical form drops a leading "mean" ("mean rank quality" stays in metric_as_written)
        ("The ranker lifts mean rank quality by +0.15.", [(0.15, None, "delta", "rank quality")]),
        # a head noun after a lexicon metric and its acronym names that metric
        (
            "The detector raises its mean average precision (mAP) detection rate to 71.4%.",
            [(71.4, "%", "absolute", "mAP")],
        ),
        # lone heads that are metrics on their own
        (
            "The probe reaches a precision of 0.91 and a recall of 0.88 on the clinic scans.",
            [(0.91, None, "absolute", "precision"), (0.88, None, "absolute", "recall")],
        ),
        (
            "Our screen achieves 92.1% sensitivity and 88.4% specificity.",
            [(92.1, "%", "absolute", "sensitivity"), (88.4, "%", "absolute", "specificity")],
        ),
        ("The server answers with a latency of 45 ms.", [(45.0, None, "absolute", "latency")]),
        # cost metrics: FLOPs, model size, "<metric> (N)"
        (
            "The network needs fewer FLOPs (0.7G) and a smaller model size (2.3M).",
            [(0.7, None, "absolute", "FLOPs"), (2.3, None, "absolute", "model size")],
        ),
        # "scores" as a verb, and a correlation named by its coefficient
        (
            "Across 5 tasks, the judge scores 0.78 Pearson correlation with human ratings.",
            [(0.78, None, "absolute", "Pearson correlation")],
        ),
        # a second object of a change verb
        (
            "It lowers latency by 35% and memory by 2.1x.",
            [(35.0, "%", "delta", "latency"), (2.1, "x", "delta", "memory")],
        ),
        # "in <metric>" after the value wins over the object of the verb
        (
            "It improves parsing by 3.2% in accuracy and tagging by 1.1% in F1.",
            [(3.2, "%", "delta", "accuracy"), (1.1, "%", "delta", "F1")],
        ),
        # parallel values "by A in X and B in Y" keep the verb's metric
        (
            "The filter lifts recall by 12% in English and 20% in French, and lowers cost by 5%.",
            [(12.0, "%", "delta", "recall"), (20.0, "%", "delta", "recall"), (5.0, "%", "delta", "cost")],
        ),
        # a standalone improvement after a result is an improvement of that result's metric
        (
            "The solver drives the residual error to 0.012; a 9% improvement over prior work.",
            [(0.012, None, "absolute", "residual error"), (9.0, "%", "delta", "residual error")],
        ),
    ],
)
def test_metric_naming_rules(text: str, expected: list[tuple]) -> None:
    rows = [(v, u if isinstance(u, str) else None, k, m) for v, u, k, m in _rows(text)]  # a missing unit may be NaN
    assert rows == expected


@pytest.mark.parametrize(
    "text",
    [
        "We train with a batch size of 256 and a context size of 4096.",
        "The model predicts an angular drift rate of about -3.1 x 10^(-9) rad s^(-2).",
        "We report results after the sampling stage with 12 workers.",
    ],
)
def test_settings_and_scientific_notation_are_not_results(text: str) -> None:
    assert _rows(text) == []


def test_share_of_cases_names_what_is_done() -> None:
    rows = _rows(
        "The assistant gives correct diagnoses in 61.5% of cases and useful explanations of the findings in 48% of cases."
    )
    assert rows == [(61.5, "%", "absolute", "correct diagnoses"), (48.0, "%", "absolute", "useful explanations")]
    rows = _rows("The bot can produce valid plans in 70% of trials, produce safe plans in 64% of trials.")
    assert [m for *_, m in rows] == ["valid plans", "safe plans"]
