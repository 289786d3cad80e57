"""The panel's "For you" when arXiv and Hugging Face cannot be reached (walkthrough 9, #13): the server ranks the
papers of the user's own store against the reading lists instead of answering "0 new papers", says so
(``from_library``) and still names the unreachable sources. Through a real jupyter_server; the services are closed
ports on 127.0.0.1 (tests/hostile.py); papers: the bundled demo corpus (ours)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hostile import refused_port
from paths import DATA

from paperlab.data import demo_library
from paperlab.feed.profile import InterestProfile
from paperlab.server.handlers import STORE_SETTING

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")


@pytest.fixture
def jp_server_config(
    jp_server_config: dict[str, Any], paperlab_home: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    monkeypatch.setenv("PAPERLAB_ARXIV_LISTING_URL", f"http://127.0.0.1:{refused_port()}/atom")
    monkeypatch.setenv("PAPERLAB_HF_URL", f"http://127.0.0.1:{refused_port()}")
    monkeypatch.delenv("PAPERLAB_STORE", raising=False)
    InterestProfile(categories=["cs.LG"], hf_daily=True).save(paperlab_home / "feed-profile.json")
    return jp_server_config


async def test_offline_for_you_ranks_the_users_own_papers(
    jp_serverapp: Any, http_server_client: Any, jp_base_url: str, jp_auth_header: dict[str, str]
) -> None:
    store = jp_serverapp.web_app.settings[STORE_SETTING]
    papers = [p for p in demo_library() if p.abstract][:12]
    saved, own = papers[:3], papers[3:]
    for p in saved:
        store.reading_list("default").add(p)
    store.upsert_papers(own)

    async def get(path: str) -> Any:
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}", headers=dict(jp_auth_header), request_timeout=300
        )
        return json.loads(resp.body.decode())

    data = await get("feed")
    assert data["from_library"] is True
    ids = [i["paper"]["id"] for i in data["items"]]
    assert ids and set(ids) <= {p.id for p in own}  # the store's papers, not those already on the list
    assert not {p.id for p in saved} & set(ids)
    assert all(i["why_text"] for i in data["items"])
    assert len(data["failed"]) == 2 and all("127.0.0.1" in m for m in data["failed"])  # still said
    # a thumb re-ranks the same offline list
    top = ids[0]
    resp = await http_server_client.fetch(
        f"{jp_base_url}paperlab/api/feed/thumbs",
        method="POST",
        body=json.dumps({"paper_id": top, "thumb": -1}),
        headers=dict(jp_auth_header),
        request_timeout=300,
    )
    after = json.loads(resp.body.decode())
    assert after["from_library"] is True and after["items"][-1]["paper"]["id"] == top
    # not remembered as shown: the real feed can still show them once the network is back
    again = await get("feed?refresh=1")
    assert [i["paper"]["id"] for i in again["items"]][0] != top and set(ids) == {
        i["paper"]["id"] for i in again["items"]
    }


async def test_the_offline_fallback_gives_way_to_the_real_feed_once_the_network_is_back(
    jp_serverapp: Any,
    http_server_client: Any,
    jp_base_url: str,
    jp_auth_header: dict[str, str],
    paperlab_home: Path,
    fake_server: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review R #2: the fallback was kept for the day, so the panel said "N papers from your library (offline)"
    until midnight after the network came back. Now the next request asks arXiv again (same profile, same day)."""
    InterestProfile(categories=["cs.LG"], hf_daily=False).save(paperlab_home / "feed-profile.json")
    jp_serverapp.web_app.settings[STORE_SETTING].upsert_papers([p for p in demo_library() if p.abstract][:5])

    async def get(path: str) -> Any:
        resp = await http_server_client.fetch(
            f"{jp_base_url}paperlab/api/{path}", headers=dict(jp_auth_header), request_timeout=300
        )
        return json.loads(resp.body.decode())

    offline = await get("feed?since=2026-03-04")
    assert offline["from_library"] is True and offline["items"] and len(offline["failed"]) == 1
    # the network is back: our recorded arXiv listing served on 127.0.0.1
    fake_server.route(
        "/atom/cs.LG", (DATA / "arxiv_feeds" / "listing_atom.xml").read_bytes(), content_type="application/atom+xml"
    )
    monkeypatch.setenv("PAPERLAB_ARXIV_LISTING_URL", fake_server.url + "/atom")
    online = await get("feed?since=2026-03-04")
    assert online["from_library"] is False and online["failed"] == []
    assert sorted(i["paper"]["arxiv_id"] for i in online["items"]) == ["2603.00777", "2603.01001"]
    # and the real feed is kept for the day: a thumb and a later request do not ask arXiv again
    asked = len(fake_server.requests)
    again = await get("feed?since=2026-03-04")
    assert [i["paper"]["id"] for i in again["items"]] == [i["paper"]["id"] for i in online["items"]]
    assert len(fake_server.requests) == asked
