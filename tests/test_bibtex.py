"""BibTeX import/export (paperlab.sources.bibtex).

Two kinds of input: our own small files in ``tests/data/bibtex/`` (written by hand to reproduce the quirks of
real exports; every expected value below was read off those files), and the recorded real corpus in
``$PAPERLAB_REALDATA/fixtures/bibtex/`` (tests marked ``realdata``, skipped when it is absent).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

from paperlab import Library, Paper, ParseError, PartialImportWarning, load
from paperlab.sources.bibtex import library_to_bibtex, paper_to_bibtex, parse_bibtex, read_bibtex

BIB = FIXTURES / "bibtex"
# plk/biblatex @ 8e5b060: 92 entries (plus 8 @string); the two @set entries have no title
BIBLATEX_EXAMPLES = BIB / "biblatex-examples.bib"
ZBB = BIB / "zotero-better-bibtex"
STRING_154 = ZBB / "Import fails to perform @String substitutions #154.bib"
ROUND_871 = ZBB / "Issues with round instead of curly braces do not import correctly #871.bib"
PERCENT_95 = ZBB / "Problem when importing BibTeX entries with percent sign #95 or preamble #96.bib"
EPRINTTYPE_959 = ZBB / "eprinttype field dropped on import #959.bib"

OWN = DATA / "bibtex"


def _without_date_precision(extra: dict[str, object]) -> dict[str, object]:
    """``extra`` without the date's precision (tested with the dates)."""
    return {k: v for k, v in extra.items() if k not in ("date_precision", "date_inferred")}


OWN_BIBLATEX = OWN / "biblatex-style.bib"  # 11 entries: 10 papers and one @set without a title
OWN_STRINGS = OWN / "strings-and-macros.bib"  # @String, #, round parentheses, month macros, @PREAMBLE, bare %
OWN_PRODUCERS = OWN / "producers.bib"  # Zotero Better BibTeX, JabRef, Google Scholar and DBLP shapes
OWN_BROKEN = OWN / "broken-middle.bib"  # a duplicate key, a syntax error and an untitled entry between good ones

ROUND_TRIP_FIELDS = (
    "title",
    "authors",
    "published",
    "doi",
    "arxiv_id",
    "version",
    "abstract",
    "url",
    "journal_ref",
    "keywords",
    "comment",
    "primary_category",
)


def _examples() -> dict[str, Paper]:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_bibtex(BIBLATEX_EXAMPLES)
    assert len(record) == 1
    return {p.extra["bibtex_key"]: p for p in papers}


# -- real corpus: $PAPERLAB_REALDATA/fixtures/bibtex/biblatex-examples.bib ---------------------------


@pytest.mark.realdata
def test_biblatex_examples_counts_and_skipped_entries() -> None:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_bibtex(BIBLATEX_EXAMPLES)
    # 92 entries: the two @set entries have no title; westfahl:frontier, cross-referenced by one entry only, lends
    # its fields to westfahl:space and is a paper of its own (an import is \nocite{*}: every entry counts)
    assert len(papers) == 90
    assert "westfahl:frontier" in {p.extra["bibtex_key"] for p in papers}
    problems = record[0].message.problems
    assert [p.where for p in problems] == ["entry 'set', line 26", "entry 'stdmodel', line 31"]
    assert all("title" in p.message for p in problems)
    assert all(p.source == str(BIBLATEX_EXAMPLES) for p in problems)
    # file order is kept
    first = papers[0]
    assert (first.extra["bibtex_key"], first.extra["entry_type"]) == ("westfahl:space", "incollection")
    # every field without a Paper field of its own is kept, as text
    assert first.extra["bibtex_fields"] == {
        "subtitle": "Confronting and Avoiding the Realities of Space in American Science Fiction Films",
        "pages": "55-65",
        "crossref": "westfahl:frontier",
        "langid": "english",
        "langidopts": "variant=american",
        "indextitle": "True Frontier, The",
        "annotation": "A cross-referenced article from a collection. This is\n"
        "an incollection entry with a crossref\nfield. Note the subtitle and indextitle\nfields",
        # inherited from its @collection westfahl:frontier (its own langid and annotation win)
        "booktitle": "Space and Beyond",
        "booksubtitle": "The Frontier Theme in Science Fiction",
        "editor": ["Gary Westfahl"],
        "location": "Westport, Conn. and London",
        "publisher": "Greenwood",
    }
    assert first.extra["bibtex_inherited"] == dict.fromkeys(
        ["booksubtitle", "booktitle", "date", "editor", "location", "publisher"], "westfahl:frontier"
    )
    assert (first.journal_ref, first.published, first.extra["publisher"]) == (
        "Space and Beyond",
        dt.date(2000, 1, 1),
        "Greenwood",
    )
    assert papers[-1].extra["bibtex_key"] == "loh"


@pytest.mark.realdata
def test_biblatex_examples_arxiv_ids() -> None:
    papers = _examples()
    with_arxiv = {k: (p.arxiv_id, p.version, p.primary_category) for k, p in papers.items() if p.arxiv_id}
    assert with_arxiv == {
        "baez/article": ("math/0307200", 3, None),  # eprint = {math/0307200v3}, eprinttype = {arxiv}
        "baez/online": ("math/0307200", 3, None),
        "itzhaki": ("hep-th/9603067", 1, None),  # version from `version = 1`
        "wassenberg": ("1008.2849", 1, "cs.DS"),  # eprintclass = {cs.DS}
    }
    assert papers["wassenberg"].id == "1008.2849"
    assert papers["wassenberg"].categories == ["cs.DS"]
    # an eprint of another type is not an arXiv id
    assert papers["kullback:reprint"].arxiv_id is None


@pytest.mark.realdata
def test_biblatex_examples_accents_and_latex_become_unicode() -> None:
    papers = _examples()
    assert papers["aksin"].authors == [
        "Özge Aksın",
        "Hayati Türkmen",
        "Levent Artok",
        "Bekir Çetinkaya",
        "Chaoying Ni",
        "Orhan Büyükgüngör",
        "Erhan Özkal",
    ]
    assert papers["aksin"].title == (
        "Effect of immobilization on catalytic characteristics of saturated "
        "Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions"
    )
    assert papers["angenendt"].title == "In Honore Salvatoris – Vom Sinn und Unsinn der Patrozinienkunde"
    assert papers["angenendt"].journal_ref == "Revue d'Histoire Ecclésiastique"
    assert papers["averroes/hannes"].title == (
        "Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion” oder “Über den materiellen Intellekt”"
    )
    assert papers["kastenholz"].title.startswith("Computation of methodology-independent ionic solvation")
    assert papers["malinowski"].authors == ["Bronisław Malinowski"]
    assert papers["knuth:ct:b"].title == "TeX: The Program"
    assert papers["vazques-de-parga"].comment == "Ed. facs. de la realizada en 1948–49"
    # "Last, First" and "von" parts
    assert papers["vangennep"].authors == ["Arnold van Gennep"]
    assert papers["vazques-de-parga"].authors == ["Luis Vázques de Parga", "José María Lacarra", "Juan Uría Ríu"]


@pytest.mark.realdata
def test_biblatex_examples_fields() -> None:
    papers = _examples()
    # @string journaltitle = jomch, with `~` read as a space
    assert papers["aksin"].journal_ref == "J. Organomet. Chem."
    assert papers["aksin"].published == dt.date(2006, 1, 1)
    assert papers["shore"].published == dt.date(1991, 3, 1)  # date = {1991-03}
    assert papers["knuth:ct"].published == dt.date(1984, 1, 1)  # date = {1984/1986}
    assert papers["doody"].published == dt.date(1974, 1, 1)  # year = 1974
    assert papers["baez/online"].published == dt.date(2004, 10, 27)
    assert papers["westfahl:space"].title == (
        "The True Frontier: Confronting and Avoiding the Realities of Space in American Science Fiction Films"
    )  # title + subtitle
    assert papers["westfahl:space"].published == dt.date(2000, 1, 1)  # date = 2000 of its crossref parent
    assert papers["sigfridsson"].doi == "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P"
    assert papers["markey"].url == "http://mirror.ctan.org/info/bibtex/tamethebeast/ttb_en.pdf"
    assert papers["aristotle:anima"].keywords == ["primary"]
    assert papers["itzhaki"].abstract.startswith(
        "We discuss the limitations of 't Hooft's proposal for the\nblack hole S-matrix."
    )
    assert papers["itzhaki"].title == "Some remarks on 't Hooft's S-matrix for black holes"
    assert papers["cms"].authors == []
    src = papers["itzhaki"].sources[0]
    assert (src.name, src.location, src.record) == ("bibtex", str(BIBLATEX_EXAMPLES), "itzhaki, line 1420")


@pytest.mark.realdata
def test_load_detects_bib_files() -> None:
    with pytest.warns(PartialImportWarning):
        lib = load(BIBLATEX_EXAMPLES, PERCENT_95)
    # duplicates inside the file merge (baez article/online, the kullback and vangennep reprints of
    # the same year); the 1959 kullback and 1965 moore originals stay apart from their 1997/1998 reprints
    assert len(lib) == 86  # westfahl:frontier lends its fields to westfahl:space and is a paper too
    assert lib["math/0307200v3"].title == "Higher-Dimensional Algebra V: 2-Groups"
    assert lib["10.1016/j.tsf.2009.05.016"].journal_ref == "Thin Solid Films"


# -- real corpus: zotero-better-bibtex bug-report files ---------------------------------------------


@pytest.mark.realdata
def test_string_substitution_154() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (paper,) = read_bibtex(STRING_154)
    assert paper.title == "SQL is great"
    assert paper.authors == ["R. A. Bert"]
    assert _without_date_precision(paper.extra) == {
        "bibtex_key": "Bert:2001:SQL",
        "entry_type": "book",
        "publisher": "Freds Publishing",
        "bibtex_fields": {"address": "London, UK", "publisher": "Freds Publishing"},
    }


@pytest.mark.realdata
def test_round_parenthesis_entry_and_concatenation_871() -> None:
    (paper,) = read_bibtex(ROUND_871)
    assert paper.title == "The CONNIVER Reference Manual"
    # author = MCDERMOTT # { and Gerald J. Sussman} with @String{MCDERMOTT = "McDermott, Drew V."}
    assert paper.authors == ["Drew V. McDermott", "Gerald J. Sussman"]
    assert paper.published == dt.date(1972, 5, 1)  # month = May (bare macro)
    assert paper.extra["entry_type"] == "techreport"


@pytest.mark.realdata
def test_percent_sign_and_preamble_95_96() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = read_bibtex(PERCENT_95)
    assert len(papers) == 1  # the @PREAMBLE is not an entry
    (paper,) = papers
    assert paper.authors == ["O. Akhavan", "H. Tohidi", "A. Z. Moshfegh"]
    # an unescaped % is text, not a LaTeX comment that would eat the rest of the line
    assert "reduction\nof about 50% in a narrow wavelength range of 400-500" in paper.abstract
    # the file's own mojibake ("Â" before units) is kept as written
    assert paper.abstract.endswith("from 2.2% and 0.8\u00c2nm to 51% and\n21\u00c2nm, respectively.")
    assert paper.keywords == [
        "Copper oxides",
        "Nanoparticles",
        "Sol-gel deposition",
        "Optical properties",
        "Band-gap energy",
        "Electrochromic properties",
    ]
    assert paper.doi == "10.1016/j.tsf.2009.05.016"
    assert paper.id == "doi:10.1016/j.tsf.2009.05.016"
    assert paper.journal_ref == "Thin Solid Films"
    assert paper.published == dt.date(2009, 1, 1)


@pytest.mark.realdata
def test_eprinttype_959() -> None:
    (paper,) = read_bibtex(EPRINTTYPE_959)
    assert paper.title == (
        "Decidability of Quantified Propositional Intuitionistic Logic and S4 on Trees of Height and Arity ≤ω"
    )
    assert paper.arxiv_id is None  # eprinttype = {philpapers}
    assert paper.extra["eprint"] == "philpapers:ZACDOQ"
    assert paper.doi == "10.1023/B:LOGI.0000021744.10237.d0"
    assert paper.keywords == ["article"]


# -- our own files: tests/data/bibtex -------------------------------------------------------------


def _own(path: Path = OWN_BIBLATEX) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        return {p.extra["bibtex_key"]: p for p in read_bibtex(path)}


def test_own_biblatex_counts_and_skipped_set_entry() -> None:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_bibtex(OWN_BIBLATEX)
    assert len(record) == 1
    assert len(papers) == 10  # 11 entries, the @set has no title
    problems = record[0].message.problems
    assert [(p.where, p.message) for p in problems] == [("entry 'set:rnn', line 17", "expected a 'title' field")]
    assert problems[0].source == str(OWN_BIBLATEX)
    # file order is kept; @string blocks are not entries
    assert _without_date_precision(papers[0].extra) == {
        "bibtex_key": "hochreiter:lstm:chapter",
        "entry_type": "incollection",
        "bibtex_fields": {
            "subtitle": "A Gradient-Based Method for Recurrent Networks",
            "crossref": "kolen:fieldguide",
            "pages": "1-10",
        },
    }
    assert papers[-1].extra["bibtex_key"] == "perelman:entropy"


def test_own_biblatex_arxiv_ids() -> None:
    papers = _own()
    with_arxiv = {k: (p.arxiv_id, p.version, p.primary_category) for k, p in papers.items() if p.arxiv_id}
    assert with_arxiv == {
        "cho:encdec": ("1406.1078", 3, "cs.CL"),  # eprint = {1406.1078v3}, eprinttype = {arxiv}, eprintclass
        "cho:encdec:online": ("1406.1078", 1, None),  # eprinttype = {arXiv} (any case), version = {1}
        "maldacena:largen": ("hep-th/9711200", 3, None),  # old-style id, version from `version = {3}`
        "perelman:entropy": ("math/0211159", 1, "math.DG"),
    }
    assert papers["perelman:entropy"].id == "math/0211159"
    assert papers["perelman:entropy"].categories == ["math.DG"]
    # an eprint of another type is not an arXiv id; it is kept with its type
    assert papers["toy:norms"].arxiv_id is None
    assert papers["toy:norms"].extra["eprint"] == "hal:PLAB:0001"


def test_own_biblatex_accents_math_and_braces_become_unicode() -> None:
    papers = _own()
    assert papers["cho:encdec"].authors == [
        "Kyunghyun Cho",
        "Bart van Merriënboer",  # "van Merri{\"e}nboer, Bart": von part and accent
        "Çağlar Gülçehre",  # {\c{C}}a{\u{g}}lar G{\"u}l{\c{c}}ehre
        "Dzmitry Bahdanau",
        "Fethi Bougares",
        "Holger Schwenk",
        "Yoshua Bengio",
    ]
    # `--` is an en dash, braces that protect case disappear
    assert papers["cho:encdec"].title == (
        "Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation"
    )
    assert papers["cho:encdec:online"].title == (
        "Learning Phrase Representations using RNN Encoder-Decoder for Statistical Machine Translation"
    )
    assert papers["erdos:graphs"].authors == ["Paul Erdős", "Alfréd Rényi"]  # \H{o}, \'e
    assert papers["erdos:graphs"].extra["publisher"] == "Magyar Tudományos Akadémia"
    assert papers["lecun:gradient"].authors == ["Yann LeCun", "Léon Bottou", "Yoshua Bengio", "Patrick Haffner"]
    assert papers["schoelkopf:kernels"].authors == ["Bernhard Schölkopf", "Alexander J. Smola"]
    assert papers["hochreiter:lstm"].authors == ["Sepp Hochreiter", "Jürgen Schmidhuber"]
    # math: {$N$} and $|V|$ (a `|` inside LaTeX math), \alpha \le \beta
    assert papers["maldacena:largen"].title == "The Large N Limit of Superconformal Field Theories and Supergravity"
    assert papers["toy:norms"].title == "Bounds on |V| and |E| for Graph Networks with α≤β"
    assert papers["perelman:entropy"].title == "The Entropy Formula for the Ricci Flow and its Geometric Applications"
    # a braced corporate name is one author, not "Team, The Paperlab"
    assert papers["toy:norms"].authors == ["Tessa Toy", "The Paperlab Team"]
    # "and others" is not a name
    assert papers["cho:encdec:online"].authors == ["Kyunghyun Cho"]
    assert papers["cho:encdec:online"].extra["more_authors"] is True


def test_own_biblatex_fields() -> None:
    papers = _own()
    # @string journaltitle = neco, with `~` read as a space; a macro whose value has braces
    assert papers["hochreiter:lstm"].journal_ref == "Neural Comput."
    assert papers["lecun:gradient"].journal_ref == "Proceedings of the IEEE"
    assert papers["schoelkopf:kernels"].extra["publisher"] == "MIT Press"  # publisher = mitp
    # dates: date = {1997-11}, date = {1960/1961} (first part wins), date = {2014-10-25}, date = {2020},
    # year = 1998 with month = nov (a bare macro), year = {2002} alone; no date at all
    assert papers["hochreiter:lstm"].published == dt.date(1997, 11, 1)
    assert papers["erdos:graphs"].published == dt.date(1960, 1, 1)
    assert papers["cho:encdec"].published == dt.date(2014, 10, 25)
    assert papers["toy:norms"].published == dt.date(2020, 1, 1)
    assert papers["lecun:gradient"].published == dt.date(1998, 11, 1)
    assert papers["schoelkopf:kernels"].published == dt.date(2002, 1, 1)
    assert papers["hochreiter:lstm:chapter"].published is None
    # title + subtitle; a crossref is not followed (the chapter keeps only its own fields)
    assert papers["hochreiter:lstm:chapter"].title == (
        "Long Short-Term Memory: A Gradient-Based Method for Recurrent Networks"
    )
    assert papers["hochreiter:lstm:chapter"].journal_ref is None
    assert papers["schoelkopf:kernels"].title == (
        "Learning with Kernels: Support Vector Machines, Regularization, Optimization, and Beyond"
    )
    assert papers["schoelkopf:kernels"].url == "https://mitpress.mit.edu/9780262194754/learning-with-kernels/"
    assert papers["hochreiter:lstm"].doi == "10.1162/neco.1997.9.8.1735"
    assert papers["hochreiter:lstm"].id == "doi:10.1162/neco.1997.9.8.1735"
    assert papers["hochreiter:lstm"].keywords == ["primary"]
    assert papers["toy:norms"].keywords == ["graphs", "norms", "LaTeX"]  # split on ";" and ","
    # note and addendum become the comment, one per line
    assert papers["erdos:graphs"].comment == "Publ. Math. Inst. Hung. Acad. Sci.\nReprinted 1976–1977"
    assert papers["cho:encdec"].journal_ref == (
        "Proceedings of the 2014 Conference on Empirical Methods in Natural Language Processing (EMNLP)"
    )
    # an abstract keeps its line breaks (indentation dropped) and apostrophes
    assert papers["maldacena:largen"].abstract == (
        "We show that the large N limit of certain conformal field theories\n"
        "can be described by supergravity.\n"
        "A second line that mentions 't Hooft."
    )
    # an unescaped % is text; the file's own mojibake ("Â") is kept as written
    assert papers["toy:norms"].abstract == "Copied from a PDF: the oven ran at 300Â°C for 1Âh, 20% longer."
    src = papers["maldacena:largen"].sources[0]
    assert (src.name, src.location, src.record) == ("bibtex", str(OWN_BIBLATEX), "maldacena:largen, line 83")


def test_own_string_macros_concatenation_and_round_parentheses() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = read_bibtex(OWN_STRINGS)
    assert len(papers) == 3  # the @PREAMBLE and the @String blocks are not entries
    book, gan, adam = papers
    # author = GOODFELLOW # " and Bengio, Yoshua and Courville, Aaron", publisher = pub-MITP
    assert book.title == "Deep Learning"
    assert book.authors == ["Ian J. Goodfellow", "Yoshua Bengio", "Aaron Courville"]
    assert _without_date_precision(book.extra) == {
        "bibtex_key": "Goodfellow:2016:DL",
        "entry_type": "book",
        "publisher": "MIT Press",
        "bibtex_fields": {"publisher": "MIT Press", "address": "Cambridge, MA"},
    }
    assert book.published == dt.date(2016, 1, 1)  # year = 2016, a bare number
    # @inproceedings( ... ) with author = GOODFELLOW # { and ...}, booktitle = nips # { 27}, month = Dec
    assert gan.title == "Generative Adversarial Nets"  # {\sc Adversarial}
    assert gan.authors == ["Ian J. Goodfellow", "Jean Pouget-Abadie", "Mehdi Mirza", "Bing Xu"]
    assert _without_date_precision(gan.extra) == {
        "bibtex_key": "Goodfellow:2014:GAN",
        "entry_type": "inproceedings",
        "more_authors": True,
        "bibtex_fields": {"booktitle": "Advances in Neural Information Processing Systems 27"},
        "title_markup": "Generative {\\sc Adversarial} Nets",  # as written, for the export
    }
    assert gan.journal_ref == "Advances in Neural Information Processing Systems 27"
    assert gan.published == dt.date(2014, 12, 1)
    # capitalised field names; Journal = {arXiv preprint arXiv:1412.6980} is an id, not a venue
    assert (adam.title, adam.arxiv_id, adam.version, adam.journal_ref) == (
        "Adam: A Method for Stochastic Optimization",
        "1412.6980",
        None,
        None,
    )
    assert adam.authors == ["Diederik P. Kingma", "Jimmy Ba"]
    assert adam.published == dt.date(2014, 12, 1)  # Month = {dec}
    # a bare % is text, not a LaTeX comment that would eat the rest of the line
    assert adam.abstract == (
        "We introduce Adam, an algorithm for first-order gradient-based optimization.\n"
        "It reaches 50% of the final loss in a fraction of the steps % of a plain SGD run\n"
        "and needs little tuning."
    )


def test_own_producer_styles() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = {p.extra["bibtex_key"]: p for p in read_bibtex(OWN_PRODUCERS)}
    assert list(papers) == [
        "vaswani_attention_2017",
        "He2016",
        "vaswani2017attention",
        "he2015deep",
        "DBLP:journals/corr/VaswaniSPUJGKP17",
        "DBLP:conf/naacl/DevlinCLT19",
        "devlin2019bertpretrainingdeepbidirectional",
    ]  # the JabRef @Comment block is not an entry
    eight = [
        "Ashish Vaswani",
        "Noam Shazeer",
        "Niki Parmar",
        "Jakob Uszkoreit",
        "Llion Jones",
        "Aidan N. Gomez",
        "Lukasz Kaiser",
        "Illia Polosukhin",
    ]
    # Zotero Better BibTeX: tab-indented, {Is} {All} braces, arXiv id from the url, note "arXiv:... [cs]"
    zotero = papers["vaswani_attention_2017"]
    assert (zotero.title, zotero.arxiv_id, zotero.version) == ("Attention Is All You Need", "1706.03762", None)
    assert zotero.authors == eight
    assert zotero.published == dt.date(2023, 8, 1)  # month = aug, year = {2023}
    assert zotero.doi == "10.48550/arXiv.1706.03762"
    assert zotero.comment == "arXiv:1706.03762 [cs]"
    assert zotero.journal_ref is None
    assert zotero.keywords == ["Computer Science - Computation and Language", "Computer Science - Machine Learning"]
    assert zotero.extra["publisher"] == "arXiv"
    # JabRef: aligned `=`, publisher = {{IEEE}}, an unknown `groups` field
    jabref = papers["He2016"]
    assert jabref.title == "Deep Residual Learning for Image Recognition"
    assert jabref.journal_ref == "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    assert (jabref.published, jabref.doi, jabref.extra["publisher"]) == (
        dt.date(2016, 6, 1),
        "10.1109/cvpr.2016.90",
        "IEEE",
    )
    # Google Scholar: sentence-case titles, "Gomez, Aidan N" without a dot, {\L}ukasz; arXiv only in the journal
    scholar = papers["vaswani2017attention"]
    assert scholar.title == "Attention is all you need"
    assert scholar.authors[5:7] == ["Aidan N Gomez", "Łukasz Kaiser"]
    assert scholar.journal_ref == "Advances in neural information processing systems"
    assert (scholar.arxiv_id, scholar.published) == (None, dt.date(2017, 1, 1))
    assert scholar.id.startswith("title:")
    preprint = papers["he2015deep"]
    assert (preprint.arxiv_id, preprint.journal_ref) == ("1512.03385", None)
    # DBLP: journal = {CoRR}, volume = {abs/...}, eprinttype = {arXiv}; author list over several lines
    dblp = papers["DBLP:journals/corr/VaswaniSPUJGKP17"]
    assert (dblp.arxiv_id, dblp.journal_ref, dblp.url) == ("1706.03762", None, "http://arxiv.org/abs/1706.03762")
    assert dblp.authors == eight
    bert = papers["DBLP:conf/naacl/DevlinCLT19"]
    # a title wrapped over two lines with {BERT:} protected; Ming{-}Wei
    assert bert.title == "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    assert bert.authors == ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"]
    assert bert.journal_ref.startswith("Proceedings of the 2019 Conference of the North American Chapter of the ")
    assert bert.journal_ref.endswith(
        "NAACL-HLT 2019, Minneapolis, MN, USA, June 2-7, 2019, Volume 1 (Long and Short Papers)"
    )
    assert (bert.doi, bert.id) == ("10.18653/V1/N19-1423", "doi:10.18653/v1/n19-1423")
    # arXiv's own export: archivePrefix / primaryClass
    arxiv = papers["devlin2019bertpretrainingdeepbidirectional"]
    assert (arxiv.arxiv_id, arxiv.primary_category, arxiv.categories) == ("1810.04805", "cs.CL", ["cs.CL"])


def test_own_broken_entry_in_the_middle_keeps_the_good_ones() -> None:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_bibtex(OWN_BROKEN)
    assert [(p.extra["bibtex_key"], p.title) for p in papers] == [
        ("kingma:vae", "Auto-Encoding Variational Bayes"),  # the first of two entries with this key
        ("ho:ddpm", "Denoising Diffusion Probabilistic Models"),
    ]
    problems = record[0].message.problems
    assert [p.where for p in problems] == ["entry 'kingma:vae', line 5", "line 7", "entry 'untitled:note', line 9"]
    assert "duplicate entry key 'kingma:vae'" in problems[0].message
    assert "Expected comma after entry key" in problems[1].message
    assert problems[2].message == "expected a 'title' field"
    assert str(OWN_BROKEN) in str(record[0].message)
    vae = papers[0]
    assert (vae.arxiv_id, vae.version, vae.primary_category, vae.published) == (
        "1312.6114",
        11,
        "stat.ML",
        dt.date(2013, 12, 1),
    )


def test_load_detects_own_bib_files_and_merges_duplicates() -> None:
    lib = load(OWN_PRODUCERS)
    # 7 entries, 3 papers: Zotero + Scholar + DBLP "Attention" (arXiv id, then title), JabRef DOI + Scholar
    # preprint "Deep residual" (title), DBLP DOI + arXiv export of BERT (title)
    assert lib.ids == ["1706.03762", "1512.03385", "1810.04805"]
    attention = lib["1706.03762"]
    assert [s.record for s in attention.sources] == [
        "vaswani_attention_2017, line 4",
        "vaswani2017attention, line 32",
        "DBLP:journals/corr/VaswaniSPUJGKP17, line 47",
    ]
    assert attention.title == "Attention Is All You Need"  # the first record's title
    assert attention.published == dt.date(2017, 1, 1)  # earliest date
    assert attention.doi == "10.48550/arXiv.1706.03762"
    assert lib["10.1109/cvpr.2016.90"].arxiv_id == "1512.03385"
    assert lib["1810.04805"].doi == "10.18653/V1/N19-1423"
    with pytest.warns(PartialImportWarning):
        everything = load(OWN_BIBLATEX, OWN_STRINGS, OWN_PRODUCERS, OWN_BROKEN)
    # 10 + 3 + 7 + 2 papers read; the two Cho records share an arXiv id, so do the producers' duplicates
    assert len(everything) == 17
    cho = everything["1406.1078v3"]
    assert [s.record for s in cho.sources] == ["cho:encdec, line 34", "cho:encdec:online, line 46"]
    assert (cho.version, cho.published, len(cho.authors)) == (3, dt.date(2014, 6, 3), 7)


def test_round_trip_every_own_paper() -> None:
    papers: list[Paper] = []
    for path in (OWN_BIBLATEX, OWN_STRINGS, OWN_PRODUCERS, OWN_BROKEN):
        papers += _own(path).values()
    assert len(papers) == 22
    text = library_to_bibtex(papers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = parse_bibtex(text)
    assert len(back) == len(papers)
    for original, again in zip(papers, back, strict=True):
        for name in ROUND_TRIP_FIELDS:
            assert getattr(again, name) == getattr(original, name), (original.extra["bibtex_key"], name)


# -- hand-written entries: arXiv ids, names, errors -------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("eprint = {2101.00001v2}, archivePrefix = {arXiv}, primaryClass = {cs.LG}", ("2101.00001", 2, "cs.LG")),
        ("eprint = {math/0307200v3}, eprinttype = {arxiv}", ("math/0307200", 3, None)),
        ("journal = {arXiv preprint arXiv:2101.00001}", ("2101.00001", None, None)),
        ("url = {https://arxiv.org/abs/2101.00001v4}", ("2101.00001", 4, None)),
        ("journal = {CoRR}, volume = {abs/1706.03762}", ("1706.03762", None, None)),
        ("eprint = {ZACDOQ}, eprinttype = {philpapers}", (None, None, None)),
    ],
)
def test_arxiv_id_sources(fields: str, expected: tuple) -> None:
    (paper,) = parse_bibtex(f"@article{{k, title = {{T}}, {fields}}}")
    assert (paper.arxiv_id, paper.version, paper.primary_category) == expected
    if expected[0]:
        assert paper.journal_ref is None  # "arXiv preprint" / CoRR is not a venue


def test_names_corporate_others_and_fields() -> None:
    text = r"""
    @inproceedings{who2020,
      title = {{COVID-19} Report},
      author = {{World Health Organization} and Smith, John and Jane Q. {de la} Doe and others},
      booktitle = {Proc. of {ICML}},
      year = 2020, month = {jun},
      keywords = {a; b, c},
      note = {Oral}, addendum = {Extended version},
    }"""
    (paper,) = parse_bibtex(text, source="inline.bib")
    assert paper.title == "COVID-19 Report"
    assert paper.authors == ["World Health Organization", "John Smith", "Jane Q. de la Doe"]
    assert paper.extra["more_authors"] is True
    assert paper.journal_ref == "Proc. of ICML"
    assert paper.published == dt.date(2020, 6, 1)
    assert paper.keywords == ["a", "b", "c"]
    assert paper.comment == "Oral\nExtended version"
    assert paper.sources[0].location == "inline.bib"


def test_bad_entries_are_reported_and_good_ones_kept() -> None:
    text = """@article{good, title = {Good}}
@article{good, title = {Duplicate key}}
@article{broken title = {no comma after key}}
@misc{notitle, author = {A B}}
@article{last, title = {Last one}}
"""
    with pytest.warns(PartialImportWarning) as record:
        papers = parse_bibtex(text, source="mixed.bib")
    assert [p.title for p in papers] == ["Good", "Last one"]
    problems = record[0].message.problems
    assert [p.where for p in problems] == ["entry 'good', line 2", "line 3", "entry 'notitle', line 4"]
    assert "duplicate entry key 'good'" in problems[0].message
    assert "Expected comma after entry key" in problems[1].message
    assert "mixed.bib" in str(record[0].message)


def test_no_entries_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.bib"
    path.write_text('% just a comment\n@string{x = {y}}\n@preamble{"z"}\n', encoding="utf-8")
    with pytest.raises(ParseError, match="no BibTeX entries found") as info:
        read_bibtex(path)
    assert info.value.source == str(path)
    with pytest.raises(ParseError, match="no usable BibTeX entries"):
        parse_bibtex("@misc{a, author = {X}}")
    with pytest.raises(ParseError, match="file not found|cannot read"):
        read_bibtex(tmp_path / "missing.bib")


def test_latin1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.bib"
    path.write_bytes("@article{k, title = {Caf\xe9 cr\xe8me}}".encode("latin-1"))
    assert read_bibtex(path)[0].title == "Café crème"


# -- export ------------------------------------------------------------------------------------


def test_paper_to_bibtex_arxiv_misc() -> None:
    paper = Paper(
        "Attention Is All You Need",
        authors=["Ashish Vaswani", "Noam Shazeer"],
        arxiv_id="1706.03762v7",
        published="2017-06-12",
        primary_category="cs.CL",
    )
    assert paper.to_bibtex() == (
        "@misc{vaswani2017attention,\n"
        "  title = {Attention Is All You Need},\n"
        "  author = {Ashish Vaswani and Noam Shazeer},\n"
        "  year = {2017},\n"
        "  month = jun,\n"
        "  date = {2017-06-12},\n"
        "  eprint = {1706.03762v7},\n"
        "  archivePrefix = {arXiv},\n"
        "  primaryClass = {cs.CL},\n"
        "}\n"
    )
    assert paper.to_bibtex(key="mykey").startswith("@misc{mykey,\n")


def test_paper_to_bibtex_article_when_journal() -> None:
    paper = Paper(
        "On the Electrodynamics",
        authors=["Albert Einstein"],
        journal_ref="Annalen der Physik",
        published="1905-01-01",
        doi="10.1002/andp.19053221004",
        extra={"date_precision": "year"},  # a year-only date (with none recorded, 1905-01-01 is that day)
    )
    text = paper.to_bibtex()
    assert text.startswith("@article{einstein1905electrodynamics,\n")
    assert "  journal = {Annalen der Physik},\n" in text
    assert "month" not in text  # year-only date stays year-only
    assert "  doi = {10.1002/andp.19053221004},\n" in text


def test_keys_are_unique_in_a_library() -> None:
    papers = [Paper(f"Attention variant {i}", authors=["A. Vaswani"], published="2017-01-01") for i in range(3)]
    papers.append(Paper("The Attention thing", authors=["Vaswani, A."], published="2017-05-01"))
    text = Library(papers).to_bibtex()
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.M)
    assert keys == ["vaswani2017attention", "vaswani2017attentiona", "vaswani2017attentionb", "vaswani2017attentionc"]
    assert [p.title for p in parse_bibtex(text)] == [p.title for p in papers]


def test_key_fallbacks() -> None:
    assert paper_to_bibtex(Paper("The Über Cool Thing", authors=["Özge Aksın"])).startswith("@misc{aksinuber,")
    assert paper_to_bibtex(Paper("A", published="2020-01-01")).startswith("@misc{2020a,")


NASTY = Paper(
    "Nasty {braces} 100% & $5 #1 under_score ~tilde^caret \\back -- --- ``q'' ?` é ü Ærø 中文 "
    "<script>alert(1)</script>",
    authors=[
        "Žofie Čapková",
        "{World Health Organization}",
        "Barnes and Noble",
        "Doe, Jr., John",
        "Jean-Luc Picard",
        "Ludwig van Beethoven",
        "O'Brien 50% & Co",
    ],
    arxiv_id="2101.00001v3",
    primary_category="cs.LG",
    abstract="Line one 50% done.\nLine two & $x^2$ {b}\n\nPara with \\emph{x} and ~ and %.",
    doi="10.1000/a_b(c)<d>;e",
    url="https://example.org/a_b%20c#frag?x=1&y=~z",
    journal_ref="J. Foo & Bar 12(3)",
    keywords=["deep learning", "x_y", "a&b", "Ümlaut"],
    published=dt.date(2021, 3, 15),
    comment="Accepted at ICLR 2025; 10% code, see {x}",
)


@pytest.mark.parametrize(
    "paper",
    [
        NASTY,
        Paper(
            "Attention Is All You Need",
            authors=["Ashish Vaswani"],
            arxiv_id="1706.03762",
            version=7,
            published="2017-06-12",
        ),
        Paper("Old-style id", arxiv_id="math.GT/0309136v2", published="2003-09-01"),
        Paper("Year only", published="2017-01-01", authors=["A B"]),
        Paper("January 15", published="2017-01-15"),
    ],
    ids=["nasty", "arxiv", "old-id", "year-only", "jan-15"],
)
def test_round_trip_hand_made(paper: Paper) -> None:
    text = paper_to_bibtex(paper)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (back,) = parse_bibtex(text)
    for name in ROUND_TRIP_FIELDS:
        assert getattr(back, name) == getattr(paper, name), name
    assert back.id == paper.id


def test_nasty_title_is_escaped_in_the_file() -> None:
    text = paper_to_bibtex(NASTY)
    title_line = text.splitlines()[1]
    assert r"\{braces\} 100\% \& \$5 \#1 under\_score" in title_line
    assert "{O'Brien 50\\% \\& Co}" in text  # a name with escapes is kept whole


@pytest.mark.realdata
def test_round_trip_every_fixture_paper() -> None:
    papers = list(_examples().values())
    for path in (STRING_154, ROUND_871, PERCENT_95, EPRINTTYPE_959):
        papers += read_bibtex(path)
    assert len(papers) == 94  # westfahl:frontier lends its fields to westfahl:space and is a paper too
    text = library_to_bibtex(papers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = parse_bibtex(text)
    assert len(back) == len(papers)
    for original, again in zip(papers, back, strict=True):
        for name in ROUND_TRIP_FIELDS:
            assert getattr(again, name) == getattr(original, name), (original.extra["bibtex_key"], name)


def test_acm_html_entities_are_decoded_once_and_kept_as_written(tmp_path: Path) -> None:
    first, second = read_bibtex(DATA / "bibtex" / "acm-html-entities.bib")
    assert first.title == "Q&A over R&D Notes: Fast & Robust"
    assert first.authors == ["Ada Quill", "Dora Ok&afor"]
    assert first.abstract == (
        "We answer questions over café notes – 50% faster. The literal text &amp; stays once-decoded, "
        "and <img src=x onerror=alert(1)> is text."
    )
    assert first.journal_ref == "Proceedings of the Imaginary SIGMOD & PODS Joint Conference"
    assert first.keywords == ["question answering", "R&D"]
    assert first.url == "https://dl.example.org/doi/10.5555/0000001.0000002?download=true&format=bib"
    assert first.extra["bibtex_fields"]["series"] == "SIGMOD &amp; PODS '21"
    assert first.extra["bibtex_html_raw"]["title"] == "Q&amp;A over R\\&amp;D Notes: Fast &amp; Robust"
    assert second.title == "AT&T-Style Ampersands and α-Stable Laws"
    assert second.journal_ref == "ACM Trans. Imag. Data & Knowl. Eng."
    assert "<img" not in first.to_html() and "&lt;img src=x" in first.to_html()
    back = parse_bibtex(library_to_bibtex([first, second]))
    assert [(p.title, p.abstract, p.journal_ref, p.authors) for p in back] == [
        (p.title, p.abstract, p.journal_ref, p.authors) for p in (first, second)
    ]
    assert "bibtex_html_raw" not in back[0].extra  # the export writes decoded text, escaped for BibTeX


def test_crossref_and_xdata_inheritance_as_biber_resolves_it() -> None:
    papers = {p.extra["bibtex_key"]: p for p in read_bibtex(DATA / "bibtex" / "crossref-inheritance.bib")}
    # a parent with a record of its own is a paper (imag2021: its DOI, URL, keywords); a volume that only holds its
    # chapters is not (fieldguide: editor, title, date, publisher; its chapter carries it as venue); @xdata only lends
    assert list(papers) == [
        "quill2021tagged",
        "lund2021late",
        "imag2021",
        "nakamura2015chapter",
        "ibe2018book",
    ]
    first, late = papers["quill2021tagged"], papers["lund2021late"]
    assert first.journal_ref == "Proceedings of the Imaginary Conference on Tagged Formats"  # its title
    assert first.published == dt.date(2021, 1, 1) and late.published == dt.date(2022, 1, 1)  # own year wins
    assert first.extra["publisher"] == "Example Press"
    assert first.extra["bibtex_fields"] == {
        "pages": "1–10",
        "crossref": "imag2021",
        "address": "Nowhere",
        "booksubtitle": "IMAG 2021",
        "booktitle": "Proceedings of the Imaginary Conference on Tagged Formats",
        "editor": ["Tomas Marsh", "Chika Ibe"],
        "publisher": "Example Press",
    }  # not its ids, shorttitle or title
    # the volume's own DOI, URL and keywords name it, not its papers: neither child takes them (one work otherwise)
    assert (first.doi, first.url, first.keywords, late.doi) == (None, None, [], None)
    assert papers["imag2021"].doi == "10.5555/imag.2021"
    assert late.extra["bibtex_inherited"] == dict.fromkeys(
        ["address", "booksubtitle", "booktitle", "editor", "publisher"], "imag2021"
    )
    chapter = papers["nakamura2015chapter"]
    assert (chapter.journal_ref, chapter.published, chapter.extra["date_precision"]) == (
        "A Field Guide to Made-Up Methods",
        dt.date(2015, 3, 1),
        "month",
    )
    book = papers["ibe2018book"]
    assert book.extra["bibtex_fields"]["location"] == "Nowhere" and book.extra["publisher"] == "Example Press"


def test_a_parent_cross_referenced_once_keeps_its_own_record() -> None:
    """A library import is like \\nocite{*}: the book one chapter cross-references is a paper, with its own DOI,
    abstract and note (the chapter does not inherit them), and the export writes the entry its crossref names."""
    bib = (
        "@book{whole, title = {The Whole Made-Up Book}, author = {Vale, Oona}, year = {2019},\n"
        "  doi = {10.1234/book.1}, abstract = {A book about nothing much.}, note = {my reading note}}\n"
        "@inbook{chap, title = {One Chapter}, author = {Lund, Saga}, crossref = {whole}, pages = {1--9}}\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is skipped
        papers = {p.extra["bibtex_key"]: p for p in parse_bibtex(bib)}
    assert list(papers) == ["whole", "chap"]
    whole, chap = papers["whole"], papers["chap"]
    assert (whole.doi, whole.abstract, whole.comment) == (
        "10.1234/book.1",
        "A book about nothing much.",
        "my reading note",
    )
    assert (chap.doi, chap.abstract, chap.comment) == (None, None, None)
    assert chap.journal_ref == "The Whole Made-Up Book" and chap.published == dt.date(2019, 1, 1)  # inherited
    assert len(Library(list(papers.values()))) == 2  # two works
    text = library_to_bibtex(list(papers.values()))
    assert "@book{whole," in text and "crossref = {whole}" in text
    back = {p.extra["bibtex_key"]: p for p in parse_bibtex(text)}
    assert (back["whole"].doi, back["whole"].abstract, back["whole"].comment) == (
        whole.doi,
        whole.abstract,
        whole.comment,
    )


def test_crossref_keys_and_inherited_fields_survive_the_round_trip() -> None:
    papers = read_bibtex(DATA / "bibtex" / "crossref-inheritance.bib")
    back = parse_bibtex(library_to_bibtex(papers))
    assert [p.extra["bibtex_key"] for p in back] == [p.extra["bibtex_key"] for p in papers]
    for original, again in zip(papers, back, strict=True):
        assert again.extra["entry_type"] == original.extra["entry_type"]
        assert again.extra.get("bibtex_fields") == original.extra.get("bibtex_fields")
        assert (again.journal_ref, again.published, again.authors) == (
            original.journal_ref,
            original.published,
            original.authors,
        )
    assert back[0].extra["bibtex_fields"]["crossref"] == "imag2021"
