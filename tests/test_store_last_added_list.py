"""The list cards add to when the user named none: the list a paper was added to last, read by one query on both
engines (not by loading every entry of every list with its paper)."""

from __future__ import annotations

from paperlab import Paper
from paperlab.store import Store
from paperlab.widget import users_list

ADAM = Paper("Adam: A Method for Stochastic Optimization", arxiv_id="1412.6980")
BERT = Paper("BERT: Pre-training of Deep Bidirectional Transformers", arxiv_id="1810.04805")
GAN = Paper("Generative Adversarial Networks", arxiv_id="1406.2661")


def test_the_list_added_to_last_wins_even_for_a_paper_an_older_list_holds(store_location) -> None:
    store = Store(store_location)
    assert store.last_added_list() is None and users_list(store) == "default"  # no list: the first add makes one
    store.create_list("empty first")
    assert store.last_added_list() is None and users_list(store) == "empty first"  # a list, but nothing added yet
    store.reading_list("thesis").add(ADAM)
    store.reading_list("reading group").add(BERT)
    assert store.last_added_list() == "reading group" and users_list(store) == "reading group"
    store.reading_list("thesis").add(GAN)
    assert users_list(store) == "thesis"
    # the same paper saved again to the older-made list: that list is where the user saved last
    store.reading_list("reading group").add(GAN)
    assert users_list(store) == "reading group"
    assert users_list(store, preferred=["nope", "thesis"]) == "thesis"  # a named list the store has comes first


def test_removing_the_last_added_entry_falls_back_to_the_one_before(store_location) -> None:
    store = Store(store_location)
    store.reading_list("thesis").add(ADAM)
    store.reading_list("reading group").add(BERT)
    store.reading_list("reading group").remove(BERT.id)
    assert users_list(store) == "thesis"
    store.delete_list("thesis")
    assert users_list(store) == "reading group"  # no entry left anywhere: the store's first list
