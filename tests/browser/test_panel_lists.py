"""The panel's reading lists themselves (js/src/panellists.ts): the "+" / pencil / bin buttons next to the list
picker create, rename and delete a list through the server, and the export buttons download the list shown.

Papers come from our own arXiv API answer in tests/data/app/testing.atom.xml.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from labtools import Lab, shot, show_panel
from playwright.sync_api import Page, expect
from test_panel import FIRST, SECOND, open_lab, seed

pytestmark = pytest.mark.browser

NEW_NAME = "Seminar <b>week</b> 3"  # markup in a list name is text
RENAMED = "Seminar, week 4"


def _server_lists(lab: Lab) -> dict[str, int]:
    return {entry["name"]: entry["size"] for entry in lab.api("GET", "lists")["lists"]}


def _accept_text(page: Page, value: str) -> None:
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_be_visible()
    box = dialog.locator("input")
    box.fill(value)
    dialog.locator(".jp-mod-accept").click()
    expect(dialog).to_have_count(0)


def test_new_rename_and_delete_a_list_from_the_panel_header(page: Page, lab: Lab, dialogs: list[str]) -> None:
    seed(lab, FIRST, SECOND)
    for name in (NEW_NAME, RENAMED):
        if name in _server_lists(lab):
            lab.api("DELETE", "lists/" + quote(name, safe=""))
    open_lab(page, lab, "lists")
    show_panel(page)
    picker = page.locator(".paperlab-list-select")
    expect(picker).to_have_value("default")

    page.locator(".paperlab-new-list").click()
    _accept_text(page, NEW_NAME)
    expect(picker).to_have_value(NEW_NAME)  # the new, empty list is shown
    expect(picker.locator("option:checked")).to_have_text(f"{NEW_NAME} (0)")
    expect(page.locator(".paperlab-card")).to_have_count(0)
    assert _server_lists(lab)[NEW_NAME] == 0
    expect(page.locator(".paperlab-empty")).to_contain_text(f"No papers in “{NEW_NAME}” yet")
    expect(page.locator(".paperlab-panel b")).to_have_count(0)  # the name's markup stays text
    shot(page, "panel-lists-new")

    page.locator(".paperlab-rename-list").click()
    expect(page.locator(".jp-Dialog input")).to_have_value(NEW_NAME)  # the box starts from the current name
    _accept_text(page, RENAMED)
    expect(picker).to_have_value(RENAMED)
    lists = _server_lists(lab)
    assert RENAMED in lists and NEW_NAME not in lists

    page.locator(".paperlab-delete-list").click()
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text(f"Delete the list “{RENAMED}” and its 0 entries? The papers stay in the store.")
    dialog.locator(".jp-mod-warn").click()
    expect(dialog).to_have_count(0)
    expect(picker.locator(f"option[value='{RENAMED}']")).to_have_count(0)
    assert RENAMED not in _server_lists(lab) and _server_lists(lab)["default"] == 2

    picker.select_option("default")
    expect(page.locator(".paperlab-card")).to_have_count(2)
    with page.expect_download() as info:
        page.locator(".paperlab-export-bibtex").click()
    assert info.value.suggested_filename == "default.bib"
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.lstrip().startswith("@") and "2202.12139" in text and "2405.13786" in text
    assert dialogs == []


def test_a_rename_while_the_list_is_being_reloaded_keeps_the_renamed_list(page: Page, lab: Lab) -> None:
    """The panel reloaded the list (a change from a kernel) while the user renamed it: the reload's request for the
    old name was answered 404 after the rename and the panel took it for "deleted elsewhere", switching to the first
    list (CI, under load). The rename now waits for the reload; here the reload is held until the rename is asked."""
    old, new = "race before rename", "race after rename"
    for name in (old, new):
        if name in _server_lists(lab):
            lab.api("DELETE", "lists/" + quote(name, safe=""))
    seed(lab, FIRST, name=old)
    open_lab(page, lab, "lists-race")
    show_panel(page)
    picker = page.locator(".paperlab-list-select")
    picker.select_option(old)
    expect(page.locator(".paperlab-card")).to_have_count(1)

    held: list = []
    # the panel's reload: the names and this list's entries in one request (GET lists?entries=NAME)
    detail = "**/paperlab/api/lists?entries=" + quote(old, safe="") + "*"
    page.route(detail, lambda route: held.append(route) if not held else route.continue_())  # the first: held
    lab.api("POST", "lists/" + quote(old, safe="") + "/entries", {"paper": SECOND.to_dict()})  # a kernel's change
    for _ in range(300):  # the reload is on its way and waits for the old name's entries
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the panel did not reload the list after the kernel's change"
    page.locator(".paperlab-rename-list").click()
    _accept_text(page, new)
    page.wait_for_timeout(500)
    assert old in _server_lists(lab)  # the rename waits for the reload of the list it renames
    held[0].continue_()
    expect(picker).to_have_value(new)
    expect(page.locator(".paperlab-card")).to_have_count(2)
    lab.api("DELETE", "lists/" + quote(new, safe="") + "/entries/" + quote(FIRST.id, safe=""))  # one more change
    expect(page.locator(".paperlab-card")).to_have_count(1)
    expect(picker).to_have_value(new)  # still the renamed list, not the first list of the store
    page.unroute(detail)
    lab.api("DELETE", "lists/" + quote(new, safe=""))


def test_a_reload_asked_while_a_rename_is_answered_reads_the_new_name(page: Page, lab: Lab) -> None:
    """The other order of the race above (a flake seen at the end of session 10): the server had renamed the list but
    its answer was still on the way when the revision it bumped (or a kernel's change) woke the panel's long poll; the
    reload asked for the old name and got 404 (a console error). Reloads asked during a rename now wait for it: here
    the rename's answer is held until a kernel's change has been made and the panel has had time to react."""
    old, new = "race old answer", "race new answer"
    for name in (old, new):
        if name in _server_lists(lab):
            lab.api("DELETE", "lists/" + quote(name, safe=""))
    seed(lab, FIRST, name=old)
    open_lab(page, lab, "lists-race-answer")
    show_panel(page)
    picker = page.locator(".paperlab-list-select")
    picker.select_option(old)
    expect(page.locator(".paperlab-card")).to_have_count(1)

    held: list = []
    old_url = "**/paperlab/api/lists/" + quote(old, safe="") + "*"
    asked_old: list[str] = []
    page.on(
        "request", lambda r: asked_old.append(r.url) if quote(old, safe="") in r.url and r.method == "GET" else None
    )

    def hold_answer(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.method != "PATCH":
            route.continue_()
            return
        held.append((route, route.fetch()))  # the server renames now; its answer waits

    page.route(old_url, hold_answer)
    asked_old.clear()
    page.locator(".paperlab-rename-list").click()
    _accept_text(page, new)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the rename was not sent"
    assert new in _server_lists(lab)  # the rename's own revision wakes the panel's long poll too
    lab.api("POST", "lists/" + quote(new, safe="") + "/entries", {"paper": SECOND.to_dict()})  # a kernel's change
    page.wait_for_timeout(1500)  # the long poll answers; the reload it starts must wait for the rename
    assert asked_old == [], f"the panel asked for the renamed list's old name: {asked_old}"
    route, answer = held[0]
    route.fulfill(response=answer)
    expect(picker).to_have_value(new)
    expect(page.locator(".paperlab-card")).to_have_count(2)
    assert asked_old == []
    page.unroute(old_url)
    lab.api("DELETE", "lists/" + quote(new, safe=""))


def test_a_first_open_shows_the_users_list_rather_than_making_an_empty_default(page: Page, lab: Lab) -> None:
    """A new user made a list from a notebook (`paperlab.reading_list("thesis").add(...)`) and then opened the panel
    for the first time: it showed an empty "default" list it had just created for the occasion (walkthrough,
    session 11). With no list remembered and no "default" list, the panel now opens the first list there is and
    makes none."""
    had_default = "default" in _server_lists(lab)
    if had_default:
        lab.api("DELETE", "lists/default")
    seed(lab, FIRST, SECOND, name="thesis from a notebook")
    first = lab.api("GET", "lists")["lists"][0]["name"]
    open_lab(page, lab, "lists-first-open")  # a new workspace: no list remembered
    show_panel(page)
    picker = page.locator(".paperlab-list-select")
    expect(picker).to_have_value(first)
    page.wait_for_timeout(500)
    assert "default" not in _server_lists(lab)
    if first == "thesis from a notebook":
        expect(page.locator(".paperlab-card")).to_have_count(2)
    lab.api("DELETE", "lists/" + quote("thesis from a notebook", safe=""))
    if had_default:
        seed(lab, name="default")


def _take_every_list(lab: Lab) -> list[tuple[str, list[dict]]]:
    """Delete every list, saying what each held (for :func:`_restore_lists`)."""
    taken = []
    for summary in lab.api("GET", "lists")["lists"]:
        path = "lists/" + quote(summary["name"], safe="")
        taken.append((summary["name"], lab.api("GET", path)["entries"]))
        lab.api("DELETE", path)
    return taken


def _restore_lists(lab: Lab, taken: list[tuple[str, list[dict]]]) -> None:
    for name, entries in taken:
        path = "lists/" + quote(name, safe="")
        if name in _server_lists(lab):
            lab.api("DELETE", path)
        lab.api("POST", "lists", {"name": name})
        for entry in entries:
            lab.api("POST", f"{path}/entries", {"paper": entry["paper"]})
            change = {"status": entry["status"], "tags": entry["tags"], "note": entry["note"] or ""}
            lab.api("PATCH", f"{path}/entries/" + quote(entry["paper"]["id"], safe=""), change)


def test_opening_the_panel_on_an_empty_store_makes_no_list_until_a_paper_is_added(page: Page, lab: Lab) -> None:
    """Walkthrough, session 12: JupyterLab opened before any list existed left an empty "default" in the store (the
    panel made it to have something to show); the list a notebook made next ("thesis") then came second, and the cards
    and the CLI offered the empty "default". Now the panel shows "default" empty and makes it on the first add; a list
    made meanwhile in a kernel is what the panel moves to."""
    seed(lab, FIRST, name="papers in the store")  # FIRST stays in the store after its list goes
    taken = _take_every_list(lab)
    try:
        open_lab(page, lab, "lists-empty-store")
        show_panel(page)
        picker = page.locator(".paperlab-list-select")
        expect(picker).to_have_value("default")
        expect(picker.locator("option:checked")).to_have_text("default (0)")
        expect(page.locator(".paperlab-empty")).to_contain_text("No papers in “default” yet")
        page.wait_for_timeout(1500)  # a poll or two
        assert _server_lists(lab) == {}, "showing the panel made a list"
        seed(lab, SECOND, name="thesis")  # made in a kernel
        expect(picker).to_have_value("thesis", timeout=30_000)
        expect(page.locator(".paperlab-card")).to_have_count(1)
        assert set(_server_lists(lab)) == {"thesis"}
        lab.api("DELETE", "lists/thesis")
        expect(picker).to_have_value("default", timeout=30_000)
        box = page.locator(".paperlab-add-input")
        box.fill(FIRST.id)
        box.press("Enter")
        expect(page.locator(".paperlab-card")).to_have_count(1, timeout=30_000)
        assert _server_lists(lab) == {"default": 1}  # made by the first add
    finally:
        for name in _server_lists(lab):
            lab.api("DELETE", "lists/" + quote(name, safe=""))
        _restore_lists(lab, taken)
