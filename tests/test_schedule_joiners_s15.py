"""Presenter cells joined by "e"/"und"/"et" name two people only when a full name stands on each side: a Portuguese
compound surname, a laboratory's name and "Name und Team" are one presenter (session 15's review found them split)."""

from __future__ import annotations

import pytest

from paperlab.sources._schedule_cells import presenters


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Ana Lima e Rui Sá", ["Ana Lima", "Rui Sá"]),
        ("Anna Schmidt und Jonas Weber", ["Anna Schmidt", "Jonas Weber"]),
        ("Jean Dupont et Élise Durand", ["Jean Dupont", "Élise Durand"]),
        ("Maria da Silva e Souza", ["Maria da Silva e Souza"]),
        ("Laboratório de Redes e Sistemas", ["Laboratório de Redes e Sistemas"]),
        ("Hans Müller und Team", ["Hans Müller und Team"]),
    ],
)
def test_a_joiner_splits_two_full_names_only(cell: str, names: list[str]) -> None:
    assert presenters(cell) == names
