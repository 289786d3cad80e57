"""The topic map's labels (paperlab.mapview.topic_labels): the most distinctive terms of each topic by c-TF-IDF,
read as a person would write them: no word twice (plural or not), a two-word phrase only when both of its words
are distinctive on their own (no "large language" cut out of "large language models"), and a phrase in place of
the single words it holds. Data: our own small two-topic corpus, and the bundled demo corpus (325 real papers)."""

from __future__ import annotations

import numpy as np
import pytest

from paperlab import Paper
from paperlab.data import demo_library
from paperlab.mapview import _label_terms, _stem, topic_labels
from paperlab.markup import plain_abstract
from paperlab.search import Topics


def test_no_word_twice_even_in_plural() -> None:
    assert _label_terms(["hallucinations", "hallucination", "decoding", "attention"]) == [
        "hallucinations",
        "decoding",
        "attention",
    ]
    assert _label_terms(["reasoning", "llms", "llm", "math"]) == ["reasoning", "llms", "math"]


def test_a_phrase_is_kept_only_when_both_its_words_are_distinctive() -> None:
    # "large" is not among the topic's distinctive single words: "large language" is a fragment
    ranked = ["reasoning", "llms", "large language", "math", "proofs"]
    assert _label_terms(ranked) == ["reasoning", "llms", "math"]
    # both words distinctive: the phrase stays, and takes the place of the single words it holds
    assert _label_terms(["language", "models", "language models", "vision"]) == ["language models", "vision"]
    assert _label_terms(["speech", "array", "microphone", "microphone array", "doa"]) == [
        "speech",
        "microphone array",
    ] + ["doa"]


def _topics(papers: list[Paper], assign: list[int]) -> Topics:
    labels = {0: "fallback zero", 1: "fallback one"}
    coords = np.zeros((len(papers), 2), dtype=np.float32)
    return Topics(papers, np.array(assign), labels, {0: [], 1: []}, coords)


def test_labels_of_a_small_two_topic_library() -> None:
    speech = [
        Paper(
            f"Microphone array speech enhancement study {i}",
            abstract="We enhance speech with a microphone array and beamforming in reverberant rooms.",
        )
        for i in range(12)
    ]
    vision = [
        Paper(
            f"Object hallucination in vision language models, part {i}",
            abstract="Vision language models describe objects that are not in the image; we count hallucinations.",
        )
        for i in range(12)
    ]
    labels = topic_labels(_topics(speech + vision, [0] * 12 + [1] * 12))
    for label in labels.values():
        words = [_stem(w) for term in label.split(" / ") for w in term.split()]
        assert len(words) == len(set(words)), label
        assert 1 <= len(label.split(" / ")) <= 3
    assert {"microphone", "speech"} <= set(labels[0].replace(" / ", " ").split())
    assert "vision" in labels[1] and "speech" not in labels[1]


@pytest.fixture(scope="module")
def demo_topics() -> Topics:
    return demo_library().topics()


def test_demo_labels_repeat_no_word_and_hold_no_fragment(demo_topics: Topics) -> None:
    labels = topic_labels(demo_topics)
    assert set(labels) == set(demo_topics.labels)
    for label in labels.values():
        terms = label.split(" / ")
        words = [_stem(w) for term in terms for w in term.split()]
        assert len(words) == len(set(words)), f"a word twice in {label!r}"
        assert "large language" not in terms, label
    # the analysis labels had these faults; the map's do not
    faulty = [
        lab
        for lab in demo_topics.labels.values()
        if "large language" in lab.split(" / ")
        or len({_stem(w) for w in lab.replace(" / ", " ").split()}) < len(lab.replace(" / ", " ").split())
    ]
    assert faulty, "the demo no longer shows the fault this test guards against"


def test_labels_are_told_apart_across_topics() -> None:
    """Two topics whose most distinctive word is "reasoning": the larger leads with it, the other with what
    sets it apart, and no term is in both labels."""

    def group(n: int, title: str, abstract: str) -> list[Paper]:
        return [Paper(f"{title} {i}", abstract=abstract) for i in range(n)]

    papers = (
        group(14, "Reasoning study", "Reasoning reasoning reasoning reasoning, for math word problems.")
        + group(12, "Reasoning survey", "Reasoning reasoning reasoning reasoning, for images and charts.")
        + group(12, "Microphone arrays", "Speech enhancement with a microphone array and beamforming.")
        + group(12, "Protein folding", "Structure prediction of proteins from amino acid sequences.")
        + group(12, "Graph networks", "Message passing neural networks on molecular graphs.")
    )
    assign = [0] * 14 + [1] * 12 + [2] * 12 + [3] * 12 + [4] * 12
    topics = Topics(
        papers,
        np.array(assign),
        {t: f"fallback {t}" for t in range(5)},
        {t: [] for t in range(5)},
        np.zeros((len(papers), 2), dtype=np.float32),
    )
    labels = topic_labels(topics)
    first, second = labels[0].split(" / "), labels[1].split(" / ")
    assert first[0] == "reasoning", labels
    assert second[0] in {"images", "charts"}, labels
    assert not set(first) & set(second), labels
    assert len(set(labels.values())) == 5


def test_demo_labels_share_no_term_across_topics(demo_topics: Topics) -> None:
    # the walkthrough's map had "reasoning" in three labels and two "estimation / doa / ..." labels
    labels = topic_labels(demo_topics)
    assert len(set(labels.values())) == len(labels)
    leads = [label.split(" / ")[0] for label in labels.values()]
    assert len(set(leads)) == len(leads), leads
    seen: dict[str, str] = {}
    for label in labels.values():
        for term in label.split(" / "):
            key = " ".join(_stem(w) for w in term.split())
            assert key not in seen, f"{term!r} in {seen.get(key)!r} and {label!r}"
            seen[key] = label


def _uses(paper: Paper, term: str) -> bool:
    text = f"{paper.shown_title}. {paper.shown_abstract or ''}".lower()
    return all(w.lower() in text for w in term.split())  # a label writes acronyms as the paper does ("BERT")


_SERIES = [Paper(f"Forecasting time series with transformers {i}") for i in range(8)]


def test_a_label_names_what_several_papers_of_its_topic_share() -> None:
    """Walkthrough #18: a topic of three papers was labelled "pointer / sentinel / mixture", one title's words.
    A label takes terms two or more of its papers use, fewer of them rather than one paper's words."""
    three = [
        Paper("Pointer Sentinel Mixture Models"),
        Paper("Character-level convolutional networks for text classification"),
        Paper("Sentence embeddings using siamese networks"),
    ]
    label = topic_labels(_topics(_SERIES + three, [0] * 8 + [1] * 3))[1]
    for term in label.split(" / "):
        assert sum(_uses(p, term) for p in three) >= 2, f"{term!r} of {label!r} is one paper's word"
    assert label == "networks"


def test_a_topic_whose_papers_share_no_term_is_named_by_several_of_them() -> None:
    three = [
        Paper("Pointer Sentinel Mixture Models"),
        Paper("Character-level convolutional nets for text classification"),
        Paper("Sentence-BERT: sentence embeddings using siamese BERT"),
    ]
    label = topic_labels(_topics(_SERIES + three, [0] * 8 + [1] * 3))[1]
    terms = label.split(" / ")
    assert len(terms) == 3, label
    papers_named = {i for term in terms for i, p in enumerate(three) if _uses(p, term)}
    assert len(papers_named) == 3, f"{label!r} names only papers {papers_named}"


def test_no_two_label_words_share_a_stem() -> None:
    # the walkthrough's map labelled a cluster "learning / deep / learn"
    assert _label_terms(["learning", "deep", "learn", "networks"]) == ["learning", "deep", "networks"]
    assert _stem("learning") == _stem("learn") and _stem("llms") == _stem("llm")
    papers = [
        Paper(f"Deep learning for images {i}", abstract="We learn deep networks; learning deep features helps.")
        for i in range(10)
    ] + [Paper(f"Microphone arrays {i}", abstract="Speech enhancement with a microphone array.") for i in range(10)]
    labels = topic_labels(_topics(papers, [0] * 10 + [1] * 10))
    words = [_stem(w) for w in labels[0].replace(" / ", " ").split()]
    assert len(words) == len(set(words)), labels[0]


def test_markup_words_never_label_a_topic() -> None:
    # CSL-JSON abstracts saved from Crossref keep JATS tags as text ("protein interactions / medical / jats")
    proteins = [
        Paper(
            f"Protein interaction networks {i}",
            abstract="<jats:title>Abstract</jats:title><jats:p>Protein interactions in medical data, "
            "H<jats:sub>2</jats:sub>O and &lt;jats:italic&gt;in vivo&lt;/jats:italic&gt;.</jats:p>",
        )
        for i in range(10)
    ]
    speech = [
        Paper(f"Microphone arrays {i}", abstract="<p>Speech enhancement with a microphone array.</p>")
        for i in range(10)
    ]
    labels = topic_labels(_topics(proteins + speech, [0] * 10 + [1] * 10))
    for label in labels.values():
        assert not {"jats", "jats p", "p", "title", "sub", "italic"} & set(label.split(" / ")), label
        assert "jats" not in label, label
    assert "protein" in labels[0], labels


def test_label_words_are_the_words_the_cards_show() -> None:
    # the map reads abstracts with the importers' markup reader: a leading "Abstract" heading is no word of a label
    # (Crossref's JATS), and what reads like a tag but is text ("0<kernel bandwidth>1") keeps its words
    kernels = [
        Paper(
            f"Density estimation note {i}",
            abstract="<jats:title>Abstract</jats:title><jats:p>For 0<kernel bandwidth>1 density estimates "
            "converge.</jats:p>",
        )
        for i in range(10)
    ]
    speech = [
        Paper(f"Microphone arrays {i}", abstract="<p>Speech enhancement with a microphone array.</p>")
        for i in range(10)
    ]
    assert kernels[0].abstract is not None and "<kernel bandwidth>" in plain_abstract(kernels[0].abstract)
    labels = topic_labels(_topics(kernels + speech, [0] * 10 + [1] * 10))
    assert "abstract" not in " / ".join(labels.values()), labels
    assert {"kernel", "bandwidth"} & set(labels[0].replace(" / ", " ").split()), labels
