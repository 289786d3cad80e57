"""The arrivals' neighbourhoods as a key of the editable interest profile: a user who keeps the profile as plain data
(a dict or the JSON file) sees the weight, can turn it off or change it, and a bad value is refused naming the field.
Papers written here (a feed ranked from the user's own papers, through ``paperlab.feed(candidates=...)``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from paperlab.errors import ParseError
from paperlab.feed.core import feed
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.search.personal import RankingOptions
from paperlab.store import Store


def test_the_profile_shows_the_neighbours_weight_and_reads_it_back(tmp_path: Path) -> None:
    shown = InterestProfile().to_dict()
    assert shown["neighbours"] == RankingOptions().neighbours == 1.0  # the measured default is visible
    path = InterestProfile.from_dict({"neighbours": 0}).save(tmp_path / "feed-profile.json")
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["neighbours"] == 0
    back = InterestProfile.load(path)
    assert back.neighbours == 0 and back.ranking_options().neighbours == 0.0
    assert InterestProfile.from_dict({"neighbours": 2.5}).ranking_options().neighbours == 2.5
    assert InterestProfile.from_dict({}).ranking_options().neighbours == 1.0  # left out: the default


@pytest.mark.parametrize(
    ("value", "shown"),
    [("strong", "'strong'"), (True, "True"), (-1, "-1"), (float("nan"), "nan"), (None, "None")],
)
def test_a_bad_neighbours_weight_is_refused_naming_the_field(value: object, shown: str) -> None:
    with pytest.raises(ParseError, match=r"profile\.json: field 'neighbours': expected a number") as err:
        InterestProfile.from_dict({"neighbours": value}, source="profile.json")
    assert shown in str(err.value)


def test_a_profile_file_with_a_bad_weight_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed-profile.json"
    path.write_text('{"lists": ["*"], "neighbours": "lots"}\n', encoding="utf-8")
    with pytest.raises(ParseError, match=f"{path}: field 'neighbours'"):
        InterestProfile.load(path)


def _papers() -> tuple[list[Paper], list[Paper]]:
    saved = [
        Paper(
            f"Graph neural networks for molecule property prediction, part {i}", abstract="molecule graphs", id=f"s{i}"
        )
        for i in range(5)
    ]
    arriving = [
        Paper(f"Message passing on molecule graphs {i}", abstract="graph networks for molecules", id=f"a{i}")
        for i in range(6)
    ] + [
        Paper(f"Crop yield forecasting from satellite images {i}", abstract="remote sensing", id=f"b{i}")
        for i in range(6)
    ]
    return saved, arriving


def test_the_feed_follows_the_profile_key(tmp_path: Path) -> None:
    saved, arriving = _papers()
    store = Store(tmp_path / "feed.sqlite3")
    for p in saved:
        store.reading_list("default").add(p)

    def ranked(neighbours: float) -> list:
        profile = InterestProfile.from_dict({"categories": [], "hf_daily": False, "k": 12, "neighbours": neighbours})
        return feed(candidates=arriving, profile=profile, store=store, today=dt.date(2026, 3, 4), remember=False).items

    on, off = ranked(1.0), ranked(0)
    assert {i.paper.id for i in on[:6]} == {i.paper.id for i in off[:6]} == {f"a{i}" for i in range(6)}
    assert not any(i.why and i.why.beside for i in off)  # turned off in the profile: no neighbour named
    assert [i.score for i in on] != [i.score for i in off]  # on, the neighbourhoods move the scores
