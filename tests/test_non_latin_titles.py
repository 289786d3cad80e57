"""Works titled in other scripts than Latin stay apart (reviewer R1, session 10: two different Chinese papers of one
journal and year, and two Russian ones, were merged into one paper without a word: the title used for matching kept
only ASCII letters, so every such title was the same empty one). Our own records: tests/data/bibtex/non-latin-titles.bib.
"""

from __future__ import annotations

import hashlib
import warnings

from paths import DATA

import paperlab
from paperlab import Paper
from paperlab.identity import citation_keys
from paperlab.paper import match_words, normalize_title

BIB = DATA / "bibtex" / "non-latin-titles.bib"


def test_different_works_in_chinese_and_russian_stay_apart_and_true_duplicates_merge() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(BIB)
    assert [p.title for p in lib] == [
        "深度学习在医学图像中的应用",
        "图神经网络的可解释性研究",
        "Нейронные сети для перевода",
        "Обучение с подкреплением в играх",
    ]
    assert len({p.id for p in lib}) == 4
    assert citation_keys(lib[0]) == ["li2021", "li2021again"]  # the true duplicate merged, both keys kept


def test_words_for_matching() -> None:
    assert normalize_title("Нейронные сети для перевода") == "неиронные сети для перевода"  # й as и: marks dropped
    assert match_words("深度学习 (2021)") == ["深度学习", "2021"]
    assert normalize_title("Обучение") != normalize_title("Нейронные")
    # titles in Latin letters read as before, so the ids stored from them do not change
    assert normalize_title("Schrödinger Bridges: a β-VAE View") == "schrodinger bridges a vae view"
    assert (
        Paper("Attention Is All You Need").id == "title:" + hashlib.sha1(b"attention is all you need").hexdigest()[:16]
    )
    assert Paper("深度学习").id != Paper("图神经网络").id
