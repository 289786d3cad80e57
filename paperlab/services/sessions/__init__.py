"""Reading-group sessions: who presented which paper, their takeaways, results and questions.

:meth:`Session.from_file` imports a thematic-session slide transcript (plain text, as copied from slides): a session
header, then per presentation the presenter's name on its own line, the paper's header (venue line, title, author
and affiliation lines), the slides, results tables as tab-separated text, a "Takeaways" slide and discussion
questions. The layout is recovered by rules (no models); tables are parsed by :func:`paperlab.compare.find_tables`
into tidy frames.

What cannot be recovered (a presentation without a title slide, a table block without numbers, a table row whose
cells were lost) is listed in :attr:`Session.problems`, each with its line; lost data is also reported with a
:class:`~paperlab.errors.PartialImportWarning`.

Modules: :mod:`.names` (presenters and authors), :mod:`.layout` (presenter lines, paper headers, takeaways and
questions), :mod:`.results` (slide tables and which of their problems lost data), :mod:`.entry`
(:class:`SessionEntry`), :mod:`.reading` (a transcript into entries), :mod:`.model` (:class:`Session`),
:mod:`.fields` (labelled lines and headings of markdown notes: "Presenter: ...", "## Ada Lovelace — LoRA"),
:mod:`.deck` (markdown slide decks: front matter, "---" slide separators, a title slide naming the paper),
:mod:`.notes` (notes without presenter lines: the papers they name by title, else those the generic finder reads in
them, their takeaways), :mod:`.titled` (where notes name their papers by title: a title heading or field, "Paper 1:"
blocks, a heading per paper with author / arXiv fields, "Notes: <title>") and
:mod:`.schedule` (:class:`Schedule`: a reading group's meetings and papers, read from a CSV, YAML or markdown
table by :mod:`paperlab.sources.schedule`).

Besides slide transcripts, notes with "Presenter:" lines, presenter headings, "Paper:"/"Authors:"/"Venue:" lines,
results as TSV, markdown pipes or space-aligned columns, and "Takeaways"/"Discussion" sections are read. A
presentation that names no paper is reported and skipped (never fatal).
"""

from __future__ import annotations

from .entry import SessionEntry
from .model import Session, read_session
from .schedule import Meeting, Schedule

__all__ = ["Meeting", "Schedule", "Session", "SessionEntry", "read_session"]
