"""Paper lists whose links are labelled by a word ("[arXiv](…)", "[[pdf]](…)", "[Paper](…)"): the title is the text
around the link, never the label; family names after "by"; an item that cannot be read is named with its line.

Our own file ``tests/data/session/paper-list-labels.md`` holds the shapes awesome lists have: the label before the
title, the title before the label (in bold or not, with a citation after it), a paper named twice (a nickname and
its title with one arXiv id), a labelled link with no title beside it, a link to slides, a hostile title.
"""

from __future__ import annotations

import warnings

import pytest
from paths import DATA

import paperlab
from paperlab import PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.paperlist import looks_like_paper_list, parse_paper_list

LABELS = DATA / "session" / "paper-list-labels.md"
CREASE = "CREASE-Net: Learning to Predict Crease Patterns of Folded Sheets"
HOSTILE = "Folding <img src=x onerror=alert(1)> Shells"


def _load() -> paperlab.Library:
    with pytest.warns(PartialImportWarning) as caught:
        lib = paperlab.load(LABELS)
    (warning,) = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert [p.where for p in warning.problems] == ["line 14"]  # the labelled links with no title beside them
    assert "paper-list-labels.md, line 14" in str(warning) and "'pdf', 'code'" in str(warning)
    return lib


def test_labels_are_no_titles_the_text_around_the_link_is() -> None:
    assert detect_format(LABELS) == "paper_list"
    lib = _load()
    assert [p.title for p in lib] == [
        CREASE,  # the nickname row and the labelled row: one paper, under its own title
        "Stiffness of Corrugated Cardboard Under Load",
        "Tension Fields in Thin Folded Sheets",
        "Rigid Folding of Thick Panels",
        "Self-Locking Origami Joints",
        "Curved Creases in Paper Shells",
        HOSTILE,
    ]
    crease = lib["2103.04444"]
    assert crease.authors == ["Quill"] and crease.url == "https://arxiv.org/abs/2103.04444"
    assert len(lib.merges) == 1
    cardboard = lib["10.5555/fold.2020.3"]
    assert cardboard.url == "https://doi.org/10.5555/fold.2020.3"
    assert lib["1911.02222"].title == "Tension Fields in Thin Folded Sheets"  # title before "[[pdf]](…)"
    assert lib["2002.03333"].authors == ["Pike", "Marsh", "Dale", "Brook"]  # "by Pike, Marsh, Dale and Brook"
    joints = lib["2005.06666"]  # bold, "[[PDF]]" and "[[Code]]" links, then "- Fenwick et al., 2020"
    assert joints.authors == ["Fenwick"] and joints.date_text == "2020-05"  # the id's month
    assert joints.url == "https://arxiv.org/abs/2005.06666"  # the paper's link, not the code's
    shells = lib["1908.07777"]  # "Title. Núñez et al. arXiv 2019. [[arXiv]](…)"
    assert shells.authors == ["Núñez"] and shells.date_text == "2019-08"  # the id's month


def test_a_title_beside_a_label_stays_escaped() -> None:
    html = _load()["10.5555/fold.2018.1"].to_html()
    assert "<img" not in html and "&lt;img" in html


def test_a_list_of_titles_before_their_links_is_detected_as_a_paper_list() -> None:
    text = (
        "# Reading\n\n"
        "1. Tension Fields in Thin Folded Sheets [[pdf]](https://arxiv.org/pdf/1911.02222)\n"
        "2. [arXiv](https://arxiv.org/abs/2002.03333) Rigid Folding of Thick Panels\n"
        "3. [Paper](https://doi.org/10.5555/fold.2020.3) Stiffness of Corrugated Cardboard (Elin Marsh)\n"
        "4. **Folding Sheets with Learning.** Annals of Widgetry, 2021. [paper](https://example.org/fold-1)\n"
        "5. **Crease Scans at Scale** — 2020. [Project](https://example.org/p) · [Dataset](https://doi.org/10.5555/d.1)\n"
        "6. **FOLD** (Quill et al.) - *Learning to Fold Sheets*. Widget Conf 2019. [Paper](https://doi.org/10.5555/f.6)\n"
        "7. **Pike and Marsh** - *Rigid Hinges in Thick Panels*. Annals 2003. [Paper](https://doi.org/10.5555/f.7)\n"
        "8. **✨Crease Memory in Folded Paper.** Annals, 2020. [paper](https://arxiv.org/abs/2001.08888)\n"
    )
    assert looks_like_paper_list(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every item read: no warning
        papers = parse_paper_list(text)
    assert [p.title for p in papers] == [
        "Tension Fields in Thin Folded Sheets",
        "Rigid Folding of Thick Panels",
        "Stiffness of Corrugated Cardboard",
        "Folding Sheets with Learning",  # the bold part, not the venue after it
        "Crease Scans at Scale",
        "Learning to Fold Sheets",  # the method's name in bold, the title in italics
        "Rigid Hinges in Thick Panels",
        "Crease Memory in Folded Paper",  # the list's own mark "✨" is no part of the title
    ]
    assert papers[4].doi is None and papers[4].url is None  # a dataset's DOI and a project page are not the paper's
    assert papers[2].authors == ["Elin Marsh"]
    assert papers[5].authors == ["Quill"] and papers[5].extra["more_authors"] is True  # "(Quill et al.)"
    assert papers[6].authors == ["Pike", "Marsh"] and "more_authors" not in papers[6].extra
    assert not looks_like_paper_list("# Tool\n\n- [Code](https://github.com/x/y)\n- [Slides](./s.pdf)\n- plain\n")
