"""A feed pick says why in words a researcher checks against their own papers (session 15's leftover, UX5: the
reasons were titles alone and a word list repeating itself, "words: languages, word, error, rate, word error").
Now: the saved papers it is close to with first author and year, the tags of their list entries, the phrases it
shares each word once ("word error rate"), and the authors of the saved papers who wrote it; all from what the feed
already computes and the store holds (no new model).

Papers: our own small BibTeX files written for this test (saved papers on speech recognition, new candidates).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.cli import main
from paperlab.feed.reasons import author_key, shared_words

SAVED = r"""
@article{chen2023sparse, title = {Sparse Mixture-of-Experts Routing for Low-Resource Speech Recognition},
  author = {Chen, Li and Okafor, Ada}, year = {2023}, eprint = {2305.01234},
  abstract = {We route each audio frame to two of 16 experts and reduce word error rate on low-resource languages.}}
@article{kim2022lm, title = {Shallow Fusion of Large Language Models for ASR Rescoring}, author = {Kim, Soo-jin},
  year = {2022}, eprint = {2207.03333},
  abstract = {Rescoring n-best lists with a language model reduces word error rate on conversational speech.}}
@article{nguyen2023tok, title = {Byte-Level Tokenizers Hurt Tonal Languages}, author = {Nguyen, Thi Mai},
  year = {2023}, eprint = {2310.11111},
  abstract = {On Vietnamese and Thai, byte-level tokenization raises word error rate compared to syllable units.}}
"""
NEW = r"""
@article{c1, title = {Mixture-of-Experts for Multilingual Speech Recognition at Scale}, author = {Wu, Hao},
  year = {2026}, eprint = {2611.00001},
  abstract = {We scale sparse experts to 100 languages and reduce word error rate on low-resource speech.}}
@article{c3, title = {Expert Routing Collapse in Speech Mixture-of-Experts}, author = {L. Chen and Bob Stone},
  year = {2026}, eprint = {2611.00005},
  abstract = {Routing collapse makes sparse experts idle; we balance the load and lower word error rate.}}
"""


@pytest.fixture
def picks(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "saved.bib").write_text(SAVED, encoding="utf-8")
    (tmp_path / "new.bib").write_text(NEW, encoding="utf-8")
    assert main(["import", str(tmp_path / "saved.bib"), "--list", "asr"]) == 0
    shelf = paperlab.open_store().reading_list("asr")
    shelf.tag("2305.01234", "moe")
    today = paperlab.feed(candidates=paperlab.load(tmp_path / "new.bib"), today="2026-11-30", remember=False)
    return {item.paper.arxiv_id or item.paper.id: item.why_text for item in today.items}


def test_a_reason_names_first_author_year_tags_and_shared_authors(picks: dict[str, str]) -> None:
    both = " ".join(picks.values())
    assert "“Sparse Mixture-of-Experts Routing for Low-Resource Speech…” (Chen 2023)" in both
    assert "(tagged moe)" in both  # the tag the user gave the saved paper it is close to
    collapse = picks["2611.00005"]
    assert "by L. Chen (author of 1 of your papers)" in collapse  # "L. Chen" wrote "Chen, Li"'s paper
    assert "Bob Stone" not in collapse and "Hao Wu" not in picks["2611.00001"]
    assert all(r.startswith("close to “") for r in picks.values())


def test_shared_words_name_each_word_once(picks: dict[str, str]) -> None:
    for reason in picks.values():
        words = reason.split("words: ", 1)[1].split(" — ")[0].split(", ")
        spelled = [w for phrase in words for w in phrase.split()]
        assert len(spelled) == len(set(spelled)), reason  # never "word, error, rate, word error"
    assert shared_words(["languages", "word", "error", "rate", "word error", "error rate"]) == [
        "word error rate",
        "languages",
    ]
    # a word the pick writes next to a phrase joins it; one it does not stays apart
    assert shared_words(["word error", "rate"], "lower word error rate") == ["word error rate"]
    assert shared_words(["word error", "rate"], "the error rate of words") == ["word error", "rate"]


def test_author_keys_meet_across_written_forms() -> None:
    assert author_key("Chen, Li") == author_key("Li Chen") == ("chen", "li")
    assert author_key("Müller, Jürgen") == ("muller", "jurgen")
