"""A venue's tag before a title in a markdown list ("[CVPR 2023] Title", "2020 - Title") gives the venue and year;
a title's own words that look like one ("SemEval-2022: Overview of …", "ChEMU 2020: …", "ImageNet 2012 - Winning
Entry …") stay the title (session 15's review found them cut to "Overview of …" with the venue "SemEval-")."""

from __future__ import annotations

import pytest

from paperlab.sources._md_title_parts import title_parts


@pytest.mark.parametrize(
    "text",
    [
        "[Widget-2020: A Benchmark]",
        "ChEMU 2020: Natural Language Processing of Chemistry",
        "SemEval-2022: Overview of the Widget Task",
        "Vision 2030: A Roadmap for Widgets",
        "ImageNet 2012 - Winning Entry of the Challenge",
    ],
)
def test_a_titles_own_words_are_no_venue_tag(text: str) -> None:
    parts = title_parts(text)
    assert parts is None or (parts.title.startswith(text.strip("[]")[:8]) and parts.venue is None)


@pytest.mark.parametrize(
    ("text", "title", "venue", "year"),
    [
        ("[CVPR 2023] Sparse Widget Routing", "Sparse Widget Routing", "CVPR", 2023),
        ("(NeurIPS 2022) Gadget Maps for All", "Gadget Maps for All", "NeurIPS", 2022),
        ("[ICLR'24] Widget Sorting at Scale", "Widget Sorting at Scale", "ICLR", 2024),
        ("2020 - Gadget Hashing Revisited", "Gadget Hashing Revisited", None, 2020),
        ("NeurIPS 2022 - Gadget Maps for All", "Gadget Maps for All", "NeurIPS", 2022),
    ],
)
def test_a_venue_tag_before_a_title_gives_venue_and_year(text: str, title: str, venue: str | None, year: int) -> None:
    parts = title_parts(text)
    assert parts is not None and (parts.title, parts.venue, parts.year) == (title, venue, year)
