"""When two records describe one work, and merging them: the one rule the :class:`~paperlab.library.Library`
and the store (:mod:`paperlab.store.keys`) share.

A shared title is not enough: two records are one work when they have the same arXiv id, or the same DOI,
or the same normalised title and nothing that both records know tells them apart -- the year, the first
author's family name, the kind of work (a book is not an article) and the venue.

The rule and the merge are in ``_merge`` (:func:`same_work`, :func:`merge_papers`, :class:`Merge`), what tells two
records apart in ``_signals``, the names a record goes by in ``_keys`` (:func:`citation_keys`,
:func:`disambiguated_id`, :func:`record_place`, :func:`work_ids`), an id two works give in ``_doubts``
(:func:`set_aside_doubtful_ids`), the versions of a merged work in ``_versions`` (:func:`timeline`,
:func:`split_merged`). Import them from here.
"""

from __future__ import annotations

from ..paper import Paper
from ._doubts import id_in_doubt, reads_as_nickname, set_aside_doubtful_ids, titles_disagree
from ._keys import CATALOGUE_IDS, citation_keys, disambiguated_id, record_place, work_ids
from ._merge import Merge, merge_papers, same_work
from ._versions import kept_apart, outside_splits, split_merged, timeline

__all__ = [
    "CATALOGUE_IDS",
    "Merge",
    "citation_keys",
    "disambiguated_id",
    "id_in_doubt",
    "kept_apart",
    "outside_splits",
    "reads_as_nickname",
    "record_place",
    "merge_papers",
    "same_work",
    "set_aside_doubtful_ids",
    "split_merged",
    "timeline",
    "titles_disagree",
    "work_ids",
]

Paper.operations.register("timeline", timeline)
