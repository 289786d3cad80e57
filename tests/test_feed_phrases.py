"""The defining phrases of a reading list (paperlab.search.phrases): the words the feed shows as what a list is
about and as the "words" of each pick, and a ranking signal of their own."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pytest

import paperlab
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.search.personal import DEFAULT_WEIGHTS, RankingOptions, rank_personal
from paperlab.search.phrases import PhraseIndex, defining_terms, fold_words
from tests.paths import FIXTURES, SEEDS, realdata_missing

TITLE_TERMS = {"graph", "graph neural", "neural", "neural networks", "networks"}
GENERIC = {"find", "studies", "study", "using", "propose", "results", "paper", "method", "new", "based", "model"}


def _paper(i: int, title: str, abstract: str) -> Paper:
    return Paper(id=f"t{i}", title=title, abstract=abstract)


def _corpus() -> tuple[list[Paper], list[Paper]]:
    """Eight saved papers that all hold "graph neural" and often generic words; 60 others that hold the generic
    words as often, and two that share a rare pair with two saved papers."""
    rng = np.random.default_rng(0)
    generic = ["we find", "studies show", "using data", "we propose", "results improve"]
    saved = []
    for i in range(8):
        extra = " ".join(g for g in generic if rng.random() < 0.5)
        rare = " quantum sheaf" if i < 2 else ""
        topic = ["chemistry", "traffic", "proteins", "social ties", "physics", "code", "circuits", "maps"][i]
        saved.append(_paper(i, f"Graph neural networks for {topic}", f"We study {topic}.{rare} {extra}"))
    others = []
    for i in range(60):
        extra = " ".join(g for g in generic if rng.random() < 0.5)
        others.append(_paper(100 + i, f"Image segmentation study {i}", f"Convolutional segmentation. {extra}"))
    others.append(_paper(200, "Quantum sheaf cohomology", "quantum sheaf theory"))
    return saved, others


def test_defining_phrases_are_what_nearly_all_saved_papers_share_and_others_lack() -> None:
    saved, others = _corpus()
    index = PhraseIndex.of(saved + others)
    weights = defining_terms(index, list(range(len(saved))), n_terms=5)
    top = [str(index.terms[i]) for i in np.argsort(-weights)[:5]]
    assert set(top) == TITLE_TERMS  # every saved paper holds them, no other paper does
    chosen = {str(index.terms[i]) for i in np.flatnonzero(weights)}
    assert not chosen & {"find", "studies", "using", "propose", "results"}  # as common among the others
    # a rare pair two saved papers share ranks below the phrase all eight hold
    w = dict(zip(index.terms.tolist(), weights.tolist(), strict=True))
    assert w.get("quantum sheaf", 0.0) < w["graph neural"]
    # a candidate holding the phrase in its title scores above one holding it in the abstract only
    title_hit = _paper(300, "Graph neural solvers", "Solving equations.")
    abstract_hit = _paper(301, "Solvers for equations", "A graph neural solver.")
    idx = PhraseIndex.of([title_hit, abstract_hit] + saved + others)
    pw = defining_terms(idx, list(range(2, 2 + len(saved))), n_terms=5)
    s = idx.scores(pw, rows=2, title_weight=1.0)
    assert s[0] > s[1] > 0


def test_no_terms_and_no_positives_give_no_weights() -> None:
    index = PhraseIndex.of([_paper(1, "the of", "and"), _paper(2, "a the", "")])
    assert defining_terms(index, [0]).size == 0 and index.scores(np.zeros(0), rows=2).tolist() == [0.0, 0.0]
    saved, others = _corpus()
    assert not defining_terms(PhraseIndex.of(saved + others), []).any()


def test_each_pick_says_which_defining_phrases_it_holds() -> None:
    saved, others = _corpus()
    cands = [_paper(400, "Graph neural networks as operators", "A graph neural approach."), others[0]]
    ranking = rank_personal(saved, cands, others[1:], RankingOptions(feedback=0))
    assert ranking.ids[0] == "t400"
    assert ranking.reasons[0].words[:3] and set(ranking.reasons[0].words[:3]) <= TITLE_TERMS
    assert not _repeats(ranking.reasons[0].words)  # "graph neural", not "graph neural, graph, neural"
    assert {w for w, _ in ranking.profile[:5]} == TITLE_TERMS


def _repeats(words: list[str]) -> list[str]:
    """Single words listed after a phrase that holds them."""
    seen: set[str] = set()
    out = []
    for w in words:
        if " " not in w and w in seen:
            out.append(w)
        seen.update(w.split() if " " in w else ())
    return out


def test_fold_words_drops_single_words_a_heavier_phrase_holds() -> None:
    terms = [("time series", 9.0), ("series", 8.0), ("forecasting", 7.0), ("time", 6.0), ("series data", 5.0)]
    assert fold_words(terms) == [("time series", 9.0), ("forecasting", 7.0), ("series data", 5.0)]
    assert fold_words([("series", 2.0), ("time series", 1.0)]) == [("series", 2.0), ("time series", 1.0)]


def test_a_profile_file_without_a_signal_gets_its_default_weight(tmp_path) -> None:
    path = tmp_path / "feed-profile.json"
    path.write_text('{"weights": {"svm": 1.0, "knn": 1.0, "decay": 0.0}}', encoding="utf-8")
    opts = InterestProfile.load(path).ranking_options()
    assert opts.weights["profile"] == DEFAULT_WEIGHTS["profile"] > 0
    assert opts.weights["phrases"] == DEFAULT_WEIGHTS["phrases"] > 0
    path.write_text('{"weights": {"profile": 0, "phrases": 0}}', encoding="utf-8")  # written 0 stays 0
    off = InterestProfile.load(path).ranking_options()
    assert off.weights["profile"] == 0 and off.weights["phrases"] == 0 and off.weights["svm"] == 1.0
    # the ranking is the default one
    saved, others = _corpus()
    cands = others[:20] + [_paper(500, "Graph neural pooling", "graph")]
    default = InterestProfile().ranking_options()
    ranked, expected = (
        rank_personal(saved, cands, others[20:], dataclasses.replace(o, feedback=0)).ids for o in (opts, default)
    )
    assert ranked == expected


@pytest.fixture(scope="module")
def real_corpus() -> tuple[list[Paper], dict[str, np.ndarray]]:
    """Two recorded DailyArXiv READMEs' dated papers, and their embeddings (encoded once for the module)."""
    from paperlab.search import embed, get_encoder, paper_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(FIXTURES / "dailyarxiv_readme" / "zezhishao_DailyArXiv_README_2024-07-19_187aa20.md")
        lib2 = paperlab.load(SEEDS / "daily-arxiv-readme.md")
    corpus = [p for p in list(lib) + list(lib2) if p.published]
    vecs, _ = embed(get_encoder(None), [paper_text(p) for p in corpus], store=None, progress=False)
    return corpus, {p.id: v for p, v in zip(corpus, vecs, strict=True)}


@pytest.mark.realdata
@pytest.mark.skipif(realdata_missing() is not None, reason=str(realdata_missing()))
@pytest.mark.parametrize(
    ("section", "phrase"),
    [("Time Series", "time series"), ("Hallucination", "hallucination"), ("Reward Model", "reward")],
)
def test_real_lists_defining_phrases_name_the_topic_not_generic_words(
    section: str, phrase: str, real_corpus: tuple[list[Paper], dict[str, np.ndarray]]
) -> None:
    """Ten papers of a real DailyArXiv keyword section: the profile names the section's keyword, not "study"."""
    corpus, vectors = real_corpus
    saved = [p for p in corpus if section in p.tags][:10]
    ids = {p.id for p in saved}
    rest = [p for p in corpus if p.id not in ids]
    ranking = rank_personal(saved, rest[:100], rest[100:], RankingOptions(feedback=0), vectors=vectors)
    words = [w for w, _ in ranking.profile]
    assert any(w.startswith(phrase) for w in words[:3]), words
    assert not set(words[:3]) & GENERIC, words
    first = ranking.reasons[0].words
    assert first and all("<" not in w for w in first) and not _repeats(first)
