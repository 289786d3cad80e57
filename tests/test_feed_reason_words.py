"""A feed pick's reason names only words that connect it to the saved papers (walkthrough: a paper on LLM agent
memory picked for three action-recognition papers read "words: action, interactions, face challenges, curation,
growing": the saved papers hold none of the last three). Papers written here: three saved action-recognition
papers, and candidates among which an agent-memory paper with distinctive words of its own.
"""

from __future__ import annotations

import re

from paperlab.paper import Paper
from paperlab.search.personal import RankingOptions, rank_personal

SAVED = [
    Paper(
        "Skeleton graphs for action recognition in crowded scenes",
        abstract="We recognise human actions from skeleton graphs. Action recognition in crowded scenes suffers "
        "from occluded joints; our temporal graph model reaches higher accuracy on two video benchmarks.",
        id="s1",
    ),
    Paper(
        "Segment, sample and shift: augmentation for video action recognition",
        abstract="Video action recognition models overfit to backgrounds. We segment actors, sample new scenes "
        "and shift them in time, which raises accuracy on small video datasets.",
        id="s2",
    ),
    Paper(
        "Correcting optical flow for action recognition",
        abstract="Optical flow errors hurt two-stream action recognition. We correct flow with a learned "
        "dynamics prior and improve video accuracy on three benchmarks.",
        id="s3",
    ),
]
MEMORY = Paper(
    "Memory as action: context curation for long-horizon language agents",
    abstract="Large language model agents face challenges in long-horizon tasks as their growing context is "
    "flooded with irrelevant interactions. We treat memory curation as an action the agent learns, pruning "
    "and summarising its own context; curation keeps the agent within budget on web and coding tasks.",
    id="m1",
)
OTHERS = [
    Paper(
        "Temporal transformers for action recognition in sports video",
        abstract="A temporal transformer recognises actions in sports video with higher accuracy.",
        id="c1",
    ),
    Paper(
        "Data curation for imitation learning from growing robot datasets",
        abstract="Curation of growing robot datasets matters: we filter demonstrations by their interactions and "
        "learn better policies with less data.",
        id="c2",
    ),
    Paper(
        "Graph models of joints for skeleton action recognition",
        abstract="Skeleton joints form graphs; a graph model recognises actions from joints in video.",
        id="c3",
    ),
    Paper("Protein folding with diffusion", abstract="Diffusion models fold proteins from sequences.", id="c4"),
    Paper("Faster sorting on GPUs", abstract="A radix sort for GPUs that is twice as fast.", id="c5"),
    Paper("Weather forecasting with graph networks", abstract="Graph networks forecast the weather.", id="c6"),
] + [
    Paper(f"A study of {topic}", abstract=f"We measure {topic} in {place} over ten years.", id=f"o{i}")
    for i, (topic, place) in enumerate(
        [
            ("soil salinity", "river deltas"),
            ("bird migration", "northern Europe"),
            ("bridge fatigue", "steel girders"),
            ("coral bleaching", "shallow reefs"),
            ("urban heat", "dense cities"),
            ("glacier retreat", "alpine valleys"),
            ("battery ageing", "electric buses"),
            ("wheat yield", "dry farmland"),
            ("traffic noise", "school zones"),
            ("groundwater levels", "coastal aquifers"),
            ("wind turbine wear", "offshore farms"),
            ("forest fires", "pine forests"),
            ("lake oxygen", "deep lakes"),
            ("road cracking", "cold winters"),
        ]
    )
]


def _saved_words() -> set[str]:
    return {w for p in SAVED for w in re.findall(r"[a-z0-9]+", f"{p.title} {p.abstract}".lower())}


def test_a_picks_words_are_held_by_the_saved_papers() -> None:
    ranking = rank_personal(SAVED, [MEMORY, *OTHERS])  # default options: pseudo-relevance feedback on
    reasons = dict(zip(ranking.ids, ranking.reasons, strict=True))
    memory = reasons["m1"]
    shown = str(memory)
    for word in ("curation", "growing", "challenges", "interactions", "context"):
        assert word not in memory.words and word not in shown, shown
    saved = _saved_words()
    for reason in ranking.reasons:  # every pick: each word (or phrase) shown is one the saved papers hold
        assert all(set(w.split()) <= saved for w in reason.words), (reason.words, saved)
    assert "action" in memory.words  # the word it does share with them is still named
    on_topic = reasons["c1"].words
    assert "action recognition" in on_topic or "recognition" in on_topic, on_topic


def test_a_pick_sharing_no_word_says_nothing_about_words() -> None:
    ranking = rank_personal(SAVED, [*OTHERS, MEMORY], options=RankingOptions(feedback=0))
    reasons = dict(zip(ranking.ids, ranking.reasons, strict=True))
    assert reasons["c5"].words == [] and "words:" not in str(reasons["c5"])  # sorting on GPUs
