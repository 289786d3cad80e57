"""Hugging Face Daily Papers: JSON import and the live client (against tests/fakeserver.py).

Own data (tests/data/hf, written for these tests; facts such as ids, titles and names are real, the texts are ours):
- ``daily_papers_nested.json``: 5 items of the newest ``/api/daily_papers`` schema (``{"paper": {...}, ...}`` with
  top-level copies): a hidden author, ``organization.fullname`` / only ``.name`` / only top-level, an empty
  ``paper.summary`` and ``projectPage`` (the top-level copy wins), an item without ``paper.publishedAt`` nor
  ``submittedOnDailyAt`` (both fall back to the top-level ``publishedAt``) and without ``submittedBy``.
- ``daily_papers_wrapped.json``: 3 items of the older schema with arXiv's 80-column wraps in titles, summaries,
  ``ai_summary`` and an author name; one summary has a paragraph break.
- ``papers_flat.json``: 2 items with the paper fields at the top level (the shape of ``/api/papers``); authors as
  objects and as plain strings, ``organization`` as an object and as a string.

Recorded real API output (``@pytest.mark.realdata``, ``$PAPERLAB_REALDATA/fixtures/hf_daily_papers``, see
PROVENANCE.md there):
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
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import FetchError, ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources._http import HttpClient
from paperlab.sources.hf import HfDailyPapersClient, parse_daily_papers, read_daily_papers

HF = FIXTURES / "hf_daily_papers"
SOTAWHAT = HF / "sotawhat_daily_papers_2026-06_30items.json"
NEWSLETTER = HF / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json"

OWN = DATA / "hf"
NESTED = OWN / "daily_papers_nested.json"
WRAPPED = OWN / "daily_papers_wrapped.json"
FLAT = OWN / "papers_flat.json"


# -- parsing our own files -------------------------------------------------------------------
def test_nested_counts_and_optional_fields() -> None:
    papers = read_daily_papers(NESTED)
    assert [p.id for p in papers] == ["2106.09685", "1706.03762", "2006.11239", "2201.11903", "2302.13971"]
    assert sum(p.code_url is not None for p in papers) == 2
    assert sum(p.github_stars is not None for p in papers) == 2
    assert sum(p.project_url is not None for p in papers) == 1  # the empty "projectPage" is no URL
    assert sum(p.organization is not None for p in papers) == 3
    assert all(p.ai_summary for p in papers)  # newest schema: every item has ai_summary
    assert {s.name for p in papers for s in p.sources} == {"hf"}
    assert papers[4].sources[0].record == "record 5"
    assert papers[4].sources[0].location == str(NESTED)
    # listing date: paper.submittedOnDailyAt, else the top-level publishedAt
    assert [p.extra["daily_date"] for p in papers] == ["2024-05-06"] * 4 + ["2023-02-27"]


def test_nested_first_paper_fields() -> None:
    p = read_daily_papers(NESTED)[0]
    assert p.title == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert p.arxiv_id == "2106.09685"
    assert p.authors == ["Edward J. Hu", "Yelong Shen", "Phillip Wallis"]  # doubled space in a name collapsed
    assert p.organization == "Microsoft Research"  # organization.fullname wins over .name
    # paper.publishedAt (2021-06-17T00:00Z) wins over the top-level 2021-06-16T20:00Z
    assert p.published == dt.date(2021, 6, 17)
    assert p.upvotes == 12
    assert p.url == "https://huggingface.co/papers/2106.09685"
    assert p.pdf_url == "https://arxiv.org/pdf/2106.09685"
    assert (p.code_url, p.github_stars, p.project_url) == ("https://github.com/microsoft/LoRA", 11000, None)
    assert p.abstract == (
        "We freeze the weights of a big pretrained model and learn a pair of small matrices per layer whose product "
        "is added to the frozen weights. Only the small matrices are trained."
    )
    assert p.ai_summary == "Small low-rank updates on frozen weights adapt a large model cheaply."
    assert p.keywords == ["low-rank adaptation", "fine-tuning", "frozen weights"]
    assert p.extra == {"daily_date": "2024-05-06", "num_comments": 3, "submitted_by": "paper-reader"}


def test_own_hidden_author_is_still_an_author() -> None:
    p = next(p for p in read_daily_papers(NESTED) if p.id == "1706.03762")
    assert len(p.authors) == 5 and p.n_authors == 5
    assert p.authors[3] == "Jakob Uszkoreit"  # "hidden": true
    assert p.organization is None and p.keywords == [] and p.upvotes == 0
    assert p.extra["num_comments"] == 0


def test_nested_fallbacks_to_top_level_copies() -> None:
    by_id = {p.id: p for p in read_daily_papers(NESTED)}
    ddpm = by_id["2006.11239"]
    assert ddpm.organization == "UC Berkeley"  # no fullname: organization.name
    assert ddpm.project_url == "https://hojonathanho.github.io/diffusion" and ddpm.github_stars == 4200
    cot = by_id["2201.11903"]
    # paper.summary is "": the top-level summary is used; organization only at the top level
    assert cot.abstract.startswith("Prompts that show a few worked examples, step by step")
    assert cot.organization == "Google"
    assert cot.project_url is None  # "" in paper, absent at the top level
    llama = by_id["2302.13971"]
    # no paper.publishedAt: the top-level one; no submittedBy anywhere: no submitted_by
    assert llama.published == dt.date(2023, 2, 27)
    assert llama.extra == {"daily_date": "2023-02-27", "num_comments": 5}
    assert llama.organization is None


def test_wrapped_titles_are_single_line() -> None:
    raw = json.loads(WRAPPED.read_text(encoding="utf-8"))
    assert sum("\n" in item["paper"]["title"] for item in raw) == 2  # the quirk is in the file
    papers = read_daily_papers(WRAPPED)
    assert len(papers) == 3
    assert all("\n" not in p.title and "  " not in p.title for p in papers)
    assert [p.title for p in papers] == [
        "High-Resolution Image Synthesis with Latent Diffusion Models",
        "Training language models to follow instructions with human feedback",
        "Language Models are Few-Shot Learners",
    ]
    ldm, rlhf, gpt3 = papers
    # 80-column wraps joined; a blank line between paragraphs is kept
    assert ldm.abstract == (
        "Running a diffusion model directly on pixels is slow. We first compress images with an autoencoder and "
        "then train the diffusion model in its small latent space, which cuts the cost a lot while keeping image "
        "quality."
    )
    assert rlhf.abstract == (
        "Bigger models do not by themselves follow what users ask for. We collect human demonstrations and rankings "
        "and fine-tune a model on them.\n\nThe tuned small model is preferred by people over a much larger one."
    )
    assert "\n" not in gpt3.abstract
    assert rlhf.ai_summary == "Fine-tuning on human demonstrations and rankings makes models follow instructions."
    assert gpt3.authors == ["Tom B. Brown", "Benjamin Mann"]  # wrapped name joined
    assert sum(p.code_url is not None for p in papers) == 2
    assert [p.organization for p in papers] == ["CompVis Group", None, "OpenAI"]
    assert sum(p.ai_summary is not None for p in papers) == 1
    assert {p.extra["daily_date"] for p in papers} == {"2025-10-15"}


def test_wrapped_first_paper_fields() -> None:
    p = read_daily_papers(WRAPPED)[0]
    assert p.id == "2112.10752"
    assert p.organization == "CompVis Group"
    assert p.code_url == "https://github.com/CompVis/latent-diffusion"
    assert p.github_stars == 48
    assert p.upvotes == 67
    assert p.published == dt.date(2021, 12, 20)
    assert p.authors == ["Robin Rombach", "Andreas Blattmann", "Dominik Lorenz", "Patrick Esser", "Bj\u00f6rn Ommer"]
    assert p.keywords == [] and p.ai_summary is None
    assert p.extra["submitted_by"] == "newsletter-bot"


def test_flat_schema_file() -> None:
    dpo, llama2 = read_daily_papers(FLAT)
    assert dpo.id == "2305.18290"
    assert dpo.title == "Direct Preference Optimization: Your Language Model is Secretly a Reward Model"
    assert dpo.authors == ["Rafael Rafailov", "Archit Sharma", "Eric Mitchell"]
    assert dpo.abstract == (
        "Preference data can tune a language model with a simple classification loss, without fitting a separate "
        "reward model or running reinforcement learning."
    )
    assert (dpo.published, dpo.upvotes, dpo.github_stars) == (dt.date(2023, 5, 29), 21, 2500)
    assert dpo.organization == "Stanford University"
    assert dpo.keywords == ["preference optimization", "reward model"]
    assert dpo.extra == {"daily_date": "2023-05-29"}
    assert llama2.authors == ["Hugo Touvron", "Louis Martin"]  # plain strings
    assert llama2.organization == "Meta"  # a plain string
    assert llama2.project_url == "https://example.org/llama-2" and llama2.code_url is None


def test_own_top_level_fields_schema() -> None:
    # the same items flattened: paper fields at the top level give the same papers
    raw = json.loads(NESTED.read_text(encoding="utf-8"))
    flat = [{**{k: v for k, v in item.items() if k != "paper"}, **item["paper"]} for item in raw]
    papers = parse_daily_papers(json.dumps(flat), source="flat.json")
    nested = read_daily_papers(NESTED)
    assert len(papers) == 5
    fields = ("id", "title", "authors", "code_url", "github_stars", "project_url", "organization", "upvotes")
    for a, b in zip(papers, nested, strict=True):
        assert [getattr(a, f) for f in (*fields, "published", "keywords")] == [
            getattr(b, f) for f in (*fields, "published", "keywords")
        ]
    assert papers[0].sources[0].location == "flat.json"


def test_own_broken_item_is_skipped_and_named(tmp_path: Path) -> None:
    raw = json.loads(NESTED.read_text(encoding="utf-8"))
    broken = copy.deepcopy(raw)
    del broken[1]["paper"]["title"], broken[1]["title"]  # record 2 has no title anywhere
    broken[3] = "not an object"  # record 4
    path = tmp_path / "daily.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.warns(PartialImportWarning) as rec:
        papers = read_daily_papers(path)
    assert [p.id for p in papers] == ["2106.09685", "2006.11239", "2302.13971"]
    warning = rec[0].message
    assert isinstance(warning, PartialImportWarning)
    assert [p.where for p in warning.problems] == ["record 2", "record 4"]
    assert str(path) in str(warning) and "record 2" in str(warning) and "title" in str(warning)
    assert "expected a JSON object" in str(warning)


def test_single_item_object_is_a_list_of_one() -> None:
    item = json.loads(NESTED.read_text(encoding="utf-8"))[2]
    [p] = parse_daily_papers(item, source="one.json")
    assert p.id == "2006.11239" and p.sources[0].record == "record 1"


def test_own_load_detects_all_hf_files() -> None:
    for path in (NESTED, WRAPPED, FLAT):
        assert detect_format(path) == "hf_json", path
    lib = paperlab.load(NESTED, WRAPPED, FLAT)
    assert len(lib) == 10
    assert lib["2112.10752"].github_stars == 48
    assert lib["2201.11903"].organization == "Google"


# -- parsing the recorded real files ---------------------------------------------------------
@pytest.mark.realdata
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


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_hidden_author_is_still_an_author() -> None:
    # 2606.12575: the 4th author entry has "hidden": true
    p = next(p for p in read_daily_papers(SOTAWHAT) if p.id == "2606.12575")
    assert len(p.authors) == 10 and p.n_authors == 10
    assert p.authors[3] == "Dengyang Jiang"


@pytest.mark.realdata
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


@pytest.mark.realdata
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


@pytest.mark.realdata
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


@pytest.mark.realdata
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


@pytest.mark.realdata
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
    fake_server.route("/api/daily_papers", NESTED.read_bytes())
    http, _ = _http()
    client = HfDailyPapersClient(base_url=fake_server.url, http=http)
    papers = client.daily("2025-10-15")
    assert len(papers) == 5 and papers[0].id == "2106.09685"
    assert papers[0].sources[0].location == f"{fake_server.url}/api/daily_papers?date=2025-10-15&limit=100&p=0"
    assert _query(fake_server)[-1] == {"date": ["2025-10-15"], "limit": ["100"], "p": ["0"]}
    client.daily(dt.date(2025, 10, 14))
    assert _query(fake_server)[-1]["date"] == ["2025-10-14"]
    client.week("2025-W42")
    assert _query(fake_server)[-1] == {"week": ["2025-W42"], "limit": ["100"], "p": ["0"]}
    client.month("2025-10")
    assert _query(fake_server)[-1] == {"month": ["2025-10"], "limit": ["100"], "p": ["0"]}
    top = client.trending(limit=3)
    assert _query(fake_server)[-1] == {"sort": ["trending"], "limit": ["3"], "p": ["0"]}
    assert [p.id for p in top] == [p.id for p in papers[:3]]
    assert len(fake_server.requests_to("/api/daily_papers")) == 5  # each list fit in one page
    with pytest.raises(ValueError, match="ISO week"):
        client.week("2025-42")
    with pytest.raises(ValueError, match="YYYY-MM"):
        client.month("2025-13")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        client.daily("15/10/2025")
    with pytest.raises(ValueError, match="at least 1"):
        client.trending(limit=0)


def test_client_pages_with_p(fake_server) -> None:
    items = json.loads(NESTED.read_text(encoding="utf-8")) + json.loads(WRAPPED.read_text(encoding="utf-8"))
    fake_server.route("/api/daily_papers", json.dumps(items[:5]), match=lambda q: q.get("p") == ["0"])
    fake_server.route("/api/daily_papers", json.dumps(items[5:]), match=lambda q: q.get("p") == ["1"])
    http, _ = _http()
    client = HfDailyPapersClient(base_url=fake_server.url, http=http, page_size=5)
    papers = client.month("2026-06")
    assert len(papers) == 8
    assert [p.id for p in papers] == [i["paper"]["id"] for i in items]
    assert [q["p"] for q in _query(fake_server)] == [["0"], ["1"]]


def test_client_retries_503_then_succeeds(fake_server) -> None:
    fake_server.route("/api/daily_papers", NESTED.read_bytes())
    fake_server.fail("/api/daily_papers", Fault("status", 503))
    http, waits = _http()
    papers = HfDailyPapersClient(base_url=fake_server.url, http=http).daily("2025-10-15")
    assert len(papers) == 5
    assert len(fake_server.requests_to("/api/daily_papers")) == 2
    assert waits == [0.01]


def test_client_honours_retry_after_on_429(fake_server) -> None:
    fake_server.route("/api/daily_papers", NESTED.read_bytes())
    fake_server.fail("/api/daily_papers", Fault("status", 429, headers={"Retry-After": "3"}))
    http, waits = _http()
    papers = HfDailyPapersClient(base_url=fake_server.url, http=http).trending(limit=2)
    assert len(papers) == 2
    assert waits == [3.0]  # Retry-After wins over the 0.01 s backoff


def test_client_retries_truncated_and_invalid_json(fake_server) -> None:
    body = NESTED.read_bytes()
    fake_server.route("/api/daily_papers", body)
    # a connection cut mid-body, then a complete 200 whose JSON is cut short
    fake_server.fail("/api/daily_papers", Fault("truncate"), Fault("empty", body=body[: len(body) // 2]))
    http, waits = _http()
    papers = HfDailyPapersClient(base_url=fake_server.url, http=http).daily("2025-10-15")
    assert len(papers) == 5
    assert len(fake_server.requests_to("/api/daily_papers")) == 3
    assert len(waits) == 2


def test_client_gives_up_with_fetch_error_naming_url(fake_server) -> None:
    fake_server.route("/api/daily_papers", NESTED.read_bytes())
    fake_server.fail("/api/daily_papers", *[Fault("status", 503)] * 4)
    http, _ = _http()
    with pytest.raises(FetchError) as info:
        HfDailyPapersClient(base_url=fake_server.url, http=http).daily("2025-10-15")
    url = f"{fake_server.url}/api/daily_papers?date=2025-10-15&limit=100&p=0"
    assert info.value.url == url
    assert url in str(info.value) and "gave up after 4 attempts" in str(info.value)
    assert "HTTP 503" in str(info.value)
