"""``paperlab feed`` and ``%feed``: on our listing served by the local fake server, then offline from the cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from paths import DATA

from paperlab.cli import main
from paperlab.data import demo_library
from paperlab.feed.profile import InterestProfile
from paperlab.store import open_store

LISTING = DATA / "arxiv_feeds" / "listing_atom.xml"
ARGS = ["feed", "--since", "2026-03-04", "--today", "2026-03-04"]


@pytest.fixture
def profile(tmp_path: Path, fake_server, monkeypatch: pytest.MonkeyPatch) -> Path:
    fake_server.route("/atom/cs.LG", LISTING.read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_LISTING_URL", fake_server.url + "/atom")
    path = tmp_path / "profile.json"
    InterestProfile(categories=["cs.LG"], hf_daily=False, boosts={"protein": 5.0}).save(path)
    saved = [p for p in demo_library() if p.abstract][:3]
    for p in saved:
        open_store().reading_list("default").add(p)
    return path


def test_cli_json_digest_and_offline(profile: Path, capsys: pytest.CaptureFixture[str], fake_server) -> None:
    assert main([*ARGS, "--profile", str(profile), "--format", "json", "--no-remember"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["paper"]["arxiv_id"] for i in data["items"]][0] == "2603.00777"  # the boosted one first
    assert data["items"][0]["why"]["boosts"] == ["protein"]
    n = len(fake_server.requests)
    assert main([*ARGS, "--profile", str(profile), "--format", "json", "--offline", "--no-remember"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == data["items"]
    assert len(fake_server.requests) == n
    assert main([*ARGS, "--profile", str(profile), "--format", "digest", "--offline"]) == 0
    digest = capsys.readouterr().out
    assert "| **Title** |" in digest and "Sparse Adapters for Tiny Language Models" in digest
    # remembered: the next day's run does not repeat them
    assert main(["feed", "--since", "2026-03-04", "--today", "2026-03-05", "--profile", str(profile), "--offline"]) == 0
    assert "0 papers (2 shown before, not repeated)" in capsys.readouterr().out


def test_cli_thumbs_and_profile(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--profile", str(profile), "--down", "2603.00777", "--no-remember"]) == 0
    out = capsys.readouterr().out
    assert out.index("Sparse Adapters") < out.index("Graph Priors") and "[-]" in out
    assert main(["feed", "--profile", str(profile), "--show-profile"]) == 0
    assert json.loads(capsys.readouterr().out)["boosts"] == {"protein": 5.0}
    profile.write_text('{"k": "many"}')
    assert main([*ARGS, "--profile", str(profile)]) == 1
    assert "field 'k': expected an integer" in capsys.readouterr().err


def test_feed_magic(profile: Path) -> None:
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    result = ip.run_line_magic("feed", f"--since 2026-03-04 --today 2026-03-04 --profile {profile}")
    assert [p.arxiv_id for p in result.papers] == ["2603.00777", "2603.01001"]
    assert "Graph Priors for Protein Folding" in result._repr_html_()
