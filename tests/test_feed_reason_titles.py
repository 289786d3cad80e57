"""A pick's reason names the saved papers it is close to by a short form of their titles: three picks close to one
long-titled paper no longer repeat its whole 20-word title three times (the For-you section and feed cards show the
reason on one or two lines); the full titles stay in the reason's data."""

from __future__ import annotations

from paperlab.search.personal import Reason
from paperlab.text import short_title

LONG = (
    "A Very Long Study of Denoising Diffusion Probabilistic Models for Conditional Image Synthesis "
    "on Large Datasets of Natural Photographs and Drawings"
)


def test_a_long_title_is_named_by_its_first_words_and_an_ellipsis():
    why = Reason(
        closest=[("2401.00001", LONG, 0.8), ("2401.00002", "Attention Is All You Need", 0.7)], words=[], boosts=[]
    )
    text = str(why)
    assert text.startswith("close to “A Very Long Study of Denoising Diffusion Probabilistic")
    assert "…”; “Attention Is All You Need”" in text
    assert LONG not in text and len(text) < 110
    assert why.to_dict()["closest"][0]["title"] == LONG  # the data keeps the whole title


def test_near_other_picks_are_shortened_too_and_short_titles_stay_whole():
    why = Reason(closest=[], words=["diffusion"], boosts=[], beside=[("x", LONG)])
    assert str(why) == f"words: diffusion — near other top picks: “{short_title(LONG)}”"
    assert short_title(LONG).endswith("…") and len(short_title(LONG)) <= 60
    assert short_title("  Attention   Is All\nYou Need ") == "Attention Is All You Need"


def test_a_cut_never_splits_a_word_or_leaves_a_dangling_separator():
    title = "Scaling Laws: Compute-Optimal Training, Revisited — and Why the Old Laws Were Wrong After All"
    short = short_title(title, 50)
    assert short.endswith("…") and title.startswith(short[:-1])
    assert title[len(short) - 1] in " ,—"  # the cut falls at a word's end
    assert not short[:-1].endswith((" ", ",", "—", ":"))
