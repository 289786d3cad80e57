"""The result of a digest run: :class:`Digest`."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ImportProblem
from ..library import Library
from ..text import plural
from .config import DigestConfig, state_path_for

__all__ = ["Digest"]


@dataclass
class Digest:
    """A fetched digest: its papers, sections, what is new, what failed, and its README.

    Attributes
    ----------
    config : DigestConfig
    last_update : datetime.date
        The ``Last update`` date (explicit, else the latest retrieval time of the responses used).
    library : Library
        Every paper once, tagged with each keyword it was found under; Hugging Face upvotes
        merged into the arXiv records.
    sections : dict of str to list of str
        Section heading -> paper ids, newest first.
    new : list of str
        Ids not listed in the previous digest (every id on a first digest).
    baseline_date : datetime.date or None
        Date of the digest compared with; None on a first digest.
    problems : list of ImportProblem
        What failed (a keyword whose query failed, a Hugging Face day that could not be fetched,
        records that were skipped). Empty for a complete digest.
    failed : list of str
        Sections whose arXiv query failed (their rows come from the previous README when there is one).
    markdown : str
        The README text.
    """

    config: DigestConfig
    last_update: dt.date
    library: Library
    sections: dict[str, list[str]]
    new: list[str] = field(default_factory=list)
    baseline_date: dt.date | None = None
    problems: list[ImportProblem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    markdown: str = ""
    state: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        status = "complete" if self.complete else f"partial, {len(self.problems)} problem(s)"
        return (
            f"<Digest {self.last_update.isoformat()}: {plural(len(self.library), 'paper')} in "
            f"{plural(len(self.sections), 'section')}, {len(self.new)} new, {status}>"
        )

    @property
    def complete(self) -> bool:
        """True when every source answered for every keyword."""
        return not self.problems

    @property
    def new_papers(self) -> Library:
        """The papers new since the previous digest."""
        return Library((self.library[i] for i in self.new), name=f"new since {self.baseline_date or 'first digest'}")

    def section(self, name: str) -> Library:
        """The papers of one section, in README order."""
        return Library((self.library[i] for i in self.sections[name]), name=name)

    def to_markdown(self) -> str:
        """The README (same as :attr:`markdown`)."""
        return self.markdown

    def to_dataframe(self) -> Any:
        """:meth:`Library.to_dataframe` plus a boolean ``new`` column."""
        df = self.library.to_dataframe()
        df["new"] = df.index.isin(set(self.new))
        return df

    def write(self, path: str | Path, state: str | Path | None = None) -> Path:
        """Write the README to ``path`` and the "new since last" state next to it (or to ``state``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(self.markdown)
        state_path = Path(state) if state is not None else state_path_for(path)
        with open(state_path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(self.state, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        return path

    def _repr_html_(self) -> str:
        e = html.escape
        head = (
            f"<div><b>Digest</b> · last update {self.last_update.isoformat()} · "
            f"{plural(len(self.library), 'paper')} · {len(self.new)} new</div>"
        )
        report = ""
        if self.problems:
            items = "".join(f"<li>{e(str(p))}</li>" for p in self.problems)
            report = f"<div><b>Report</b> (partial digest)<ul>{items}</ul></div>"
        return head + report + self.library._repr_html_()
