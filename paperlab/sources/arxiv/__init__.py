"""arXiv: the Atom API feed, the Kaggle arXiv metadata snapshot, and a live API client.

* :func:`parse_atom` / :func:`read_atom` (:mod:`.atom`) read Atom feeds of ``export.arxiv.org/api/query``,
  both the 2025/26 serialisation and the older one (per-element namespace
  declarations, 80-column wrapped titles and abstracts).
* :func:`iter_kaggle` / :func:`read_kaggle` (:mod:`.kaggle`) stream the JSON-lines
  ``arxiv-metadata-oai-snapshot`` published on Kaggle.
* :func:`parse_arxiv_rss` / :func:`read_arxiv_rss` (:mod:`.rss`) read the daily listings of ``rss.arxiv.org``
  (Atom and RSS 2.0, with ``arxiv:announce_type``).
* :func:`parse_oai` / :func:`read_oai` (:mod:`.oai`) read OAI-PMH ``ListRecords`` / ``GetRecord`` answers
  (arXivRaw, arXiv, oai_dc); :class:`OAIError` is an OAI error answer.
* :class:`ArxivQuery` describes a search; :class:`ArxivClient` (:mod:`.client`) pages, paces (one
  request per 3 s, as arXiv asks) and retries it; :func:`search_arxiv` is the one-call shortcut.
"""

from __future__ import annotations

from .atom import ArxivErrorFeed, AtomPage, parse_atom, read_atom
from .client import ARXIV_API_URL, ArxivClient, ArxivQuery, search_arxiv
from .kaggle import iter_kaggle, read_kaggle
from .oai import OAIError, OAIPage, parse_oai, read_oai
from .rss import parse_arxiv_rss, read_arxiv_rss

__all__ = [
    "ARXIV_API_URL",
    "ArxivClient",
    "ArxivErrorFeed",
    "ArxivQuery",
    "AtomPage",
    "OAIError",
    "OAIPage",
    "iter_kaggle",
    "parse_arxiv_rss",
    "parse_atom",
    "parse_oai",
    "read_arxiv_rss",
    "read_atom",
    "read_kaggle",
    "read_oai",
    "search_arxiv",
]
