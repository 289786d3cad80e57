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
