"""Reading-group sessions: who presented which paper, their takeaways, results and questions.

:meth:`Session.from_file` imports a thematic-session slide transcript (plain text, as
copied from slides): a session header, then per presentation the presenter's name on
its own line, the paper's header (venue line, title, author and affiliation lines),
the slides, results tables as tab-separated text, a "Takeaways" slide and discussion
questions. The layout is recovered by rules (no models):

* a presenter line is a person's name alone on a line (2-4 capitalised words, name
  particles allowed) whose words never occur in lower case elsewhere in the
  transcript (so slide headings such as "Task Introduction" are not names), outside a
  paper header;
* the paper header is a venue line ("Published as a conference paper at ICLR 2025"),
  a title (continued on the next line when it ends with ":") and the author lines
  that follow it (names, markers, e-mails, affiliations, an organisation);
* tables are parsed by :func:`paperlab.compare.find_tables` into tidy frames.

What cannot be recovered (a presentation without a title slide, a table block without
numbers, a table row whose cells were lost) is listed in :attr:`Session.problems`, each
with its line; lost data is also reported with a
:class:`~paperlab.errors.PartialImportWarning`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ImportProblem, ParseError, PartialImportWarning
from ..library import Library
from ..paper import Paper, SourceRecord

if TYPE_CHECKING:
    import pandas as pd

    from ..comparison import ResultsTable

__all__ = ["Session", "SessionEntry", "read_session"]

_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "ter", "bin", "al", "y"}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z][a-zà-öø-ÿ]+)?$")
_HEADINGS = {
    "intro",
    "introduction",
    "motivation",
    "background",
    "overview",
    "outline",
    "method",
    "methods",
    "approach",
    "results",
    "experiments",
    "takeaways",
    "take-aways",
    "conclusion",
    "conclusions",
    "discussion",
    "summary",
    "agenda",
    "problem",
    "contributions",
    "setup",
    "puzzles",
    "findings",
}
_AFFILIATION = re.compile(
    r"^(?:University|Universit\w*|Institute|Institut\w*|College|Center|Centre|Laborator\w*|Labs?|Research|"
    r"School|Inc\.?|Ltd\.?|Department|Dept\.?|Academy|Faculty|Hospital|Corporation|Corp\.?|Technology|AI)$"
)
_VENUE_LINE = re.compile(
    r"^(?:Published|Accepted|To appear|Appearing|In Proceedings|Proceedings of|Under review)\b", re.I
)
_TAKEAWAYS = re.compile(r"^(?:key\s+)?take[- ]?aways?\s*:?$|^conclusions?\s*:?$|^lessons learned\s*:?$", re.I)
_QUESTION_LABEL = re.compile(r"^(?:thinking|discussion|questions?|q|food for thought)\s*:\s*", re.I)
_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "via",
    "for",
    "and",
    "or",
    "in",
    "on",
    "to",
    "with",
    "by",
    "at",
    "from",
    "vs",
    "vs.",
    "as",
    "into",
    "towards",
    "toward",
}


@dataclass
class SessionEntry:
    """One presentation of a session.

    Attributes
    ----------
    presenter : str
    paper : Paper
        The paper presented (title, authors, venue where the slides give them).
    takeaways : list of str
    results : list of pandas.DataFrame
        Tidy results of each table in the presentation (see
        :func:`paperlab.compare.parse_table`), in slide order.
    questions : list of str
        Discussion questions.
    tables : list of ResultsTable
        The parsed tables themselves (wide form, caption, repair notes).
    line : int
        Line of the presenter's name in the transcript.
    problems : list of ImportProblem
        What could not be recovered in this presentation.
    """

    presenter: str
    paper: Paper
    takeaways: list[str] = field(default_factory=list)
    results: list[pd.DataFrame] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    tables: list[ResultsTable] = field(default_factory=list)
    line: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"SessionEntry({self.presenter!r}, {self.paper.title[:50]!r}, {len(self.takeaways)} takeaways, "
            f"{len(self.results)} tables)"
        )


class Session:
    """A reading-group session: a theme, a date and the presentations.

    Parameters
    ----------
    theme : str
    date : datetime.date or ISO str, optional
    entries : list of SessionEntry, optional
    subtitle : str, optional
        Further header lines (e.g. "Paper presentation: Group4").
    source : str, optional
        The transcript file.
    problems : list of ImportProblem, optional

    Examples
    --------
    >>> s = Session.from_file("reading-group-session.txt")  # doctest: +SKIP
    >>> [e.presenter for e in s.entries]  # doctest: +SKIP
    """

    def __init__(
        self,
        theme: str,
        date: dt.date | str | None = None,
        entries: list[SessionEntry] | None = None,
        subtitle: str | None = None,
        source: str | None = None,
        problems: list[ImportProblem] | None = None,
    ) -> None:
        self.theme = theme
        self.date = dt.date.fromisoformat(date) if isinstance(date, str) else date
        self.entries = list(entries or [])
        self.subtitle = subtitle
        self.source = source
        self.problems = list(problems or [])

    def __repr__(self) -> str:
        when = f", {self.date.isoformat()}" if self.date else ""
        return f"<Session {self.theme!r}{when}: {len(self.entries)} presentation(s)>"

    # -- import --------------------------------------------------------------------------
    @classmethod
    def from_file(cls, path: str | Path, date: dt.date | str | None = None) -> Session:
        """Import a slide transcript (the format of ``seeds/reading-group-session.txt``).

        Parameters
        ----------
        path : str or Path
        date : date or ISO str, optional
            The session's date (transcripts rarely state it).

        Raises
        ------
        ParseError
            If the file is missing, empty or has no presenter line (naming the line).
        """
        path = Path(path)
        if not path.exists():
            raise ParseError("file not found", source=str(path))
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(f"expected UTF-8 text: {exc.reason} at byte {exc.start}", source=str(path)) from None
        return cls.from_text(text, source=str(path), date=date)

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", date: dt.date | str | None = None) -> Session:
        """Import a transcript given as a string; see :meth:`from_file`."""
        return _parse_session(text, source, date)

    # -- views ---------------------------------------------------------------------------
    @property
    def library(self) -> Library:
        """The papers presented, as a Library (search, compare and cards work on it)."""
        return Library((e.paper for e in self.entries), name=self.theme)

    @property
    def results(self) -> pd.DataFrame:
        """Every table's tidy results, with a ``presenter`` column."""
        import pandas as pd

        frames = [df.assign(presenter=e.presenter) for e in self.entries for df in e.results if len(df)]
        if not frames:
            return pd.DataFrame(columns=["presenter", "paper", "method", "dataset", "metric", "value"])
        return pd.concat(frames, ignore_index=True)

    def compare(self, fields: list[str] | None = None) -> pd.DataFrame:
        """:func:`paperlab.compare.compare` on the session's papers, with their table results."""
        from ..comparison import compare

        df = compare(self.library, fields=fields, results=[d for e in self.entries for d in e.results])
        presenters = {e.paper.id: e.presenter for e in self.entries}
        df.insert(0, "presenter", [presenters.get(i) for i in df.index])
        return df

    def to_markdown(self) -> str:
        """The agenda as markdown: one numbered item per presentation, with takeaways and questions."""
        from ..comparison import venue_of
        from ..comparison.render import md_cell as _md_cell

        head = f"# {_md_cell(self.theme)}"
        lines = [head]
        if self.subtitle:
            lines.append(f"*{_md_cell(self.subtitle)}*")
        if self.date:
            lines.append(f"**Date:** {self.date.isoformat()}")
        lines.append("")
        for n, e in enumerate(self.entries, start=1):
            p = e.paper
            title = _md_cell(p.title)
            link = p.abs_url
            meta = " · ".join(_md_cell(m) for m in (p.byline(), venue_of(p)) if m)
            lines.append(
                f"{n}. **{_md_cell(e.presenter)}** — "
                + (f"[{title}]({link})" if link else f"*{title}*")
                + (f" — {meta}" if meta else "")
            )
            for t in e.takeaways:
                lines.append(f"   - {_md_cell(t)}")
            if e.tables:
                lines.append(f"   - Results: {len(e.tables)} table(s), {sum(len(d) for d in e.results)} values")
            for q in e.questions:
                lines.append(f"   - ❓ {_md_cell(q)}")
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def read_session(path: str | Path, date: dt.date | str | None = None) -> Session:
    """Function form of :meth:`Session.from_file`."""
    return Session.from_file(path, date=date)


# ---------------------------------------------------------------------------------------------
# parsing
# ---------------------------------------------------------------------------------------------


def _is_blank(line: str) -> bool:
    return not line.strip()


def _name_shaped(line: str) -> bool:
    tokens = line.split()
    if not 2 <= len(tokens) <= 4 or tokens[0] in _PARTICLES or tokens[-1] in _PARTICLES:
        return False
    return all(t in _PARTICLES or _NAME_TOKEN.match(t) for t in tokens)


def _lowercase_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w@.])[a-zà-öø-ÿ][a-zà-öø-ÿ'-]*(?![\w@])", text))


def _title_case(title: str) -> str:
    letters = [c for c in title if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return title
    words = title.lower().split()
    out: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and w in _SMALL_WORDS and not out[-1].endswith(":"):
            out.append(w)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in w.split("-")))
    return " ".join(out)


def _author_names(line: str) -> list[str] | None:
    """Author names on a header line, ``[]`` for an e-mail-only line, None if not an author line."""
    if re.match(r"^\s*[-•*]\s", line) or line.rstrip().endswith((":", "?", ".")):
        return None  # bullets and sentences are slide content
    text = re.sub(r"\{[^}]*\}\S*", " ", line)
    tokens = text.split()
    if not tokens:
        return None
    # an e-mail closes an author record; a lowercase word right before it is part of a broken address
    records: list[list[str]] = [[]]
    had_email = False
    for t in tokens:
        if "@" in t:
            had_email = True
            while records[-1] and re.fullmatch(r"[a-z0-9._-]+", records[-1][-1]):
                records[-1].pop()
            records.append([])
        else:
            records[-1].append(t)
    names: list[str] = []
    affiliation_seen = False
    for rec in records:
        chunk = " ".join(rec)
        # markers (*, †, superscript digits) and '&' separate authors
        parts = [p.strip(" ,") for p in re.split(r"\s*(?:&|;|\band\b|\*+\d*|[†‡§¶]+|(?<=\w)\s+\d+(?=\s|$))\s*", chunk)]
        for part in parts:
            if not part:
                continue
            first = part.split(",")[0].split()
            cut = next(
                (
                    k
                    for k, tok in enumerate(first)
                    if _AFFILIATION.match(tok) or re.search(r"\d", tok) or re.fullmatch(r"[A-Z]{2,}", tok)
                ),
                None,
            )
            if cut is not None:
                affiliation_seen = True
                name_tokens = first[:cut][:2] if cut > 2 else first[:cut]
            else:
                name_tokens = first
            if not name_tokens:
                continue
            if not all(
                t in _PARTICLES
                or _NAME_TOKEN.match(t)
                or re.fullmatch(r"[A-Z][a-z]+[A-Z][a-z]+", t)
                or re.fullmatch(r"[A-Z]\.", t)
                for t in name_tokens
            ):
                if cut is None and not had_email:
                    return None
                continue
            if cut is None and len(name_tokens) == 4:  # two-column slides: "Keivan Alizadeh Mehrdad Farajtabar"
                names += [" ".join(name_tokens[:2]), " ".join(name_tokens[2:])]
            elif len(name_tokens) >= 2:
                names.append(" ".join(name_tokens))
            elif cut is None and not had_email and not affiliation_seen:
                return None
    if not names and not had_email and not affiliation_seen:
        return None
    return names


@dataclass
class _Header:
    title: str | None = None
    title_line: int | None = None
    venue_line: str | None = None
    authors: list[str] = field(default_factory=list)
    organization: str | None = None
    body_start: int = 0


def _parse_header(lines: list[str], start: int, end: int) -> _Header:
    h = _Header(body_start=start)
    i = start
    nonblank = [k for k in range(start, end) if not _is_blank(lines[k])]
    if not nonblank:
        return h
    k = 0
    if _VENUE_LINE.match(lines[nonblank[0]].strip()):
        h.venue_line = lines[nonblank[0]].strip()
        k = 1
    if k >= len(nonblank):
        h.body_start = end
        return h
    t = nonblank[k]
    title = lines[t].strip()
    title_end = k
    if title.endswith(":") and k + 1 < len(nonblank):
        title = f"{title} {lines[nonblank[k + 1]].strip()}"
        title_end = k + 1
    # author lines after the title confirm it (or the venue line before it does)
    j = title_end + 1
    authors: list[str] = []
    org = None
    n_author_lines = 0
    while j < len(nonblank):
        ln = lines[nonblank[j]].strip()
        if not ln:
            j += 1
            continue
        names = _author_names(ln)
        if names is None:
            if (
                re.fullmatch(r"[A-Z][\w&.-]+", ln)
                and ln.lower().rstrip(":") not in _HEADINGS
                and n_author_lines
                and org is None
            ):
                org = ln  # an organisation alone on a line ("Apple")
                j += 1
                continue
            break
        authors += names
        n_author_lines += 1
        j += 1
    if n_author_lines or h.venue_line:
        h.title, h.title_line = _title_case(title), t + 1
        h.authors = list(dict.fromkeys(authors))
        h.organization = org
        i = nonblank[j] if j < len(nonblank) else end
    else:
        i = start
    h.body_start = i
    return h


def _takeaways_and_questions(lines: list[str], start: int, end: int) -> tuple[list[str], list[str], int | None]:
    take_at = next((k for k in range(start, end) if _TAKEAWAYS.match(lines[k].strip())), None)
    takeaways: list[str] = []
    questions: list[str] = []
    if take_at is not None:
        prev_blank = True
        in_questions = False
        for k in range(take_at + 1, end):
            raw = lines[k]
            s = raw.strip()
            if not s:
                prev_blank = True
                continue
            if "\t" in raw:
                prev_blank = False
                continue
            q = _QUESTION_LABEL.match(s)
            if q:
                in_questions = True
                questions.append(s[q.end() :].strip())
                prev_blank = False
                continue
            bullet = re.match(r"^(\s*)[-•*]\s+(?:\d+\.\s*)?", raw)
            item = raw[bullet.end() :].strip() if bullet else s
            if in_questions:
                prev_blank = False
                continue  # quoted answers to a discussion question
            if bullet and bullet.group(1) and takeaways:
                takeaways[-1] = f"{takeaways[-1]} — {item}"  # a sub-bullet
            elif not bullet and not prev_blank and takeaways and not re.search(r"[.!?:)]$", takeaways[-1]):
                takeaways[-1] = f"{takeaways[-1]} {item}"  # a wrapped line
            else:
                takeaways.append(item)
            prev_blank = False
        questions += [t for t in takeaways if t.endswith("?")]
    for k in range(start, end):
        s = lines[k].strip()
        q = _QUESTION_LABEL.match(s)
        if q and (take_at is None or k < take_at) and s.endswith("?"):
            questions.append(s[q.end() :].strip())
    return takeaways, list(dict.fromkeys(questions)), take_at


def _fallback_title(lines: list[str], start: int, end: int) -> tuple[str, int] | None:
    """A slide heading naming a method ("G-EVAL Framework" -> "G-EVAL") when there is no title slide."""
    for k in range(start, end):
        s = lines[k].strip()
        if (
            s
            and len(s.split()) <= 4
            and not s.startswith(("-", "•"))
            and "\t" not in lines[k]
            and _is_blank(lines[k - 1] if k > 0 else "")
            and re.search(r"\b[A-Z][A-Z0-9]*-?[A-Z0-9]{2,}\b", s)
            and not s.endswith((".", ":", "?"))
        ):
            name = re.sub(r"\s+(?:Framework|Method|Approach|Model|Overview|Pipeline|Architecture)$", "", s)
            return name, k + 1
    return None


def _parse_session(text: str, source: str, date: dt.date | str | None) -> Session:
    from ..comparison import find_tables

    if not isinstance(text, str) or not text.strip():
        raise ParseError("empty transcript: expected a session header and presentations", source, "line 1")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    lowercase = _lowercase_words(text)
    presenters: list[int] = []
    k = 0
    in_header = False
    header_end = -1
    while k < len(lines):
        s = lines[k].strip()
        if (
            k > header_end
            and _name_shaped(s)
            and (k == 0 or _is_blank(lines[k - 1]))
            and (k + 1 >= len(lines) or _is_blank(lines[k + 1]))
            and not any(t.lower() in lowercase for t in s.split() if t not in _PARTICLES)
        ):
            presenters.append(k)
            h = _parse_header(lines, k + 1, len(lines))
            header_end = h.body_start - 1
            in_header = True
        k += 1
    del in_header
    if not presenters:
        first = next((n for n, ln in enumerate(lines, 1) if ln.strip()), 1)
        raise ParseError(
            "expected presenter lines (a person's name alone on a line, followed by the paper's "
            "title and authors); found none",
            source,
            f"line {first}",
        )
    header_lines = [ln.strip() for ln in lines[: presenters[0]] if ln.strip()]
    theme = header_lines[0] if header_lines else "Session"
    subtitle = " · ".join(header_lines[1:]) or None
    entries: list[SessionEntry] = []
    all_problems: list[ImportProblem] = []
    lost: list[ImportProblem] = []
    bounds = presenters + [len(lines)]
    for n, start in enumerate(presenters):
        end = bounds[n + 1]
        presenter = lines[start].strip()
        h = _parse_header(lines, start + 1, end)
        problems: list[ImportProblem] = []
        takeaways, questions, take_at = _takeaways_and_questions(lines, h.body_start, end)
        title, title_line = h.title, h.title_line
        if title is None:
            fb = _fallback_title(lines, start + 1, end)
            if fb is None:
                raise ParseError(
                    f"presentation by {presenter!r}: expected the paper's title (a title line followed "
                    "by author lines) or a slide heading naming the method; found neither",
                    source,
                    f"line {start + 1}",
                )
            title, title_line = fb
            problems.append(
                ImportProblem(
                    source,
                    f"line {start + 1}",
                    f"presentation by {presenter!r} has no title slide; paper named after the "
                    f"slide heading at line {title_line}: {title!r}",
                )
            )
        if take_at is None:
            problems.append(
                ImportProblem(
                    source, f"lines {start + 1}-{end}", f"presentation by {presenter!r} has no Takeaways slide"
                )
            )
        paper = Paper(
            title=title,
            authors=h.authors,
            organization=h.organization,
            comment=h.venue_line,
            sources=[SourceRecord("session", location=source, record=f"line {title_line}")],
            tags=[theme] if theme else [],
            # the slides' text (without tables): compare() reads facets from it
            extra={
                "presenter": presenter,
                "session_line": start + 1,
                "notes": "\n".join(ln for ln in lines[h.body_start : end] if "\t" not in ln).strip(),
            },
        )
        block = "\n".join(lines[start:end])
        tables, table_problems = find_tables(block, source=source, paper=paper.id, first_line=start + 1)
        problems += table_problems
        lost += [p for p in table_problems if "skipped" in p.message or "dropped" in p.message]
        entries.append(
            SessionEntry(
                presenter=presenter,
                paper=paper,
                takeaways=takeaways,
                results=[t.data for t in tables],
                questions=questions,
                tables=tables,
                line=start + 1,
                problems=problems,
            )
        )
        all_problems += problems
    session = Session(theme, date=date, entries=entries, subtitle=subtitle, source=source, problems=all_problems)
    if lost:
        warnings.warn(
            PartialImportWarning(source, lost, kept=sum(len(d) for e in entries for d in e.results)), stacklevel=3
        )
    return session
