"""A reading list exported as Markdown shows each entry's status under that paper's own title (R5's finding 6:
the status line stood above the '### Title', so it read as part of the previous paper)."""

from __future__ import annotations

from pathlib import Path

from paperlab.paper import Paper
from paperlab.store import Store


def _blocks(text: str) -> list[list[str]]:
    """The export cut at each '### ' heading: every block's lines, the heading first."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("### "):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    return blocks


def test_status_tags_and_note_sit_under_their_papers_title(tmp_path: Path) -> None:
    store = Store(tmp_path / "lib.db")
    first = Paper(title="Sparse Mixtures of Tiny Experts", authors=["Grace Hopper"], arxiv_id="2101.00001")
    second = Paper(title="Routing Without Tears", authors=["Ada Lovelace"], published="2020-01-01")
    store.upsert_papers([first, second])
    rl = store.reading_list("club")
    rl.add(first.id)
    rl.add(second.id, tags=["week-3"])
    rl.set_status(second.id, "reading")
    rl.set_note(second.id, "present eq. 7")
    text = rl.to_markdown()
    assert text.startswith("# Reading list: club\n")
    blocks = {b[0]: b for b in _blocks(text)}
    assert set(blocks) == {
        "### [Sparse Mixtures of Tiny Experts](https://arxiv.org/abs/2101.00001)",
        "### Routing Without Tears",
    }, text
    tiny = blocks["### [Sparse Mixtures of Tiny Experts](https://arxiv.org/abs/2101.00001)"]
    routing = blocks["### Routing Without Tears"]
    assert tiny[1] == "[ ] **to-read**"
    assert routing[1] == "[~] **reading** · `week-3` · Note: present eq. 7"
    # the status is its own paragraph: a blank line parts it from the byline, and no block ends with a status
    assert tiny[2] == "" and routing[2] == "" and tiny[3].startswith("*Grace Hopper")
    for block in blocks.values():
        tail = [ln for ln in block if ln.strip()][-1]
        assert "**to-read**" not in tail and "**reading**" not in tail
    # each card still reads back as its paper
    assert sorted(Paper.from_markdown("\n".join(b)).title for b in _blocks(text)) == sorted([first.title, second.title])
