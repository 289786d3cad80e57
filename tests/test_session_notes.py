"""Reading-group notes in other layouts than the seed's slide transcript (issue 12): "Presenter:" lines, presenter
headings, titles without authors, venue lines, results as markdown pipes or space-aligned columns, takeaways and
discussion sections; a presentation that cannot be read is reported and skipped, never fatal.

Every expectation below comes from reading our own files in tests/data/session/."""

from __future__ import annotations

import warnings

import pytest

from paperlab.comparison import find_tables
from paperlab.errors import PartialImportWarning
from paperlab.services.sessions import Session
from tests.paths import DATA

SESSION = DATA / "session"


def _read(name: str) -> tuple[Session, list[PartialImportWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s = Session.from_file(SESSION / name)
    return s, [w.message for w in caught if isinstance(w.message, PartialImportWarning)]


def _cells(entry_results: list, n: int = 0) -> list[list[object]]:
    return entry_results[n][["method", "column", "value", "line"]].values.tolist()


def test_seed_style_title_without_authors_and_an_unreadable_presentation() -> None:
    """The finding: a title line without author lines made the whole file fail; now only the presentation that
    names no paper at all (Sofia Moreau, line 51) is skipped and reported."""
    s, warned = _read("missing-authors.txt")
    assert s.theme == "Thematic session" and s.subtitle == "Paper presentation: Group 3 (retrieval)"
    assert [e.presenter for e in s.entries] == ["Johanna Lindqvist", "Pieter Janssens", "Rutger Bakker"]
    assert [e.line for e in s.entries] == [7, 33, 57]
    rag, dpr, realm = s.entries
    assert rag.paper.title == "Retrieval-Augmented Generation for Knowledge-Intensive Nlp Tasks"  # ALL CAPS title
    assert rag.paper.authors == ["Patrick Lewis", "Ethan Perez", "Aleksandra Piktus", "Fabio Petroni"]
    assert rag.paper.venue == "NeurIPS 2020"
    assert dpr.paper.title == "Dense Passage Retrieval for Open-Domain Question Answering" and dpr.paper.authors == []
    assert dpr.takeaways == ["In-batch negatives are enough to train a strong retriever"]
    assert _cells(dpr.results) == [
        ["BM25", "Top-20", 59.1, 44],
        ["BM25", "Top-100", 73.7, 44],
        ["DPR", "Top-20", 78.4, 45],
        ["DPR", "Top-100", 85.4, 45],
    ]
    assert realm.paper.title == "REALM: Retrieval-Augmented Language Model Pre-Training"
    assert realm.paper.authors == ["Kelvin Guu", "Kenton Lee", "Zora Tung", "Panupong Pasupat"]
    (w,) = warned
    assert [(p.where, "Sofia Moreau" in p.message, p.message.endswith("presentation skipped")) for p in w.problems] == [
        ("line 51", True, True)
    ]
    assert any("line 35" == p.where and "no author lines" in p.message for p in s.problems)


def test_presenter_label_notes_with_headings_pipes_and_sections() -> None:
    s, warned = _read("notes-presenter-labels.txt")
    assert s.theme == "Efficient fine-tuning reading group" and s.subtitle == "Meeting of 2024-03-05 · room 3.14"
    assert [e.presenter for e in s.entries] == ["Ada Lovelace", "Charles Babbage", "Alan Turing"]
    assert [e.line for e in s.entries] == [7, 37, 55]
    lora, prefix, adapters = s.entries
    assert lora.paper.title == "LoRA: Low-Rank Adaptation of Large Language Models"  # "## 1. " dropped
    assert lora.paper.authors == ["Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu"]
    assert lora.paper.venue == "ICLR 2022" and lora.paper.arxiv_id == "2106.09685" and lora.paper.id == "2106.09685"
    assert lora.takeaways == ["Rank 4 is often enough", "No extra inference latency once the update is merged"]
    assert lora.questions == ["Does low rank hold for every layer?", "How does it interact with quantisation?"]
    assert [r[:3] for r in _cells(lora.results) if r[1] == "MNLI"] == [
        ["Full fine-tuning", "MNLI", 87.6],
        ["Adapter", "MNLI", 87.1],
        ["LoRA", "MNLI", 87.5],
    ]
    assert prefix.paper.title == "Prefix-Tuning: Optimizing Continuous Prompts for Generation"  # the Paper: link text
    assert prefix.paper.doi == "10.18653/v1/2021.acl-long.353" and prefix.paper.venue == "ACL 2021"
    assert prefix.paper.authors == ["Xiang Lisa Li", "Percy Liang"]
    assert prefix.takeaways == ["Prefixes steer a frozen model", "Works best for generation tasks"]
    assert adapters.presenter == "Alan Turing"  # "- Presenter: Alan Turing (visiting)"
    assert adapters.paper.arxiv_id == "1902.00751"
    # a space-aligned table inside a code fence (lines 62-63)
    assert [r for r in _cells(adapters.results) if r[1] == "GLUE"] == [
        ["BERT-large", "GLUE", 80.4, 62],
        ["Adapters", "GLUE", 80.0, 63],
    ]
    assert adapters.takeaways == ["Adapters come within 0.4 points of full fine-tuning"]
    (w,) = warned  # "## 3. (to be announced)" with Grace Hopper names no paper: skipped, reported
    assert [(p.where, "Grace Hopper" in p.message) for p in w.problems] == [("line 49", True)]


def test_presenter_headings_and_space_aligned_results() -> None:
    s, warned = _read("notes-heading-names.txt")
    assert not warned
    assert s.theme == "Vision reading group — spring term" and s.subtitle == "Week 6"
    mae, dino = s.entries
    assert (mae.presenter, mae.line) == ("Marie Curie", 4)
    assert mae.paper.title == "Masked Autoencoders Are Scalable Vision Learners"  # from "### Name — Title"
    assert _cells(mae.results) == [
        ["Scratch", "ViT-B", 82.3, 14],
        ["Scratch", "ViT-L", 82.6, 14],
        ["MoCo v3", "ViT-B", 83.2, 15],
        ["MoCo v3", "ViT-L", 84.1, 15],
        ["MAE", "ViT-B", 83.6, 16],
        ["MAE", "ViT-L", 85.9, 16],
    ]
    assert mae.takeaways == ["A high masking ratio makes the pretext task hard enough", "The decoder can be small"]
    assert mae.questions == ["Why pixels and not tokens?"]
    assert (dino.presenter, dino.paper.title) == (
        "Niels Bohr",
        "Emerging Properties in Self-Supervised Vision Transformers",
    )
    assert len(dino.results[0]) == 6 and dino.results[0]["line"].tolist() == [32, 32, 33, 33, 34, 34]
    assert dino.takeaways == ["Momentum teacher and centering avoid collapse"]


def test_every_presentation_unreadable_is_a_parse_error(tmp_path) -> None:
    from paperlab.errors import ParseError

    path = tmp_path / "none.txt"
    path.write_text("Group\n\nPresenter: Ada Lovelace\n\nTBA\n\nPresenter: Alan Turing\n\n- notes\n")
    with pytest.raises(ParseError, match=r"none\.txt, line 3: presentation by 'Ada Lovelace'"):
        Session.from_file(path)


def test_space_aligned_blocks_need_numbers_and_agreeing_columns() -> None:
    text = "Some prose  with  double spaces.\nAnd more  prose  here.\n\nModel    Acc\nA        90.1\nB        91.5\n"
    tables, problems = find_tables(text, source="t.txt", paper="p")
    assert len(tables) == 1 and not problems
    assert tables[0].data[["method", "value", "line"]].values.tolist() == [["A", 90.1, 5], ["B", 91.5, 6]]


def test_headings_naming_the_presenter_after_the_title() -> None:
    text = (
        "# Reading group, week 3\n\n"
        "## Week 3: LoRA: Low-Rank Adaptation of Large Language Models (Ada Lovelace)\n\n"
        "Authors: Edward Hu, Yelong Shen\n\n### Takeaways\n- low rank works\n\n"
        "## Attention Is All You Need — presented by Alan Turing\n\n"
        "Venue: NeurIPS 2017\n\n### Discussion\n- why multi-head?\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialImportWarning)
        s = Session.from_text(text, source="week3.md")
    lora, attention = s.entries
    assert (lora.presenter, lora.line) == ("Ada Lovelace", 3)
    assert lora.paper.title == "LoRA: Low-Rank Adaptation of Large Language Models"  # "Week 3:" dropped
    assert lora.paper.authors == ["Edward Hu", "Yelong Shen"] and lora.takeaways == ["low rank works"]
    assert (attention.presenter, attention.paper.title) == ("Alan Turing", "Attention Is All You Need")
    assert attention.paper.venue == "NeurIPS 2017" and attention.questions == ["why multi-head?"]


def test_a_schedule_is_not_read_as_a_session() -> None:
    from paperlab.errors import ParseError

    with pytest.raises(ParseError, match=r"schedule\.csv, line 1: expected a session transcript, got a reading-group"):
        Session.from_file(SESSION / "schedule.csv")


def test_front_matter_fences_are_not_the_theme() -> None:
    s = Session.from_text("---\n\nReading group\n\nPresenter: Ada Lovelace\nPaper: Attention Is All You Need\n")
    assert s.theme == "Reading group" and s.entries[0].paper.title == "Attention Is All You Need"


def test_date_headings_are_no_titles_and_comma_separated_authors() -> None:
    text = (
        "# Reading group\n\n## 2023-03-01\n\n**Presenter:** Ada Lovelace\n"
        "**Paper:** [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n"
        "## 2023-03-08\n\n**Presenter:** Alan Turing\n\nDeep Residual Learning for Image Recognition\n\n"
        "Kaiming He, Xiangyu Zhang and Jian Sun\n\n## March 15, 2023\n\nPresenter: Grace Hopper\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s = Session.from_text(text, source="dates.md")
    attention, resnet = s.entries
    assert (attention.presenter, attention.paper.id) == ("Ada Lovelace", "1706.03762")
    assert resnet.paper.title == "Deep Residual Learning for Image Recognition"
    assert resnet.paper.authors == ["Kaiming He", "Xiangyu Zhang", "Jian Sun"]
    (w,) = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert [p.where for p in w.problems] == ["line 18"]  # Grace Hopper under "## March 15, 2023": no paper
