"""Cards of a search say how it searched (session 21: ``demo.search(q, mode="semantic").cards()`` showed "Ranked by
the kernel: “q” (hybrid)", the mode box on "hybrid" and "(hybrid), best first" under the cards, and a new query
typed into the box searched the hybrid way). The cards now take the search's own mode; one passed explicitly wins.

Data: made-up papers written here.
"""

from __future__ import annotations

from paperlab import Library, Paper
from paperlab.widget import PaperCards

LIB = Library(
    [
        Paper("Tidal forecasting with graph networks", arxiv_id="2401.00011", abstract="Tides and graphs."),
        Paper("Buoy arrays as ocean sensors", arxiv_id="2401.00012", abstract="Buoys measure waves."),
        Paper("Wave height nowcasting", arxiv_id="2401.00013", abstract="Waves now, from buoys."),
    ]
)


def test_cards_of_a_lexical_search_say_lexical() -> None:
    hits = LIB.search("buoys waves", k=3, mode="lexical")
    cards = PaperCards(hits, reading_list="ux11-mode")
    assert cards.search_mode == "lexical"  # the chip, the mode box and the line under the cards read it
    assert hits.cards(reading_list="ux11-mode").search_mode == "lexical"


def test_a_mode_passed_to_the_cards_wins_and_plain_cards_stay_hybrid() -> None:
    hits = LIB.search("buoys", k=3, mode="lexical")
    assert PaperCards(hits, search_mode="semantic", reading_list="ux11-mode").search_mode == "semantic"
    assert PaperCards(LIB, search_mode="lexical", reading_list="ux11-mode").search_mode == "lexical"
    assert PaperCards(LIB, reading_list="ux11-mode", activate=False).search_mode == "hybrid"


def test_the_list_box_offers_a_list_made_after_the_cards_were_shown() -> None:
    """Session 21: a list made in the side panel ("+", 'vlm-reading') after ``hits.cards()`` was drawn was not in
    the cards' "List:" box, so their "Reading list" buttons could not add to it without running the cell again.
    The box asks the kernel for the store's lists before it is used (its ``lists`` command)."""
    import paperlab

    paperlab.reading_list("ux11-first").add(LIB[0])
    cards = PaperCards(LIB, reading_list="ux11-first", activate=False)
    assert "ux11-made-later" not in cards.reading_lists
    paperlab.open_store().create_list("ux11-made-later")  # what the panel's "+" does through the server
    reply = cards.handle_message({"type": "lists"})
    assert reply["ok"] and "ux11-made-later" in reply["lists"]
    assert "ux11-made-later" in cards.reading_lists  # the trait the box shows
    answer, _ = cards._cmd_lists({}, [])
    assert answer["ok"] and answer["list"] == "ux11-first"
