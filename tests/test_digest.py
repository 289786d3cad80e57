"""Keyword digests (paperlab.digests), only against the local fake server replaying recorded answers.

Every test that needs data runs twice, through the ``corpus`` fixture:

``own`` (always): our files in ``tests/data/digest/``, written for these tests.
- arxiv_testing.xml: the answer for keyword "testing": 10 entries, 8 with a cs.* or stat.* category
  (hep-ph/0301050 and 2511.00077 have neither); abstracts of 2405.11454 (4) and hep-ph/0301050 (2)
  contain ``|``, 1812.11470 has three paragraph breaks; newest 2604.03438v2, updated 2026-04-03.
- arxiv_software_testing.xml: 4 of those 10 (all cs.*) for "software testing"; it claims
  totalResults 57, so the client asks for start=4 (served the empty feed).
- tests/data/arxiv/empty.xml: an empty answer (totalResults 0).
- hf_day_2025-10-15.json: 6 Hugging Face daily papers; only 2510.08783 (1 upvote) has "testing" in
  its title/abstract, 3 have "reasoning", 2510.12586 has the most upvotes (67), 3 have 20 or more.

``real`` (``realdata``): the recorded corpus (see ``$PAPERLAB_REALDATA/fixtures/PROVENANCE.md``).
- arxiv_atom/extracted_bodies/q_testing_s0_m100_cfe7536492ca.xml (lukasschwab/arxiv.py @ 1e25a34): 100 entries,
  95 with a cs.* or stat.* category (92 cs); abstracts of 2405.11454 (4) and hep-ph/0301050 (2) contain ``|``;
  newest entry 2604.03438v1 updated 2026-04-03. Served for keyword "testing".
- .../q_testing_s5_m15_bbcf6b23085b.xml: entries 6-20 of the same result set (15 papers, all among the 100).
  Served for keyword "software testing", so those 15 papers carry both keywords.
- .../id_0000.0000_s0_m100_8b51d9633a68.xml: arXiv's real empty answer (totalResults 0, no entries).
- hf_daily_papers/hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json
  (2404589803/hf-daily-paper-newsletter-chinese @ 4b57ca9): 26 papers of 2025-10-15; only 2510.08783
  ("MLLM as a UI Judge ...", 1 upvote) has "testing" in its title/abstract; 12 have "reasoning".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from fakeserver import FakeServer, Fault
from hostile import refused_port
from paths import DATA, FIXTURES

import paperlab
from paperlab import Library
from paperlab.cli import main
from paperlab.digests import DigestConfig, digest, load_config
from paperlab.errors import FetchError, ParseError, PartialImportWarning
from paperlab.sources.arxiv import parse_atom
from paperlab.sources.dailyarxiv import parse_dailyarxiv, read_dailyarxiv

API = "/api/query"
HF = "/api/daily_papers"


@dataclass(frozen=True)
class Corpus:
    """The recorded answers a digest is served, and what we know about them (read off the files)."""

    testing_file: Path  # the answer for keyword "testing"
    software_file: Path  # for "software testing": a subset of the "testing" papers
    empty_file: Path  # arXiv's answer with no entries (totalResults 0)
    hf_file: Path  # Hugging Face daily papers of 2025-10-15
    n_testing: int
    n_software: int
    n_cs_stat: int  # "testing" papers with a cs.* or stat.* category
    small: int  # max_per_keyword for the cut-off test (less than n_testing)
    n_hf: int
    n_hf_reasoning: int  # HF papers with "reasoning" in title or abstract
    n_hf_20_upvotes: int  # HF papers with 20+ upvotes
    hf_top: str = "2510.12586"  # most upvotes
    hf_testing: str = "2510.08783"  # the only HF paper mentioning "testing" (1 upvote)
    newest: dt.date = dt.date(2026, 4, 3)  # newest "testing" paper (updated)
    new_title: str = "Android Instrumentation Testing in Continuous Integration"  # in "testing" only

    def read(self, name: str) -> bytes:
        return getattr(self, name + "_file").read_bytes()

    @cached_property
    def testing(self) -> bytes:
        return self.read("testing")

    @cached_property
    def software(self) -> bytes:
        return self.read("software")

    @cached_property
    def empty(self) -> bytes:
        return self.read("empty")

    @cached_property
    def hf_day(self) -> bytes:
        return self.read("hf")

    @cached_property
    def testing_ids(self) -> list[str]:
        ids = [p.id for p in parse_atom(self.testing).papers]
        assert len(ids) == self.n_testing
        return ids

    @cached_property
    def software_ids(self) -> list[str]:
        ids = [p.id for p in parse_atom(self.software).papers]
        assert len(ids) == self.n_software and set(ids) <= set(self.testing_ids)
        return ids


OWN = Corpus(
    testing_file=DATA / "digest" / "arxiv_testing.xml",
    software_file=DATA / "digest" / "arxiv_software_testing.xml",
    empty_file=DATA / "arxiv" / "empty.xml",
    hf_file=DATA / "digest" / "hf_day_2025-10-15.json",
    n_testing=10,
    n_software=4,
    n_cs_stat=8,
    small=3,
    n_hf=6,
    n_hf_reasoning=3,
    n_hf_20_upvotes=3,
)
_BODIES = FIXTURES / "arxiv_atom" / "extracted_bodies"
REAL = Corpus(
    testing_file=_BODIES / "q_testing_s0_m100_cfe7536492ca.xml",
    software_file=_BODIES / "q_testing_s5_m15_bbcf6b23085b.xml",
    empty_file=_BODIES / "id_0000.0000_s0_m100_8b51d9633a68.xml",
    hf_file=FIXTURES / "hf_daily_papers" / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json",
    n_testing=100,
    n_software=15,
    n_cs_stat=95,
    small=10,
    n_hf=26,
    n_hf_reasoning=12,
    n_hf_20_upvotes=8,
)


@pytest.fixture(params=[OWN, pytest.param(REAL, marks=pytest.mark.realdata)], ids=["own", "real"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return request.param


def query_for(keyword: str):
    want = [f'ti:"{keyword}" OR abs:"{keyword}"']
    return lambda q: q.get("search_query") == want and q.get("start") == ["0"]


def serve(srv: FakeServer, corpus: Corpus, keyword: str, body: bytes, status: int = 200) -> None:
    """Answer the first page of ``keyword``'s query with ``body``; later pages get the empty answer
    (the "software testing" page claims more results than it holds, so the client asks for the next page)."""
    srv.route(API, body, status=status, content_type="application/atom+xml", match=query_for(keyword))
    srv.route(API, corpus.empty, content_type="application/atom+xml", match=lambda q: q.get("start") != ["0"])


@pytest.fixture
def server(fake_server: FakeServer, corpus: Corpus) -> FakeServer:
    serve(fake_server, corpus, "testing", corpus.testing)
    serve(fake_server, corpus, "software testing", corpus.software)
    fake_server.route(HF, corpus.hf_day, match=lambda q: q.get("date") == ["2025-10-15"])
    return fake_server


def config(srv: FakeServer, **kw) -> dict:
    base = {
        "keywords": ["testing", "software testing"],
        "sources": ["arxiv", "hf"],
        "timeout": 2.0,
        "arxiv": {"url": srv.url + API, "delay": 0.0, "backoff": 0.01, "retries": 2},
        "hf": {
            "url": srv.url,
            "since": "2025-10-15",
            "until": "2025-10-15",
            "delay": 0.0,
            "backoff": 0.01,
            "retries": 2,
        },
    }
    for key, value in kw.items():
        if isinstance(value, dict):
            base[key] = {**base.get(key, {}), **value}
        else:
            base[key] = value
    return base


def table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| **[")]


def shown(p) -> dt.date | None:
    return p.updated or p.published


# -- the README --------------------------------------------------------------------------------


def test_readme_reads_back_losslessly(server: FakeServer, corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "README.md"
    result = digest(config(server), out=out, date="2026-04-12")
    assert result.complete and result.last_update == dt.date(2026, 4, 12)
    # the arXiv papers + the one Hugging Face paper mentioning "testing"; the "software testing" ones are a subset
    n_testing, n_software = corpus.n_testing + 1, corpus.n_software
    assert {k: len(v) for k, v in result.sections.items()} == {"testing": n_testing, "software testing": n_software}
    assert len(result.library) == n_testing
    both = [p for p in result.library if p.tags == ["testing", "software testing"]]
    assert sorted(p.id for p in both) == sorted(corpus.software_ids)
    hf_paper = result.library[corpus.hf_testing]
    assert hf_paper.upvotes == 1 and hf_paper.tags == ["testing"]

    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Daily Papers\n") and "\nLast update: 2026-04-12\n" in text
    assert "| **Title** | **Date** | **Abstract** | **Comment** |" in text
    assert len(table_rows(text)) == n_testing + n_software
    back = read_dailyarxiv(out)
    assert len(paperlab.load(out)) == n_testing  # the format is detected like any DailyArXiv README
    parsed = parse_dailyarxiv(text)
    assert parsed.last_update == dt.date(2026, 4, 12)
    assert parsed.sections == result.sections
    assert len(back) == n_testing
    for p in back:
        orig = result.library[p.id]
        assert (p.title, p.arxiv_id, p.version, p.abstract, p.comment, p.tags, p.updated) == (
            orig.title,
            orig.arxiv_id,
            orig.version,
            orig.abstract,
            orig.comment,
            orig.tags,
            shown(orig),
        )
    # newest first, as DailyArXiv (sortBy=lastUpdatedDate)
    dates = [shown(result.library[i]) for i in result.sections["testing"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == corpus.newest


def test_arxiv_query_matches_dailyarxiv(server: FakeServer, corpus: Corpus) -> None:
    digest(config(server, sources=["arxiv"]), date="2026-04-12")
    queries = [q for _, _, q, _ in server.requests_to(API)]
    # the "software testing" page claims more results than it holds, so the client asks for the next page once
    n = corpus.n_software
    assert [(q["search_query"][0], q["start"][0]) for q in queries] == [
        ('ti:"testing" OR abs:"testing"', "0"),
        ('ti:"software testing" OR abs:"software testing"', "0"),
        ('ti:"software testing" OR abs:"software testing"', str(n)),
    ]
    assert all(q["sortBy"] == ["lastUpdatedDate"] and q["sortOrder"] == ["descending"] for q in queries)
    assert [q["max_results"][0] for q in queries] == ["100", "100", str(100 - n)]  # 100 per keyword, as DailyArXiv


def test_latex_pipes_and_newlines_keep_rows_whole(server: FakeServer) -> None:
    result = digest(config(server, sources=["arxiv"]), date="2026-04-12")
    text = result.markdown
    for row in table_rows(text):
        assert row.count("|") == 5, row[:120]  # four cells: every | inside text is escaped
    piped = result.library["2405.11454"]
    assert piped.abstract.count("|") == 4
    back = {p.id: p for p in parse_dailyarxiv(text).papers}
    assert back["2405.11454"].abstract == piped.abstract
    assert back["hep-ph/0301050"].abstract.count("|") == 2
    multi = result.library["1812.11470"]  # three paragraph breaks in the abstract
    assert multi.abstract.count("\n") == 3 and back["1812.11470"].abstract == multi.abstract
    # every title and comment reads back too (our own file has | in a title and in a comment)
    for p in result.library:
        assert (back[p.id].title, back[p.id].comment) == (p.title, p.comment)


def test_category_filter_and_max_per_keyword(server: FakeServer, corpus: Corpus) -> None:
    result = digest(config(server, categories=["cs", "stat"]), date="2026-04-12")
    arxiv_ids = [i for i in result.sections["testing"] if i != corpus.hf_testing]
    assert len(arxiv_ids) == corpus.n_cs_stat  # DailyArXiv's default filter: cs.* or stat.*
    assert all(any(c.split(".")[0] in ("cs", "stat") for c in result.library[i].categories) for i in arxiv_ids)
    small = digest(
        config(server, sources=["arxiv"], max_per_keyword=corpus.small, keywords=["testing"]), date="2026-04-12"
    )
    assert [q["max_results"] for _, _, q, _ in server.requests_to(API)][-1] == [str(corpus.small)]
    assert len(small.sections["testing"]) == corpus.small  # the first ones of the served page, then newest first
    assert sorted(small.sections["testing"]) == sorted(corpus.testing_ids[: corpus.small])


def test_hf_section_by_upvotes(server: FakeServer, corpus: Corpus) -> None:
    result = digest(
        config(server, keywords=["reasoning"], sources=["hf"], hf={"section": "HF Daily"}), date="2025-10-15"
    )
    assert len(result.sections["reasoning"]) == corpus.n_hf_reasoning
    ranked = result.sections["HF Daily"]
    assert len(ranked) == corpus.n_hf and ranked[0] == corpus.hf_top  # 67 upvotes, the most that day
    votes = [result.library[i].upvotes for i in ranked]
    assert votes == sorted(votes, reverse=True)


# -- new since last ------------------------------------------------------------------------------


def test_new_since_last_across_runs(server: FakeServer, corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "README.md"
    cfg = config(server, sources=["arxiv"], keywords=["testing"])
    n_first, n_all = corpus.n_software, corpus.n_testing
    serve(server, corpus, "testing", corpus.software)  # day 1: arXiv answers the smaller page
    first = digest(cfg, out=out, date="2026-04-12")
    assert first.baseline_date is None and len(first.new) == n_first
    assert f"First digest: no earlier digest to compare with; all {n_first} papers are new." in out.read_text()
    state = json.loads((tmp_path / "README.digest.json").read_text())
    assert state["date"] == "2026-04-12" and sorted(state["keywords"]["testing"]) == sorted(corpus.software_ids)

    serve(server, corpus, "testing", corpus.testing)  # day 2: the full page
    second = digest(cfg, out=out, date="2026-04-13")
    assert second.baseline_date == dt.date(2026, 4, 12)
    new_ids = set(corpus.testing_ids) - set(corpus.software_ids)
    assert sorted(second.new) == sorted(new_ids) and len(second.new) == n_all - n_first
    text = out.read_text()
    assert "### New since the last digest (2026-04-12)" in text
    new_block = text.split("### New since the last digest (2026-04-12)")[1].split("## testing")[0]
    assert len([line for line in new_block.splitlines() if line.startswith("- [")]) == n_all - n_first
    assert corpus.new_title in new_block  # 2604.03438, not in the smaller page
    assert second.new_papers.ids == second.new and second.to_dataframe()["new"].sum() == n_all - n_first

    again = digest(cfg, out=out, date="2026-04-13")  # re-running a day compares with the day before
    assert again.new == second.new and out.read_text() == text
    third = digest(cfg, out=out, date="2026-04-14")
    assert third.new == [] and "No new papers." in out.read_text()


# -- reproducible offline re-run -------------------------------------------------------------


def test_offline_rerun_is_byte_identical(fake_server: FakeServer, corpus: Corpus, tmp_path: Path) -> None:
    serve(fake_server, corpus, "testing", corpus.testing)
    serve(fake_server, corpus, "software testing", corpus.software)
    fake_server.route(HF, corpus.hf_day)  # any date: the live run asks for today's list
    cfg = config(fake_server, hf={"since": None, "until": None, "days": 1})
    del cfg["hf"]["since"], cfg["hf"]["until"]
    out, cache = tmp_path / "README.md", tmp_path / "cache"
    live = digest(cfg, out=out, cache_dir=cache)
    today = dt.datetime.now(dt.timezone.utc).date()
    assert live.last_update == today and f"Last update: {today.isoformat()}" in live.markdown
    assert len(list(cache.glob("*.json"))) == 4  # three arXiv pages, one Hugging Face day
    first = out.read_bytes()
    n_requests = len(fake_server.requests)

    offline = digest(cfg, out=out, cache_dir=cache, offline=True)
    assert out.read_bytes() == first and offline.markdown == live.markdown
    assert len(fake_server.requests) == n_requests  # nothing was fetched

    # The date comes from the cached retrieval time, not from today.
    for path in cache.glob("*.json"):
        entry = json.loads(path.read_text())
        entry["retrieved"] = "2026-04-12T09:30:00+00:00"
        path.write_text(json.dumps(entry))
    again = digest(cfg, out=out, cache_dir=cache, offline=True)
    assert again.last_update == dt.date(2026, 4, 12) and "Last update: 2026-04-12" in again.markdown


def test_offline_cache_miss_is_reported(server: FakeServer, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="offline and not in the cache"):
        digest(config(server), cache_dir=tmp_path / "empty-cache", offline=True)


# -- politeness and failures ------------------------------------------------------------------


def test_retries_429_and_503_then_completes(server: FakeServer, corpus: Corpus) -> None:
    server.fail(API, Fault("status", 429, headers={"Retry-After": "0"}), Fault("status", 503))
    result = digest(config(server, sources=["arxiv"]), date="2026-04-12")
    assert result.complete and len(result.sections["testing"]) == corpus.n_testing
    assert len(server.requests_to(API)) == 5  # 429, 503, then the two keywords (the second one has 2 pages)


def test_empty_page_is_retried(server: FakeServer, corpus: Corpus) -> None:
    # an injected 200 with no entries although totalResults says there are some
    hollow = corpus.empty.replace(b">0</opensearch:totalResults>", b">214881</opensearch:totalResults>")
    assert hollow != corpus.empty
    server.fail(API, Fault("empty", body=hollow))
    result = digest(config(server, sources=["arxiv"]), date="2026-04-12")
    assert result.complete and len(result.sections["testing"]) == corpus.n_testing


def test_requests_are_paced(server: FakeServer) -> None:
    digest(config(server, sources=["arxiv"], arxiv={"delay": 0.3}), date="2026-04-12")
    (t1, *_), (t2, *_), _ = server.requests_to(API)
    assert t2 - t1 >= 0.29


def test_failing_keyword_gives_partial_digest_with_report(server: FakeServer, corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "README.md"
    serve(server, corpus, "software testing", b'{"error": "down"}', status=503)
    with pytest.warns(PartialImportWarning, match="software testing"):
        result = digest(config(server), out=out, date="2026-04-12")
    assert not result.complete and result.failed == ["software testing"]
    assert len(server.requests_to(API)) == 1 + 3  # one try + two retries for the failing keyword
    text = out.read_text()
    report = text.split("### Report")[1].split("## testing")[0]
    assert "arXiv, keyword 'software testing': query failed: gave up after 3 attempts, last: HTTP 503" in report
    assert len(result.sections["testing"]) == corpus.n_testing + 1 and result.sections["software testing"] == []
    assert "_Not updated: the arXiv query for this keyword failed" in text
    assert parse_dailyarxiv(text).sections["testing"] == result.sections["testing"]


def test_failing_keyword_keeps_previous_rows(server: FakeServer, corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "README.md"
    digest(config(server, sources=["arxiv"]), out=out, date="2026-04-12")
    serve(server, corpus, "software testing", b"", status=503)
    with pytest.warns(PartialImportWarning):
        result = digest(config(server, sources=["arxiv"]), out=out, date="2026-04-13")
    assert sorted(result.sections["software testing"]) == sorted(corpus.software_ids)
    assert "the rows from the previous digest are kept" in out.read_text()
    assert result.new == []  # nothing is new: the kept rows were in yesterday's digest


def test_empty_arxiv_answer_and_failing_hf_day_are_reported(server: FakeServer, corpus: Corpus) -> None:
    serve(server, corpus, "testing", corpus.empty)
    cfg = config(
        server, keywords=["testing", "software testing"], hf={"since": "2025-10-14", "until": "2025-10-15"}
    )  # 2025-10-14 is not served: HTTP 404
    with pytest.warns(PartialImportWarning):
        result = digest(cfg, date="2026-04-12")
    messages = [str(p) for p in result.problems]
    assert messages[0].startswith("arXiv, keyword 'testing': arXiv returned no papers")
    assert messages[1].startswith("Hugging Face, daily papers of 2025-10-14: failed: HTTP 404")
    assert result.sections["testing"] == [corpus.hf_testing]  # the Hugging Face match still shows
    assert len(result.sections["software testing"]) == corpus.n_software


def test_nothing_answered_writes_nothing(fake_server: FakeServer, tmp_path: Path) -> None:
    out = tmp_path / "README.md"
    with pytest.raises(FetchError, match="no source answered"):
        digest(config(fake_server, sources=["arxiv"]), out=out)
    assert not out.exists() and not (tmp_path / "README.digest.json").exists()


def test_unreachable_sources_are_named_with_their_host_and_no_request_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Second walkthrough: offline, 'nothing written' was followed by every request's URL with its query string;
    now each unreachable service is named once with its host, as the citation fetch says it."""
    port = refused_port()
    base = f"http://127.0.0.1:{port}"
    cfg = {
        "keywords": ["time series", "self-distillation"],
        "sources": ["arxiv", "hf"],
        "timeout": 2.0,
        "arxiv": {"url": base + API, "delay": 0.0, "retries": 0},
        "hf": {"url": base, "since": "2025-10-15", "until": "2025-10-15", "delay": 0.0, "retries": 0},
    }
    out = tmp_path / "README.md"
    with pytest.raises(FetchError) as caught:
        digest(cfg, out=out)
    message = str(caught.value)
    host = f"127.0.0.1:{port}"
    assert message.startswith(f"arXiv ({host}) and Hugging Face ({host}) are unreachable: can't reach 127.0.0.1")
    assert "the connection was refused" in message and message.endswith("Nothing written.")
    assert "search_query" not in message and "&" not in message and API not in message
    assert not out.exists()
    toml = tmp_path / "digest.toml"
    toml.write_text(
        f'keywords = ["time series"]\nsources = ["arxiv"]\n[arxiv]\nurl = "{base + API}"\nretries = 0\ndelay = 0.0\n'
    )
    assert main(["digest", str(toml), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"arXiv ({host}) is unreachable" in err and "search_query" not in err


# -- configuration, CLI, Library ----------------------------------------------------------------


def test_toml_config_and_cli(
    server: FakeServer, corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = tmp_path / "digest.toml"
    toml.write_text(
        f"""
keywords = ["testing", "software testing"]
categories = ["cs", "stat"]
sources = ["arxiv", "hf"]
cache_dir = "cache"

[arxiv]
url = "{server.url}{API}"
delay = 0.0
backoff = 0.01

[hf]
url = "{server.url}"
since = 2025-10-15
until = 2025-10-15
delay = 0.0
""",
        encoding="utf-8",
    )
    cfg = load_config(toml)
    assert cfg.keywords == ["testing", "software testing"] and cfg.max_per_keyword == 100
    assert cfg.hf_since == dt.date(2025, 10, 15) and cfg.cache_dir == tmp_path / "cache"
    out = tmp_path / "site" / "README.md"
    assert main(["digest", str(toml), "--out", str(out), "--date", "2026-04-12"]) == 0
    err = capsys.readouterr().err
    n = corpus.n_cs_stat + 1  # the cs/stat arXiv papers and the Hugging Face match (categories filter arXiv only)
    assert f"digest 2026-04-12: {n} papers in 2 sections, {n} new; complete" in err
    assert (tmp_path / "site" / "README.digest.json").exists() and len(list((tmp_path / "cache").glob("*.json"))) == 4
    assert main(["digest", str(toml), "--out", str(out), "--since", "2026-01-01", "--date", "2026-04-13"]) == 0
    kept = parse_dailyarxiv(out.read_text()).papers
    assert kept and all(p.updated >= dt.date(2026, 1, 1) for p in kept)


@pytest.mark.parametrize(
    "text, message",
    [
        ('keywords = ["x"]\ntitle = = "y"', "line 2"),
        ('keywords = ["x"]\nmax_results = 5', "unknown key 'max_results'"),
        ('keywords = ["x"]\n[hf]\nday = 2', "unknown key 'hf.day'"),
        ('keywords = ["x"]\nsources = ["arxiv", "scholar"]', "'sources': expected some of"),
        ("keywords = []", "expected at least one keyword"),
    ],
)
def test_bad_config_names_the_problem(
    tmp_path: Path, text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = tmp_path / "bad.toml"
    toml.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match=re.escape(message)):
        load_config(toml)
    assert main(["digest", str(toml)]) == 1
    assert str(toml) in capsys.readouterr().err


def test_library_to_dailyarxiv_makes_curated_lists_digests(corpus: Corpus, tmp_path: Path) -> None:
    papers = paperlab.load(corpus.hf_file)
    curated = Library(p for p in papers if p.upvotes >= 20)
    assert len(curated) == corpus.n_hf_20_upvotes
    for p in curated:
        p.tags = ["diffusion"] if "iffusion" in (p.title + (p.abstract or "")) else ["other"]
    path = tmp_path / "curated.md"
    text = curated.to_dailyarxiv(path, last_update="2025-10-15")
    assert path.read_text(encoding="utf-8") == text
    back = parse_dailyarxiv(text)
    assert back.last_update == dt.date(2025, 10, 15) and len(back.papers) == len(curated) == corpus.n_hf_20_upvotes
    assert set(back.sections) == {"diffusion", "other"}
    assert {p.id: p.tags for p in back.papers} == {p.id: p.tags for p in curated}


def test_paperlab_digest_is_the_function(server: FakeServer, corpus: Corpus) -> None:
    import paperlab.digests  # noqa: F401  (importing the module must not shadow the function)

    assert "digest" in paperlab.__all__
    result = paperlab.digest(config(server, sources=["arxiv"], keywords=["software testing"]), date="2026-04-12")
    n = corpus.n_software
    assert len(result.library) == n and callable(paperlab.digest)
    assert repr(result) == f"<Digest 2026-04-12: {n} papers in 1 section, {n} new, complete>"
    assert "DigestConfig(keywords=['testing']" in repr(DigestConfig(keywords=["testing"]))
