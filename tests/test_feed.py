"""The morning feed: sources through the local fake server, memory, thumbs, mutes and boosts, the profile."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from paths import DATA, FIXTURES, realdata_missing

from paperlab.data import demo_library
from paperlab.errors import NotFound, ParseError
from paperlab.feed.core import Feed, feed, parse_since
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.store import Store

LISTING = DATA / "arxiv_feeds" / "listing_atom.xml"
DAY = dt.date(2026, 3, 4)


def _topic(location: str, n: int, skip: int = 0) -> list[Paper]:
    papers = [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)]
    return papers[skip : skip + n]


CONTRASTIVE = "hf-papers-contrastive.txt"
HALLUCINATION = "hf-papers-ood-hallucination.txt"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "feed.sqlite3")
    for p in _topic(CONTRASTIVE, 6):
        st.reading_list("default").add(p)
    return st


def _candidates() -> list[Paper]:
    return _topic(CONTRASTIVE, 10, skip=6) + _topic(HALLUCINATION, 10)


def _profile(**kw: object) -> InterestProfile:
    return InterestProfile(categories=[], hf_daily=False, **kw)  # type: ignore[arg-type]


def _ids(papers: list[Paper]) -> set[str]:
    return {p.id for p in papers}


def test_ranks_the_saved_topic_first_with_reasons(store: Store) -> None:
    f = feed(candidates=_candidates(), profile=_profile(k=20), store=store, today=DAY)
    contrastive = _ids(_topic(CONTRASTIVE, 10, skip=6))
    top = [i.paper.id for i in f.items[:10]]
    assert sum(pid in contrastive for pid in top) >= 8
    first = f.items[0]
    assert first.why is not None and first.why.closest and first.why.words
    saved_titles = {p.shown_title for p in _topic(CONTRASTIVE, 6)}
    assert all(t in saved_titles for _, t, _ in first.why.closest)
    assert "close to" in first.to_dict()["why_text"]


def test_no_repeats_on_later_days_unless_asked(store: Store) -> None:
    cands = _candidates()
    day1 = feed(candidates=cands, profile=_profile(k=5), store=store, today=DAY)
    shown = _ids(day1.papers)
    day2 = feed(candidates=cands, profile=_profile(k=5), store=store, today=DAY + dt.timedelta(days=1))
    assert not shown & _ids(day2.papers)
    assert day2.hidden == 5
    again = feed(candidates=cands, profile=_profile(k=5, repeats=True), store=store, today=DAY + dt.timedelta(days=2))
    assert shown <= _ids(again.papers) | shown and shown & _ids(again.papers)
    # the same day may be rebuilt: what it showed is not "earlier"
    rebuilt = feed(candidates=cands, profile=_profile(k=5), store=store, today=DAY)
    assert _ids(rebuilt.papers) == shown


def _mean_rank(f: Feed, ids: set[str]) -> float:
    ranks = [n for n, item in enumerate(f.items) if item.paper.id in ids]
    return sum(ranks) / len(ranks)


def test_thumbs_reorder_at_once_and_are_stored(store: Store) -> None:
    cands = _candidates()
    hall = _ids(_topic(HALLUCINATION, 10))
    f = feed(candidates=cands, profile=_profile(k=20), store=store, today=DAY, remember=False)
    before = _mean_rank(f, hall)
    top = f.items[0].paper
    for p in _topic(HALLUCINATION, 3):
        f.rate(p.id, 1)
    f.rate(top, -1)
    liked = _ids(_topic(HALLUCINATION, 3))
    assert _mean_rank(f, liked) < 3  # the liked papers lead at once ...
    assert _mean_rank(f, hall - liked) < before  # ... and the rest of their topic moved up
    assert f.items[0].paper.id != top.id
    assert [i.thumb for i in f.items if i.paper.id == top.id] == [-1]
    # stored: a new feed on a new store handle ranks the same way
    g = feed(candidates=cands, profile=_profile(k=20), store=Store(store.location), today=DAY, remember=False)
    assert [i.paper.id for i in g.items] == [i.paper.id for i in f.items]
    with pytest.raises(NotFound, match="not in the feed"):
        f.rate("no-such-paper", 1)


def test_mutes_and_boosts(store: Store) -> None:
    cands = _candidates()
    target = _topic(HALLUCINATION, 10)[-1]
    author = target.authors[0] if target.authors else None
    boost = {f"author:{author}": 10.0} if author else {target.shown_title.split()[0]: 10.0}
    f = feed(candidates=cands, profile=_profile(k=20, boosts=boost), store=store, today=DAY, remember=False)
    assert f.items[0].paper.id == target.id
    assert f.items[0].why is not None and f.items[0].why.boosts
    g = feed(candidates=cands, profile=_profile(k=20, mutes=["contrastive"]), store=store, today=DAY, remember=False)
    assert g.muted and all("contrastive" not in (p.shown_title + (p.abstract or "")).lower() for p in g.papers)


def test_profile_is_plain_editable_data(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    prof = InterestProfile(lists=["reading"], boosts={"diffusion": 1.5}, mutes=["author:Someone"], recency=0.5)
    prof.save(path)
    data = json.loads(path.read_text())
    assert data["boosts"] == {"diffusion": 1.5} and data["lists"] == ["reading"]
    data["mutes"].append("blockchain")
    path.write_text(json.dumps(data))
    assert InterestProfile.load(path).mutes == ["author:Someone", "blockchain"]
    path.write_text(json.dumps({**data, "recency": "high"}))
    with pytest.raises(ParseError, match=r"profile\.json: field 'recency': expected a number"):
        InterestProfile.load(path)
    path.write_text(json.dumps({**data, "colour": "red"}))
    with pytest.raises(ParseError, match="unknown field 'colour'"):
        InterestProfile.load(path)
    path.write_text('{"lists": [\n')
    with pytest.raises(ParseError, match=r"line 2"):
        InterestProfile.load(path)


def test_since_forms() -> None:
    assert parse_since("yesterday", DAY) == DAY - dt.timedelta(days=1)
    assert parse_since("today", DAY) == DAY
    assert parse_since("3d", DAY) == DAY - dt.timedelta(days=3)
    assert parse_since("2026-01-02", DAY) == dt.date(2026, 1, 2)
    with pytest.raises(ParseError):
        parse_since("last tuesday", DAY)


def test_listing_new_cross_and_replaced(fake_server, store: Store, tmp_path: Path) -> None:
    fake_server.route("/atom/cs.LG", LISTING.read_bytes(), content_type="application/atom+xml")
    kw = dict(store=store, today=DAY, cache_dir=tmp_path / "cache", arxiv_url=fake_server.url + "/atom")
    f = feed("2026-03-04", profile=InterestProfile(hf_daily=False), remember=False, **kw)
    assert {p.arxiv_id for p in f.papers} == {"2603.01001", "2603.00777"}  # new + cross; replacements left out
    assert {p.extra["announce_type"] for p in f.papers} == {"new", "cross"}
    assert f.summary() == "2 new papers ranked for you" and f.cards().feed_info["summary"] == f.summary()
    g = feed("2026-03-04", profile=InterestProfile(hf_daily=False, include_replaced=True), remember=False, **kw)
    assert {p.arxiv_id for p in g.papers} >= {"2511.09999", "hep-th/0601001"}
    late = feed("2026-03-05", profile=InterestProfile(hf_daily=False), remember=False, **kw)
    assert late.papers == []  # nothing announced since


def test_offline_rebuilds_the_same_feed(fake_server, store: Store, tmp_path: Path) -> None:
    fake_server.route("/atom/cs.LG", LISTING.read_bytes(), content_type="application/atom+xml")
    kw = dict(store=store, today=DAY, cache_dir=tmp_path / "cache", arxiv_url=fake_server.url + "/atom", remember=False)
    live = feed("2026-03-04", profile=InterestProfile(hf_daily=False), **kw)
    n = len(fake_server.requests)
    offline = feed("2026-03-04", profile=InterestProfile(hf_daily=False), offline=True, **kw)
    assert len(fake_server.requests) == n  # nothing asked
    assert offline.to_dict()["items"] == live.to_dict()["items"]
    empty = feed("2026-03-04", profile=InterestProfile(hf_daily=False), offline=True, **{**kw, "cache_dir": tmp_path})
    assert empty.papers == [] and "offline" in empty.failed[0]


@pytest.mark.realdata
@pytest.mark.skipif(realdata_missing() is not None, reason=str(realdata_missing()))
def test_recorded_listing_and_hf_daily_papers(fake_server, store: Store, tmp_path: Path) -> None:
    listing = FIXTURES / "arxiv_feeds" / "zotero-arxiv-daily_rss_atom_cs.AI_2025-08-20.xml"
    daily = FIXTURES / "hf_daily_papers" / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json"
    fake_server.route("/atom/cs.AI", listing.read_bytes(), content_type="application/atom+xml")
    fake_server.route("/api/daily_papers", daily.read_bytes())
    prof = InterestProfile(categories=["cs.AI"], k=100)
    kw = dict(cache_dir=tmp_path / "c", arxiv_url=fake_server.url + "/atom", hf_url=fake_server.url, remember=False)
    f = feed("2025-08-20", profile=prof, store=store, today=dt.date(2025, 8, 20), **kw)
    kinds = [str(p.extra["announce_type"]) for p in f.papers if p.extra.get("announce_type")]
    assert sorted(kinds) == ["cross"] * 5 + ["new"] * 2
    assert any(p.upvotes for p in f.papers)  # Hugging Face papers joined the arXiv ones
    assert fake_server.requests_to("/api/daily_papers")[0][2]["date"] == ["2025-08-20"]
    again = feed("2025-08-20", profile=prof, store=store, today=dt.date(2025, 8, 20), offline=True, **kw)
    assert [i.paper.id for i in again.items] == [i.paper.id for i in f.items]


def test_untrusted_titles_are_escaped(store: Store) -> None:
    bad = Paper(
        "<img src=x onerror=alert(1)> [click](javascript:alert(1)) contrastive learning",
        abstract="contrastive <script>alert(1)</script> representation learning",
        url="javascript:alert(1)",
    )
    f = feed(candidates=[bad, *_candidates()], profile=_profile(k=30), store=store, today=DAY, remember=False)
    page = f._repr_html_()
    assert "<img" not in page and "<script" not in page and "&lt;img" in page
    md = f.to_markdown()
    assert "javascript:" not in md.split("contrastive learning")[0].split("](")[-1]
    assert "[click](javascript" not in md


def test_recency_and_popularity_options(store: Store) -> None:
    hf = [p for p in demo_library() if p.abstract and p.upvotes is not None][:12]
    popular = max(hf, key=lambda p: (p.upvotes or 0) + (p.github_stars or 0))  # HF upvotes + GitHub stars
    f = feed(candidates=hf, profile=_profile(k=12, popularity=10.0), store=store, today=DAY, remember=False)
    assert f.items[0].paper.id == popular.id
    dated = [
        dataclasses.replace(p, published=DAY - dt.timedelta(days=n), upvotes=None) for n, p in enumerate(hf)
    ]  # hf[0] newest
    g = feed(candidates=dated, profile=_profile(k=12, recency=10.0), store=store, today=DAY, remember=False)
    assert [i.paper.published for i in g.items[:3]] == [DAY, DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=2)]


def test_the_default_profile_learns_from_every_reading_list(tmp_path: Path) -> None:
    """A researcher who saves papers to a list of their own ("thesis"), not "default": the feed learns from it at
    once and never offers those saved papers again; a profile naming lists reads only those."""
    st = Store(tmp_path / "lists.sqlite3")
    saved = _topic(HALLUCINATION, 6)
    for p in saved:
        st.reading_list("thesis").add(p)
    hallucination = _ids(_topic(HALLUCINATION, 10, skip=6))
    cands = _topic(CONTRASTIVE, 10, skip=6) + _topic(HALLUCINATION, 10, skip=6) + saved
    f = feed(candidates=cands, profile=_profile(k=20), store=st, today=DAY)
    assert not _ids(saved) & _ids([i.paper for i in f.items])  # the saved papers are not "for you"
    assert sum(i.paper.id in hallucination for i in f.items[:10]) >= 6
    thesis_titles = {p.shown_title for p in saved}
    for item in f.items[:5]:  # each pick is explained by the papers of the thesis list
        assert item.why is not None and item.why.closest
        assert {t for _, t, _ in item.why.closest} <= thesis_titles
    only_default = feed(candidates=cands, profile=_profile(k=30, lists=["default"]), store=st, today=DAY)
    assert _ids(saved) <= _ids([i.paper for i in only_default.items])  # "default" is empty: nothing left out
    assert all(not (i.why and i.why.closest) for i in only_default.items)  # nothing saved there to be close to
