"""Hugging Face Daily Papers: JSON import and the live client (against tests/fakeserver.py).

Fixtures (real API output, see shared/fixtures/PROVENANCE.md):
- SOTAWHAT: lucas-m-lopes/sotawhat @ 13b9c93, 30 items, newest schema.
- NEWSLETTER: 2404589803/hf-daily-paper-newsletter-chinese @ 4b57ca9, 26 items, 12 wrapped titles.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from fakeserver import Fault
from paths import FIXTURES

import paperlab
from paperlab.errors import FetchError, ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources._http import HttpClient
from paperlab.sources.hf import HfDailyPapersClient, parse_daily_papers, read_daily_papers

HF = FIXTURES / "hf_daily_papers"
SOTAWHAT = HF / "sotawhat_daily_papers_2026-06_30items.json"
NEWSLETTER = HF / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json"


# -- parsing --------------------------------------------------------------------------------
def test_sotawhat_counts_and_optional_fields() -> None:
    papers = read_daily_papers(SOTAWHAT)
    assert len(papers) == 30
    assert [p.id for p in papers[:3]] == ["2606.00467", "2606.12730", "2606.13594"]
    assert papers[-1].id == "2606.13106"
    assert sum(p.code_url is not None for p in papers) == 16
    assert sum(p.github_stars is not None for p in papers) == 16
    assert sum(p.project_url is not None for p in papers) == 13
    assert sum(p.organization is not None for p in papers) == 16
    assert all(p.ai_summary for p in papers)  # newest schema: every item has ai_summary
    assert {s.name for p in papers for s in p.sources} == {"hf"}
    assert papers[4].sources[0].record == "record 5"
    assert papers[4].sources[0].location == str(SOTAWHAT)
    # the listing date is paper.submittedOnDailyAt, the same for all 30 items of this file
    assert {p.extra["daily_date"] for p in papers} == {"2026-06-12"}


def test_sotawhat_first_paper_fields() -> None:
    p = read_daily_papers(SOTAWHAT)[0]
    assert p.title == (
        "On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance"
    )
    assert p.arxiv_id == "2606.00467"
    assert p.authors == ["Etienne Casanova", "Rafal Kocielnik", "R. Michael Alvarez"]
    assert p.organization == "California institute of technology"  # organization.fullname
    # paper.publishedAt (2026-05-30T00:00Z) wins over the top-level 2026-05-29T20:00Z
    assert p.published == dt.date(2026, 5, 30)
    assert p.upvotes == 0
    assert p.url == "https://huggingface.co/papers/2606.00467"
    assert p.pdf_url == "https://arxiv.org/pdf/2606.00467"
    assert p.code_url is None and p.github_stars is None and p.project_url is None
    assert p.abstract.startswith("Large Language Models (LLMs) are increasingly used for zero-shot annotation")
    assert p.abstract.endswith("over text-level memorization.")
    assert p.ai_summary.startswith("Large language models exhibit limited ability to correct zero-shot errors")
    assert len(p.keywords) == 14
    assert p.keywords[:2] == ["zero-shot annotation", "LLM-as-a-judge"]
    assert p.extra["submitted_by"] == "RKocielnik"
    assert p.extra["num_comments"] == 2


def test_hidden_author_is_still_an_author() -> None:
    # 2606.12575: the 4th author entry has "hidden": true
    p = next(p for p in read_daily_papers(SOTAWHAT) if p.id == "2606.12575")
    assert len(p.authors) == 10 and p.n_authors == 10
    assert p.authors[3] == "Dengyang Jiang"


def test_newsletter_wrapped_titles_are_single_line() -> None:
    raw = json.loads(NEWSLETTER.read_text(encoding="utf-8"))
    assert sum("\n" in item["paper"]["title"] for item in raw) == 12  # the quirk is real
    papers = read_daily_papers(NEWSLETTER)
    assert len(papers) == 26
    assert all("\n" not in p.title and "  " not in p.title for p in papers)
    assert all("\n" not in p.abstract for p in papers)  # 80-column wraps joined too
    by_id = {p.id: p for p in papers}
    assert by_id["2510.12586"].title == (
        "Advancing End-to-End Pixel Space Generative Modeling via Self-supervised Pre-training"
    )
    flash = next(p for p in papers if p.title.startswith("FlashVSR"))
    assert flash.title == "FlashVSR: Towards Real-Time Diffusion-Based Streaming Video Super-Resolution"
    assert sum(p.code_url is not None for p in papers) == 14
    assert sum(p.organization is not None for p in papers) == 21
    assert sum(p.ai_summary is not None for p in papers) == 7
    assert {p.extra["daily_date"] for p in papers} == {"2025-10-15"}


def test_newsletter_first_paper_fields() -> None:
    p = read_daily_papers(NEWSLETTER)[0]
    assert p.id == "2510.12586"
    assert p.organization == "AMAP-ML"
    assert p.code_url == "https://github.com/AMAP-ML/EPG"
    assert p.github_stars == 48
    assert p.upvotes == 67
    assert p.published == dt.date(2025, 10, 14)
    assert p.authors[:2] == ["Jiachen Lei", "Keli Liu"]
    assert p.abstract.startswith(
        "Pixel-space generative models are often more difficult to train and generally "
        "underperform compared to their latent-space counterparts"
    )
    assert p.keywords == [] and p.ai_summary is None


def test_top_level_fields_schema() -> None:
    # The same real items with the paper's fields at the top level (the flat shape of /api/papers)
    raw = json.loads(SOTAWHAT.read_text(encoding="utf-8"))
    flat = [{**{k: v for k, v in item.items() if k != "paper"}, **item["paper"]} for item in raw]
    papers = parse_daily_papers(json.dumps(flat), source="flat.json")
    nested = read_daily_papers(SOTAWHAT)
    assert len(papers) == 30
    for a, b in zip(papers, nested, strict=True):
        assert (
            a.id,
            a.title,
            a.authors,
            a.code_url,
            a.github_stars,
            a.project_url,
            a.organization,
            a.upvotes,
            a.published,
            a.keywords,
        ) == (
            b.id,
            b.title,
            b.authors,
            b.code_url,
            b.github_stars,
            b.project_url,
            b.organization,
            b.upvotes,
            b.published,
            b.keywords,
        )


def test_broken_item_is_skipped_and_named(tmp_path: Path) -> None:
    raw = json.loads(SOTAWHAT.read_text(encoding="utf-8"))
    broken = copy.deepcopy(raw)
    del broken[5]["paper"]["title"], broken[5]["title"]  # record 6 has no title anywhere
    broken[9] = "not an object"  # record 10
    path = tmp_path / "daily.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.warns(PartialImportWarning) as rec:
        papers = read_daily_papers(path)
    assert len(papers) == 28
    assert raw[5]["paper"]["id"] not in {p.id for p in papers}
    warning = rec[0].message
    assert isinstance(warning, PartialImportWarning)
    assert [p.where for p in warning.problems] == ["record 6", "record 10"]
    assert str(path) in str(warning) and "record 6" in str(warning) and "title" in str(warning)


def test_nothing_usable_raises() -> None:
    with pytest.raises(ParseError, match="record 1"):
        parse_daily_papers('[{"paper": {"title": "no id"}}]', source="x.json")
    with pytest.raises(ParseError, match=r"x\.json, line 1: not valid JSON"):
        parse_daily_papers(b'[{"paper": ', source="x.json")
    with pytest.raises(ParseError, match="expected a JSON list"):
        parse_daily_papers("42", source="x.json")


def test_load_detects_both_hf_files() -> None:
    assert detect_format(SOTAWHAT) == "hf_json"
    assert detect_format(NEWSLETTER) == "hf_json"
    lib = paperlab.load(SOTAWHAT, NEWSLETTER)
    assert len(lib) == 56
    assert lib["2510.12586"].github_stars == 48


# -- live client --------------------------------------------------------------------------------
def _http(**kw: object) -> tuple[HttpClient, list[float]]:
    waits: list[float] = []
    http = HttpClient(retries=3, backoff=0.01, max_backoff=5.0, timeout=2.0, sleep=waits.append, **kw)  # type: ignore[arg-type]
    return http, waits


def _query(fake_server: object, path: str = "/api/daily_papers") -> list[dict[str, list[str]]]:
    return [r[2] for r in fake_server.requests_to(path)]  # type: ignore[attr-defined]


def test_client_daily_week_month_trending_params(fake_server) -> None:
    fake_server.route("/api/daily_papers", NEWSLETTER.read_bytes())
    http, _ = _http()
    client = HfDailyPapersClient(base_url=fake_server.url, http=http)
    papers = client.daily("2025-10-15")
    assert len(papers) == 26 and papers[0].id == "2510.12586"
    assert papers[0].sources[0].location == f"{fake_server.url}/api/daily_papers?date=2025-10-15&limit=100&p=0"
    assert _query(fake_server)[-1] == {"date": ["2025-10-15"], "limit": ["100"], "p": ["0"]}
    client.daily(dt.date(2025, 10, 14))
    assert _query(fake_server)[-1]["date"] == ["2025-10-14"]
    client.week("2025-W42")
    assert _query(fake_server)[-1] == {"week": ["2025-W42"], "limit": ["100"], "p": ["0"]}
    client.month("2025-10")
    assert _query(fake_server)[-1] == {"month": ["2025-10"], "limit": ["100"], "p": ["0"]}
    top = client.trending(limit=10)
    assert _query(fake_server)[-1] == {"sort": ["trending"], "limit": ["10"], "p": ["0"]}
    assert [p.id for p in top] == [p.id for p in papers[:10]]
    assert len(fake_server.requests_to("/api/daily_papers")) == 5  # each list fit in one page
    with pytest.raises(ValueError, match="ISO week"):
        client.week("2025-42")
    with pytest.raises(ValueError, match="YYYY-MM"):
        client.month("2025-13")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        client.daily("15/10/2025")


def test_client_pages_with_p(fake_server) -> None:
    items = json.loads(SOTAWHAT.read_text(encoding="utf-8"))
    fake_server.route("/api/daily_papers", json.dumps(items[:20]), match=lambda q: q.get("p") == ["0"])
    fake_server.route("/api/daily_papers", json.dumps(items[20:]), match=lambda q: q.get("p") == ["1"])
    http, _ = _http()
    client = HfDailyPapersClient(base_url=fake_server.url, http=http, page_size=20)
    papers = client.month("2026-06")
    assert len(papers) == 30
    assert [p.id for p in papers] == [i["paper"]["id"] for i in items]
    assert [q["p"] for q in _query(fake_server)] == [["0"], ["1"]]


def test_client_retries_503_then_succeeds(fake_server) -> None:
    fake_server.route("/api/daily_papers", NEWSLETTER.read_bytes())
    fake_server.fail("/api/daily_papers", Fault("status", 503))
    http, waits = _http()
    papers = HfDailyPapersClient(base_url=fake_server.url, http=http).daily("2025-10-15")
    assert len(papers) == 26
    assert len(fake_server.requests_to("/api/daily_papers")) == 2
    assert waits == [0.01]


def test_client_honours_retry_after_on_429(fake_server) -> None:
    fake_server.route("/api/daily_papers", NEWSLETTER.read_bytes())
    fake_server.fail("/api/daily_papers", Fault("status", 429, headers={"Retry-After": "3"}))
    http, waits = _http()
    papers = HfDailyPapersClient(base_url=fake_server.url, http=http).trending(limit=5)
    assert len(papers) == 5
    assert waits == [3.0]  # Retry-After wins over the 0.01 s backoff


def test_client_retries_truncated_and_invalid_json(fake_server) -> None:
    body = NEWSLETTER.read_bytes()
    fake_server.route("/api/daily_papers", body)
    # a connection cut mid-body, then a complete 200 whose JSON is cut short
    fake_server.fail("/api/daily_papers", Fault("truncate"), Fault("empty", body=body[: len(body) // 2]))
    http, waits = _http()
    papers = HfDailyPapersClient(base_url=fake_server.url, http=http).daily("2025-10-15")
    assert len(papers) == 26
    assert len(fake_server.requests_to("/api/daily_papers")) == 3
    assert len(waits) == 2


def test_client_gives_up_with_fetch_error_naming_url(fake_server) -> None:
    fake_server.route("/api/daily_papers", NEWSLETTER.read_bytes())
    fake_server.fail("/api/daily_papers", *[Fault("status", 503)] * 4)
    http, _ = _http()
    with pytest.raises(FetchError) as info:
        HfDailyPapersClient(base_url=fake_server.url, http=http).daily("2025-10-15")
    url = f"{fake_server.url}/api/daily_papers?date=2025-10-15&limit=100&p=0"
    assert info.value.url == url
    assert url in str(info.value) and "gave up after 4 attempts" in str(info.value)
    assert "HTTP 503" in str(info.value)
