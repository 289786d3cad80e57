"""A schedule's blank-form entries: what a template row holds in place of a meeting's paper and presenter.

A schedule copied from a template keeps the template's example rows until someone fills them in::

    | YYYY-MM-DD | HH:MM AM/PM | [Paper Title 3](#) | Name 3 | Brief description of the discussion. |

Such a row is no meeting (its date is a blank form's, :func:`paperlab.dates.is_date_template`), its title no paper
(:func:`is_template_title`) and its name no presenter (:func:`is_template_name`); a row with a real date and a
presenter is a meeting even when its paper cell still holds the template's "Paper Title 2".

Used by :mod:`paperlab.sources.schedule` and :mod:`paperlab.sources._schedule_pool`.
"""

from __future__ import annotations

import re

from ._schedule_cells import CellPaper

__all__ = ["is_template_name", "is_template_title", "without_templates"]

# "Paper Title 3", "Title", "Title of the paper", "Paper title here", "Your paper", "Insert title", "Link to paper"
_TEMPLATE_TITLE = re.compile(
    r"^(?:(?:paper|article|talk|reading|presentation)\s+)?(?:title|name)"
    r"(?:\s+of\s+(?:the\s+)?(?:paper|article|talk|reading))?(?:\s+here)?\s*\d{0,2}$"
    r"|^(?:paper|article|reading|topic|talk)\s*(?:#\s*)?\d{1,2}$"
    r"|^(?:your|insert|add|enter)\s+(?:(?:paper|article|talk)\s+)?(?:paper|title|name|link)\b[^.]{0,20}$"
    r"|^(?:link\s+to\s+(?:the\s+)?(?:paper|article))$",
    re.I,
)
# "Name 3", "Presenter 1", "Speaker", "Your Name", "First Last", "John Doe"
_TEMPLATE_NAME = re.compile(
    r"^(?:(?:presenter|speaker|person|member|student)(?:'?s)?\s+)?name\s*\d{0,2}$"
    r"|^(?:presenter|speaker|person|member|student)\s*\d{1,2}$"
    r"|^(?:your|insert|add|enter)\s+name\b.{0,12}$|^first\s*(?:name)?\s+last\s*(?:name)?$|^(?:john|jane)\s+doe$",
    re.I,
)


def _plain(text: str | None) -> str:
    return " ".join(re.sub(r"[*_`]|\[|\]\([^()]*\)|\]", " ", text or "").split()).strip(" .:")


def is_template_title(text: str | None) -> bool:
    """Whether a paper's title is a template's placeholder ("Paper Title 3", "Title of the paper", "Your paper
    here"), no paper.

    >>> [is_template_title(t) for t in ("Paper Title 2", "Title", "Your paper here", "Attention Is All You Need")]
    [True, True, True, False]
    """
    return bool(_TEMPLATE_TITLE.match(_plain(text)))


def is_template_name(text: str | None) -> bool:
    """Whether a presenter's name is a template's placeholder ("Name 3", "Presenter 1", "Your Name"), nobody.

    >>> [is_template_name(t) for t in ("Name 3", "Presenter 1", "Your name", "Ada Quill", "Nameeta Shah")]
    [True, True, True, False, False]
    """
    return bool(_TEMPLATE_NAME.match(_plain(text)))


def without_templates(papers: list[CellPaper]) -> list[CellPaper]:
    """The papers of a cell or a line with a template's placeholders left out ("[Paper Title 3](#)"); one whose
    link names an arXiv id or a DOI is that paper, titled by its id (the placeholder is no title)."""
    kept = []
    for paper in papers:
        if is_template_title(paper.title):
            if not (paper.arxiv_id or paper.doi):
                continue
            paper.title = f"arXiv:{paper.arxiv_id}" if paper.arxiv_id else f"doi:{paper.doi}"
        kept.append(paper)
    return kept
