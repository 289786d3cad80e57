"""Naming a result's metric by the gold sets' labelling conventions (paperlab.comparison.metric_names, session 16).

The step is off as shipped (measured: no group passed the adoption rule); these tests switch one group on at a time
and check what a user would see. Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from paperlab.compare import extract_results
from paperlab.comparison import metric_names


@pytest.fixture
def groups() -> Iterator[set[str]]:
    saved = set(metric_names.GROUPS)
    metric_names.GROUPS.clear()
    yield metric_names.GROUPS
    metric_names.GROUPS.clear()
    metric_names.GROUPS.update(saved)


def _metrics(text: str) -> list[object]:
    return [r["metric"] for r in extract_results(text).to_dict("records")]


def test_off_as_shipped_the_rules_names_stand() -> None:
    assert metric_names.GROUPS == set()
    assert _metrics("The detector reaches 61.3% mAP@0.5 on the drone set.") == ["mAP@0.5"]
    assert _metrics("Our retriever reaches a Recall@10 of 45.2% on the forum set.") == ["recall@10"]


def test_a_qualified_lexicon_metric_gets_its_canonical_name(groups: set[str]) -> None:
    groups.add("canonical")
    name = metric_names.conventional_name
    assert name("jailbreak attack success rates") == "success rate"
    assert name("held-out accuracy") == "accuracy" and name("pair-accuracy") == "accuracy"
    assert name("macro F1 score") == "F1"
    # a lexicon name that is itself a compound stays; a lexicon word that is not the head does not name the phrase
    assert name("top-1 accuracy") == "top-1 accuracy"
    assert name("compute cost") == "compute cost" and name("sacreBLEU score") == "sacreBLEU score"
    assert name("mAP@0.5") == "mAP@0.5"  # only canonical_at drops the cut-off
    groups.add("canonical_at")
    assert name("mAP@0.5") == "mAP"


def test_an_acronym_spelled_out_as_a_lexicon_metric_is_named_by_it(groups: set[str]) -> None:
    groups.add("acronym")
    text = "The filter lowers the jailbreak attack success rate (JASR) to 4.2% on our prompts."
    assert metric_names.conventional_name("JASR", text) == "success rate"
    assert metric_names.conventional_name("JASR", "The JASR falls to 4.2%.") == "JASR"  # not spelled out


def test_a_leading_average_is_dropped_unless_the_lexicon_names_the_phrase(groups: set[str]) -> None:
    groups.add("average")
    name = metric_names.conventional_name
    assert name("average queueing delay") == "queueing delay" and name("median round trip time") == "round trip time"
    assert (
        name("mean absolute error") == "mean absolute error" and name("mean reciprocal rank") == "mean reciprocal rank"
    )


def test_the_phrase_after_a_share_of_is_its_metric_and_items_name_none(groups: set[str]) -> None:
    groups.add("of_phrase")
    name = metric_names.conventional_name
    text = "The cascade answers 85% of routine queries locally."
    value = (text.index("85"), text.index("%") + 1)
    assert name("cascade answers", text, value, "%") == "routine queries"
    text = "After pruning the student keeps 93.2% of the teacher's answer accuracy."
    assert name("student keeps", text, (text.index("93"), text.index("%") + 1), "%") == "accuracy"
    # "in N% of cases": the phrase names the occasions; the rules' metric stands
    assert _metrics("The planner produces safe routes in 64% of trials.") == ["safe routes"]
    groups.add("items")
    text = "The linter flags 71% of injected bugs."
    assert metric_names.conventional_name("injected bugs", text, (text.index("71"), text.index("%") + 1), "%") is None
    text = "The robot stalls 12% of the time."
    assert metric_names.conventional_name("robot", text, (text.index("12"), text.index("%") + 1), "%") is None


def test_a_cut_off_is_named_by_the_lexicon_family(groups: set[str]) -> None:
    groups.add("at_k")
    assert _metrics("Our retriever reaches a Recall@10 of 45.2% on the forum set.") == ["recall@k"]
    assert metric_names.conventional_name("Top-3 snippet recall") == "recall@k"


def test_a_phrase_ending_in_the_clauses_verb_names_no_metric(groups: set[str]) -> None:
    groups.add("subject_verb")
    text = "Both solvers finish 38% of the puzzles."
    assert metric_names.conventional_name("solvers finish", text) is None
    assert (
        metric_names.conventional_name("memory footprint", "The memory footprint shrinks by 38%.") == "memory footprint"
    )
