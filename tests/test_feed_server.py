"""The panel's "For you" REST endpoints through a real jupyter_server (unauthenticated access disallowed), on our
arXiv listing served by the local fake server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from paths import DATA

from paperlab.data import demo_library
from paperlab.feed.profile import InterestProfile
from paperlab.server.handlers import STORE_SETTING

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")


@pytest.fixture
def jp_server_config(
    jp_server_config: dict[str, Any], paperlab_home: Path, fake_server, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    fake_server.route(
        "/atom/cs.LG", (DATA / "arxiv_feeds" / "listing_atom.xml").read_bytes(), content_type="application/atom+xml"
    )
    monkeypatch.setenv("PAPERLAB_ARXIV_LISTING_URL", fake_server.url + "/atom")
    monkeypatch.delenv("PAPERLAB_STORE", raising=False)
    InterestProfile(categories=["cs.LG"], hf_daily=False).save(paperlab_home / "feed-profile.json")
    return jp_server_config


@pytest.fixture
def api(jp_serverapp: Any, http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]):
    store = jp_serverapp.web_app.settings[STORE_SETTING]
    for p in [p for p in demo_library() if p.abstract][:3]:
        store.reading_list("default").add(p)

    async def call(method: str, path: str, body: Any = None) -> tuple[int, Any]:
        kw: dict[str, Any] = {"method": method, "raise_error": False, "headers": dict(jp_auth_header)}
        kw["request_timeout"] = 300  # the first feed loads the sentence encoder
        if method == "POST":
            kw["body"] = json.dumps(body)
        resp = await http_server_client.fetch(f"{jp_base_url}paperlab/api/{path}", **kw)
        return resp.code, json.loads(resp.body.decode())

    return call


async def test_for_you_feed_and_thumbs(api) -> None:
    code, data = await api("GET", "feed?since=2026-03-04")
    assert code == 200, data
    ids = [i["paper"]["arxiv_id"] for i in data["items"]]
    assert sorted(ids) == ["2603.00777", "2603.01001"]  # new and cross-listed; the replacements left out
    assert all(i["why_text"] and i["thumb"] == 0 for i in data["items"])
    top = data["items"][0]["paper"]["id"]
    code, after = await api("POST", "feed/thumbs", {"paper_id": top, "thumb": -1})
    assert code == 200
    assert after["items"][-1]["paper"]["id"] == top and after["items"][-1]["thumb"] == -1
    code, again = await api("GET", "feed")  # the day's feed is kept: the thumb shows
    assert [i["paper"]["id"] for i in again["items"]] == [i["paper"]["id"] for i in after["items"]]
    code, err = await api("POST", "feed/thumbs", {"paper_id": top, "thumb": 5})
    assert code == 400 and err["code"] == "invalid" and "thumb" in err["message"]
    code, err = await api("POST", "feed/thumbs", {"paper_id": "no-such-id", "thumb": 1})
    assert code == 404 and err["code"] == "not_found"


async def test_an_edited_interest_profile_rebuilds_the_days_feed(api, paperlab_home: Path) -> None:
    code, data = await api("GET", "feed?since=2026-03-04")
    assert code == 200 and len(data["items"]) == 2
    muted = data["items"][0]["paper"]
    # the user mutes the first paper's first title word in the profile file while the server runs
    word = muted["title"].split()[0]
    InterestProfile(categories=["cs.LG"], hf_daily=False, mutes=[word]).save(paperlab_home / "feed-profile.json")
    code, again = await api("GET", "feed?since=2026-03-04")
    assert code == 200
    assert muted["id"] not in [i["paper"]["id"] for i in again["items"]]
