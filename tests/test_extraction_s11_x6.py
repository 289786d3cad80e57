"""Results extraction, session 11 (helper X6): the metric phrase without the words of the clause that open it. Every
sentence here is our own."""

from __future__ import annotations

from paperlab.compare import extract_results


def _metrics(text: str) -> dict[float, object]:
    return {r["value"]: r["metric"] for r in extract_results(text).to_dict("records")}


def test_a_pronoun_and_verb_opening_the_phrase_are_not_part_of_the_metric():
    got = _metrics("Across 2,000 bootstrap trials, it remained net positive in 91.2% of trials with no losses.")
    assert got[91.2] == "net positive"
    got = _metrics("The agents achieve 81% task accuracy while exhibiting shortcut rates above 35% on the audit set.")
    assert got[35] == "shortcut rate"


def test_an_adverb_or_superlative_opening_the_phrase_is_not_part_of_the_metric():
    got = _metrics("The image model produces clearly recognisable faces of public figures in 27.5% of cases.")
    assert got[27.5] == "recognisable faces"
    got = _metrics(
        "On all four harbours TideNet attains the largest Net berth-safety score, beating the best rival by an average"
        " of 6.4 percentage points."
    )
    assert got[6.4] == "Net berth-safety score"


def test_a_noun_that_looks_like_a_verb_stays_in_the_metric():
    assert _metrics("The duelling agent lifts its win rate to 73.5% against the scripted bots.")[73.5] == "win rate"


def test_a_participle_that_names_the_metric_stays_in_it():
    got = _metrics("On the ward cohort, the triage model reaches an expected calibration error of 3.4 percent.")
    assert got[3.4] == "expected calibration error"
    got = _metrics("The tuned planner lowers normalized tour cost by 17.5% on the depot maps.")
    assert got[17.5] == "normalized tour cost"


def test_values_then_metrics_in_the_same_order_respectively():
    got = _metrics(
        "On the routing task, our encoder achieves improvements of 12.4% and 7.9% in MAE and RMSE, respectively,"
        " over the best baseline."
    )
    assert got == {12.4: "MAE", 7.9: "RMSE"}
    got = _metrics("The retriever gains 9.2% and 6.5% in terms of HR@20 and NDCG@20, respectively.")
    assert got == {9.2: "HR@20", 6.5: "nDCG"}
