"""A feed learning from one saved paper said "close to “that paper”" on every pick (UX12's leftover, session 23):
with one saved paper every pick is nearest to it, so the words said nothing. Now the one saved paper is named as
close only from a cosine of ``CLOSE_FLOOR`` (0.5, measured on a dev half of the demo corpus, see
paperlab/feed/reasons.py); a pick below it says its other reasons, or "loosely related to" when it has none.
With several saved papers the nearest ones still name which of them a pick follows.

Papers: made up for this test.
"""

from __future__ import annotations

from paperlab import Paper
from paperlab.feed.reasons import CLOSE_FLOOR, reason_text
from paperlab.search.personal import Reason, rank_personal

SAVED = Paper(
    "Speculative Decoding with Tiny Drafters",
    abstract="A small drafter model proposes tokens that the large language model verifies in parallel, "
    "speeding up autoregressive decoding without changing its output.",
    id="saved",
)
CLOSE = Paper(
    "Parallel Drafting Heads for Speculative Decoding",
    abstract="Several lightweight heads draft tokens at once; the language model verifies the drafts, so "
    "speculative decoding runs faster with the same outputs.",
    id="close",
)
FAR = Paper(
    "A Survey of Pet Owners and Their Dogs",
    abstract="We asked two hundred dog owners how often they walk their pets and what they feed them.",
    id="far",
)
OTHER = Paper(
    "Kelp Canopy Mapping from Drone Images",
    abstract="Drone images of coastal kelp forests are segmented to map the canopy across seasons.",
    id="kelp",
)


def test_one_saved_paper_is_named_close_only_to_picks_that_are_close() -> None:
    ranking = rank_personal([SAVED], [CLOSE, FAR, OTHER])
    said = {p.id: reason_text(why, p) for p, why in zip(ranking.papers, ranking.reasons, strict=True)}
    assert said["close"].startswith("close to “Speculative Decoding with Tiny Drafters”"), said
    assert "close to" not in said["far"] and "close to" not in said["kelp"], said
    assert ranking.papers[0].id == "close"


def test_under_the_floor_a_pick_says_its_words_or_loosely_related() -> None:
    paper = Paper("Owls at Night", abstract="Owls hunt mice at night.", id="owls")
    low = CLOSE_FLOOR - 0.1
    why = Reason(closest=[("saved", "Speculative Decoding with Tiny Drafters", low)], words=["night"], boosts=[])
    assert reason_text(why, paper) == "words: night"
    alone = Reason(closest=[("saved", "Speculative Decoding with Tiny Drafters", low)], words=[], boosts=[])
    assert reason_text(alone, paper) == "loosely related to “Speculative Decoding with Tiny Drafters”"
    high = Reason(closest=[("saved", "Speculative Decoding with Tiny Drafters", CLOSE_FLOOR)], words=[], boosts=[])
    assert reason_text(high, paper) == "close to “Speculative Decoding with Tiny Drafters”"


def test_with_several_saved_papers_the_nearest_are_still_named() -> None:
    paper = Paper("Owls at Night", abstract="Owls hunt mice at night.", id="owls")
    why = Reason(closest=[("a", "Speculative Decoding", 0.2), ("b", "Kelp Canopy Mapping", 0.1)], words=[], boosts=[])
    assert reason_text(why, paper) == "close to “Speculative Decoding”; “Kelp Canopy Mapping”"
