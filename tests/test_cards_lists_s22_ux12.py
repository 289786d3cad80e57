"""The cards' "List:" box asks the kernel for the store's reading lists each time the pointer comes over it or it
takes the focus (session 21, so that a list made in the side panel is offered). UX11 left it reading every list of
the store on every hover: a pointer moving over the box of a notebook with many cards read the store again and
again. The kernel now reads the lists again only when the store changed since it last read them.

Data: made-up papers written here; the store is the test's own (PAPERLAB_HOME of conftest).
"""

from __future__ import annotations

import paperlab
from paperlab import Library, Paper
from paperlab.widget import PaperCards

LIB = Library(
    [
        Paper("Kelp forest mapping from drones", arxiv_id="2402.00021", abstract="Kelp seen from above."),
        Paper("Counting seals in aerial photos", arxiv_id="2402.00022", abstract="Seals, counted."),
    ]
)


def test_hovering_the_list_box_reads_the_store_again_only_after_a_change() -> None:
    paperlab.reading_list("ux12-kelp").add(LIB[0])
    cards = PaperCards(LIB, reading_list="ux12-kelp", activate=False)
    store = cards._store()
    reads = []
    real_lists = store.lists

    def counted_lists():  # the store's own answer, counted
        reads.append(1)
        return real_lists()

    store.lists = counted_lists
    try:
        for _ in range(20):  # the pointer comes over the box twenty times, nothing changes
            reply = cards.handle_message({"type": "lists"})
            assert reply["ok"] and "ux12-kelp" in reply["lists"] and reply["list"] == "ux12-kelp"
        assert len(reads) == 0
        paperlab.open_store().create_list("ux12-seals")  # made elsewhere (the side panel, another notebook)
        reply = cards.handle_message({"type": "lists"})
        assert "ux12-seals" in reply["lists"] and "ux12-seals" in cards.reading_lists
        assert len(reads) == 1
        paperlab.reading_list("ux12-kelp").add(LIB[1])  # a paper added elsewhere: the cards show it listed
        cards.handle_message({"type": "lists"})
        assert set(cards.listed_ids) == {LIB[0].id, LIB[1].id}
    finally:
        del store.lists
