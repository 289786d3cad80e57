"""The panel reads the lists and the shown list's papers in one request (``GET lists?entries=NAME``): a list deleted
by another client (a kernel, another tab) while the panel reloads is no 404 in the console; the panel shows the
first remaining list instead.

The race is made certain: every GET the panel sends to ``/paperlab/api/lists…`` that names the doomed list first
deletes that list (as another client would, between the panel's requests), then goes on to the server. Papers come
from our own arXiv API answer in tests/data/app/testing.atom.xml.
"""

from __future__ import annotations

import pytest
from labtools import Lab, shot, show_panel
from playwright.sync_api import Page, Route, expect
from test_panel import FIRST, SECOND, open_lab, seed

from paperlab.store import Store

pytestmark = pytest.mark.browser

DOOMED = "doomed list"


def test_a_list_deleted_elsewhere_during_a_reload_is_no_console_error(page: Page, lab: Lab) -> None:
    seed(lab, FIRST, name="default")
    seed(lab, SECOND, name=DOOMED)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    open_lab(page, lab, "doomed")
    show_panel(page)
    picker = page.locator(".paperlab-list-select")
    picker.select_option(DOOMED)
    expect(page.locator(f".paperlab-card[data-paper-id='{SECOND.id}']")).to_be_visible()
    page.wait_for_timeout(800)  # the panel waits on its long-poll

    reads: list[str] = []
    deleted: list[bool] = []

    def delete_first(route: Route) -> None:
        url = route.request.url
        if route.request.method == "GET":
            reads.append(url.split("/paperlab/api/", 1)[1])
            if ("doomed" in url) and not deleted:
                lab.api("DELETE", "lists/doomed%20list")  # another client, just before the panel's read arrives
                deleted.append(True)
        route.continue_()

    page.route("**/paperlab/api/lists**", delete_first)
    with Store(lab.paperlab_home / "paperlab.sqlite3") as store:  # a kernel changes the list: the panel reloads
        store.reading_list(DOOMED).set_status(SECOND.id, "reading")
    # the store's first remaining list ("default" alone; in the full suite earlier tests' lists come first)
    first = next(e["name"] for e in lab.api("GET", "lists")["lists"])
    expect(picker).to_have_value(first, timeout=10_000)
    if first == "default":
        expect(page.locator(f".paperlab-card[data-paper-id='{FIRST.id}']")).to_be_visible()
    page.wait_for_timeout(800)
    shot(page, "panel-list-deleted-during-reload")
    page.unroute("**/paperlab/api/lists**")
    assert deleted, f"the panel never asked for the list it shows: {reads}"
    assert [r for r in reads if r.startswith("lists/")] == [], f"a second request per load: {reads}"
    assert [e for e in errors if "404" in e or "not_found" in e.lower() or "Not Found" in e] == [], errors
