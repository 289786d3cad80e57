"""LaTeX in BibTeX values as Unicode text (pylatexenc), with fast paths for values that hold little LaTeX.

Used by :mod:`paperlab.sources.bibtex.read` (a module of its own so that the reader stays small).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from pylatexenc import latex2text, latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
from pylatexenc.macrospec import MacroSpec

from ...latex import TEXT_SYMBOLS, glued_accidentals, math_scripts, math_symbol
from ...names import FAMILY_PARTICLES, names_organisation

__all__ = [
    "VERBATIM_FIELDS",
    "balanced",
    "clean",
    "clean_block",
    "footnotes_dropped",
    "html_entities",
    "latex_to_text",
    "needs_latex",
    "name_separators",
    "typed_latex",
    "unglued_initials",
    "verbatim",
]

# Fields whose values are not LaTeX text (biblatex treats them verbatim).
VERBATIM_FIELDS = {"url", "doi", "eprint", "file", "urldate", "isbn", "issn"}


# macros .bib files define for sorting only, printing nothing: "{\noopsort{b}}Quill" is "Quill"
_SORT_ONLY = ("noopsort", "sortnoop", "SortNoop", "noop")


def _make_walker_context() -> Any:
    """biblatex macros the LaTeX parser must know take an argument."""
    db = latexwalker.get_default_latex_context_db()
    db.add_context_category(
        "paperlab-bibtex",
        prepend=True,
        macros=[MacroSpec(name, "{") for name in ("mkbibquote", "enquote", "mkbibemph", "autocap", *_SORT_ONLY)]
        + [MacroSpec("hyphen", ""), MacroSpec("hyp", ""), MacroSpec("VAN", "{{{")],
    )
    return db


def _make_decoder() -> LatexNodes2Text:
    db = latex2text.get_default_latex_context_db()
    db.add_context_category(
        "paperlab-bibtex",
        prepend=True,
        macros=[
            MacroTextSpec("url", simplify_repl="%s"),
            MacroTextSpec("texttt", simplify_repl="%s"),
            MacroTextSpec("textsc", simplify_repl="%s"),
            MacroTextSpec("textsf", simplify_repl="%s"),
            MacroTextSpec("textrm", simplify_repl="%s"),
            MacroTextSpec("textup", simplify_repl="%s"),
            MacroTextSpec("textnormal", simplify_repl="%s"),
            MacroTextSpec("mkbibquote", simplify_repl="“%s”"),
            MacroTextSpec("enquote", simplify_repl="“%s”"),
            MacroTextSpec("mkbibemph", simplify_repl="%s"),
            MacroTextSpec("autocap", simplify_repl="%s"),
            MacroTextSpec("hyphen", simplify_repl="-"),
            MacroTextSpec("hyp", simplify_repl="-"),  # the hyphenat package's breakable hyphen: Quantum\hyp{}theory
            MacroTextSpec("-", simplify_repl=""),  # a hyphenation hint (Na\-tur): no character of the text
            MacroTextSpec("textasciicircum", simplify_repl="^"),
            MacroTextSpec("textasciitilde", simplify_repl="~"),
            MacroTextSpec("textbackslash", simplify_repl="\\"),
            MacroTextSpec("TeX", simplify_repl="TeX"),
            MacroTextSpec("LaTeX", simplify_repl="LaTeX"),
            MacroTextSpec("BibTeX", simplify_repl="BibTeX"),
            MacroTextSpec("slash", simplify_repl="/"),
            MacroTextSpec("mbox", simplify_repl="%s"),  # DBLP: lambda\({}^{\mbox{-2}}\)
            MacroTextSpec("hbox", simplify_repl="%s"),
            # ordinal suffixes old .bib files define for themselves: "9\xth Symposium", "22\nd Conference"
            MacroTextSpec("xth", simplify_repl="th "),
            MacroTextSpec("nd", simplify_repl="nd "),
            MacroTextSpec("rd", simplify_repl="rd "),
            *(MacroTextSpec(name, simplify_repl="") for name in _SORT_ONLY),
            # Astronomy & Astrophysics' particle macro: \VAN{Beurs}{de}{de} sorts by "Beurs" and prints "de"
            MacroTextSpec("VAN", simplify_repl="%(3)s"),
            *(MacroTextSpec(name, simplify_repl=symbol) for name, symbol in TEXT_SYMBOLS.items()),
        ],
    )
    return LatexNodes2Text(latex_context=db, math_mode="text", keep_braced_groups=False)


_DECODER = _make_decoder()
_WALKER_CONTEXT = _make_walker_context()


# What pylatexenc changes in a value: macros, groups, math, ties, alignment, dashes, TeX quotes and ¡ ¿.
# A value without any of these (most abstracts) is its own text and skips the LaTeX parser.
_LATEX = re.compile(r"[\\{}$~&]|--|``|''|[!?]`")


def needs_latex(value: str) -> bool:
    """Whether decoding ``value`` as LaTeX can change it (the fast path's test)."""
    return _LATEX.search(value) is not None


# LaTeX that spans whitespace in ways the piecewise decoding below does not follow: decode the whole value.
_WHOLE_VALUE = re.compile(r"\\(?:begin|verb|\(|\[)|\$\$")
_WHITESPACE = re.compile(r"(\s+)")
_ESCAPED = re.compile(r"\\[\\{}$]")
_ENDS_WITH_CONTROL = re.compile(r"\\(?:[A-Za-z]+|.)$", re.S)
_SIMPLE_ESCAPE = re.compile(r"\\([%&_#$])")
_BRACE = re.compile(r"[{}]")
_PIECEWISE_FROM = 120  # characters; shorter values (titles, names) are decoded whole


def _decode(value: str) -> str:
    """pylatexenc on ``value``; a bare ``%`` is a literal percent sign, not a comment, and a bare ``&`` an
    ampersand ("AT&T"), not a table's column break; a dotless i under no accent read as :func:`_dotless_i` says."""
    value = re.sub(r"(?<![\\])([%&])", r"\\\1", value)
    value = math_scripts(value)  # $x^{(i)}$ as x⁽ⁱ⁾, as paperlab.latex.readable reads it (cards, search)
    marked = _BARE_I.sub(_mark_bare_i, value) if "\\i" in value else value
    try:
        text = _DECODER.latex_to_text(marked, latex_context=_WALKER_CONTEXT)
    except Exception:  # pylatexenc gives up on malformed LaTeX: keep the text as written
        return value
    return _dotless_i(text) if marked != value else text


def _simple(value: str) -> str | None:
    """The text of ``value`` when its only LaTeX is balanced group braces and escaped specials
    (``{IEEE}``, ``50\\%``, ``R\\&D``), which pylatexenc would merely drop; else None."""
    bare = _SIMPLE_ESCAPE.sub("", value)
    if "{" in bare or "}" in bare:
        if not balanced(bare):
            return None
        bare = bare.replace("{", "").replace("}", "")
    if needs_latex(bare):
        return None
    return _SIMPLE_ESCAPE.sub(r"\1", value).replace("{", "").replace("}", "")


def _decode_fast(value: str) -> str:
    text = _simple(value)
    return _decode(value) if text is None else text


def _decode_pieces(value: str) -> str:
    """Decode only the LaTeX of a long value (an abstract): the words without LaTeX are kept as they are.

    A piece is a whitespace-separated word with LaTeX, extended over the following words while a brace
    group or ``$`` math is open or the word ends with a control sequence (``\\emph {x}``, ``\\c c``).
    Each piece is decoded alone; after whitespace is collapsed the text equals decoding the whole value
    (tests/test_importer_hardening.py checks this on generated LaTeX).
    """
    parts = _WHITESPACE.split(value)  # word, space, word, ..., word
    out: list[str] = []
    piece: list[str] = []
    depth, math = 0, False
    for k in range(0, len(parts), 2):
        word = parts[k]
        sep = parts[k + 1] if k + 1 < len(parts) else ""
        if not piece and not needs_latex(word):
            out += (word, sep)
            continue
        piece.append(word)
        bare = _ESCAPED.sub("", word) if "\\" in word else word
        depth += bare.count("{") - bare.count("}")
        math ^= bare.count("$") % 2 == 1
        if sep and (depth > 0 or math or _ENDS_WITH_CONTROL.search(word)):
            piece.append(sep)
            continue
        out += (_decode_fast("".join(piece)), sep)
        piece, depth, math = [], 0, False
    return "".join(out)


# an accent that lost its backslash inside a group of one letter: "St{'{e}}fan", "R{'{\i}}o", "Jos{'e}" -- a tool
# that stripped backslashes wrote them; nothing else writes an accent character right after "{" before one letter
# (a bare letter only a vowel, so a quoted "{'s}" stays)
_LOST_BACKSLASH = re.compile(r"\{(['\"`^~])(\{\\?[A-Za-z]\}|\\i(?![A-Za-z])|[AEIOUYaeiouy](?=\}))\}")


def latex_to_text(value: str) -> str:
    """LaTeX to Unicode text; a bare ``%`` is a literal percent sign, not a comment; an accent that lost its
    backslash (``St{'{e}}fan``) read as the accent (Stéfan).

    Fast paths: a value without LaTeX is returned as it is; a long one has only its LaTeX decoded.
    """
    if not needs_latex(value):
        return value
    return _short_text(value) if len(value) < _PIECEWISE_FROM else _decoded(value)


def _decoded(value: str) -> str:
    value = _LOST_BACKSLASH.sub(r"{\\\1\2}", value) if "{" in value else value
    if len(value) < _PIECEWISE_FROM or _WHOLE_VALUE.search(value):
        return _decode_fast(value)
    return _decode_pieces(value)


# A short value's text, remembered: a file names the same authors, journals and publishers again and again, and one
# reading asks for a title or a name more than once (pylatexenc takes about a millisecond a value)
_short_text = functools.lru_cache(maxsize=4096)(_decoded)


# "\i" (LaTeX's dotless i) as a letter of its own: "{\i}", "\i{}", "\i " -- under an accent ("{\'\i}", "\'{\i}",
# "\^{\i}") it is the base of an accented i, which pylatexenc reads right
_BARE_I = re.compile(r"\{\\i\}|\\i\{\}|\\i(?![A-Za-z])\s?")
_ACCENT_BEFORE = re.compile(r"\\(?:[`'^\"~=.]|[uvHcdbkrt](?![A-Za-z]))\s*\{?\s*$")
_BARE_I_MARK = "\ue000"  # a private-use character no BibTeX text holds, for a bare dotless i until it is read
_TURKISH_LETTERS = re.compile("[şŞğĞİ]")
_MARKED_WORD = re.compile(r"\w*\ue000[\w\ue000]*")
_VOWELS = "aeıioöuüâîû"


def _mark_bare_i(m: re.Match[str]) -> str:
    if _ACCENT_BEFORE.search(m.string, 0, m.start()):
        return m.group(0)
    return _BARE_I_MARK


def _dotless_i(text: str) -> str:
    """A bare ``\\i`` read as the letter its word asks for. Turkish writes a dotless i (``Y{\\i}lmaz``), but tools
    such as Google Scholar write ``{\\i}`` for an i whose accent they lost (``C{\\i}cero`` for Cícero, ``Ma{\\i}ra``):
    by Turkish vowel harmony a word with ı holds no front vowel (e, i, ö, ü) and no two vowels in a row, so a word
    that does is no Turkish word and its ``\\i`` is an i; a text with a letter only Turkish writes (ş, ğ, İ) keeps ı."""
    if _TURKISH_LETTERS.search(text):
        return text.replace(_BARE_I_MARK, "ı")
    return _MARKED_WORD.sub(_read_marked_word, text).replace(_BARE_I_MARK, "ı")


def _read_marked_word(m: re.Match[str]) -> str:
    word = m.group(0).replace(_BARE_I_MARK, "ı")
    vowels = [i for i, ch in enumerate(word.lower()) if ch in _VOWELS]
    front = any(word.lower()[i] in "eiöü" for i in vowels)
    hiatus = any(b == a + 1 for a, b in zip(vowels, vowels[1:], strict=False))
    return word.replace("ı", "i") if front or hiatus else word


# LaTeX an author typed that Zotero's export escaped ("models{\textasciitilde}(LLMs)",
# "{\textbackslash}url\{https://…\}"): decoded, it reads as the LaTeX typed ("models~(LLMs)", "\url{https://…}").
# A typed math symbol ("$\backslash$sharp": "\sharp") is its symbol. It is shown as LaTeX would set it: a "~" glued between a word (of two letters or more, or ending in a period: "Fig.~3")
# and a word, number or parenthesis is a tie, a space; "\url{X}" is X and "\href{X}{Y}" is Y. A "~" in a link
# ("https://host/~user", "x.org/a~b") or after a space ("~10 runs", about ten) stays.
_TIE = re.compile(r"(?<=\w\w|\w\.)~(?=[\w(\[])")
_NOT_LINK = re.compile(r"\S+")
_URL_MACRO = re.compile(r"\\url\{([^{}\s]+)\}")
_HREF_MACRO = re.compile(r"\\href\{([^{}\s]+)\}\{([^{}]*)\}")
# math an author typed with spaces inside its dollars (Mendeley escapes it: "Top-{\$} l {\$} Orders"): LaTeX math
# ignores the spaces, so it is "$l$"; only one word between them, so "costs $5 and $6" stays as written
# a math symbol's macro typed and escaped: Google Scholar writes "C$^\sharp$" as "C $\^{}$\backslash$sharp$", read
# "C \sharp" (:func:`~paperlab.latex.math_symbol` gives the symbol: "C ♯", glued to its letter as "C♯")
_TYPED_MACRO = re.compile(r"\\([A-Za-z]+)(?![A-Za-z])")
_SPACED_MATH = re.compile(r"(?<![\w$])\$\s+([^\s$]{1,40})\s+\$(?![\w$])")


def typed_latex(text: str) -> str:
    """Decoded text with the LaTeX its author typed (escaped by the exporting tool) read as LaTeX sets it."""
    if "\\" in text:
        text = _URL_MACRO.sub(r"\1", _HREF_MACRO.sub(lambda m: m.group(2).strip() or m.group(1), text))
        text = _TYPED_MACRO.sub(lambda m: math_symbol(m.group(1)) or m.group(0), text)  # "$\backslash$sharp"
    text = glued_accidentals(text)
    if "$" in text:
        text = _SPACED_MATH.sub(r"$\1$", text)
    if "~" in text:
        text = _NOT_LINK.sub(lambda m: m.group(0) if "/" in m.group(0) else _TIE.sub(" ", m.group(0)), text)
    return text


def clean(value: str, typed: bool = True) -> str:
    """Decoded text on one line, whitespace (including no-break spaces) collapsed; escaped LaTeX the author typed
    read as LaTeX sets it (:func:`typed_latex`) unless ``typed`` is False."""
    text = latex_to_text(value)
    return " ".join((typed_latex(text) if typed else text).split())


def clean_block(value: str, typed: bool = True) -> str:
    """Decoded multi-line text: lines stripped, line breaks kept (``typed`` as for :func:`clean`)."""
    text = latex_to_text(value)
    lines = [" ".join(line.split()) for line in (typed_latex(text) if typed else text).splitlines()]
    return "\n".join(lines).strip()


def verbatim(value: str) -> str:
    """A url/doi/eprint value: ``\\url{}`` unwrapped and LaTeX escapes of URL characters undone (also in braces,
    ``{\\_}``, as Mendeley writes them)."""
    value = value.strip()
    m = re.fullmatch(r"\\url\{(.*)\}", value, re.S)
    if m:
        value = m.group(1)
    value = re.sub(r"\{(\\?[_%#&~$])\}", r"\1", value)  # Mendeley's "{\_}": an escaped character in braces
    return re.sub(r"\\([_%#&~$])", r"\1", value).strip()


def balanced(text: str) -> bool:
    """Whether every brace of ``text`` closes one opened before it, and all are closed."""
    if "}" not in text:
        return "{" not in text
    depth = 0
    for ch in _BRACE.findall(text):  # the braces alone: a title's or an abstract's other characters need no look
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            return False
    return depth == 0


# An HTML character reference, as the ACM Digital Library's BibTeX writes them in titles, abstracts and venues
# ("Q&amp;A", "R\\&amp;D", "caf&eacute;", "&#8211;", and with LaTeX-escaped marks "Morgan \\&\\#38; Claypool");
# only terminated ones, so "AT&T" or "&c" stay as written.
# Mendeley braces each mark of one: "{&}{#}x2014;", "{\\&}{\\#}x2014;"
_ENTITY = re.compile(
    r"(?:\{\\?&\}|\\?&)((?:\{\\?#\}|\\?#)(?:[0-9]{1,7}|[xX][0-9A-Fa-f]{1,6})|[A-Za-z][A-Za-z0-9]{1,31});"
)
# a decoded character that LaTeX would read as markup, escaped so that LaTeX decoding shows it as it is
_LATEX_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}"}
_LATEX_SPECIAL |= {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def html_entities(value: str, latex: bool = True) -> str:
    """``value`` with its HTML character references decoded once (``&amp;amp;`` becomes ``&amp;``, never ``&``).

    In LaTeX text (``latex``) a decoded character LaTeX reads as markup (``&``, ``%``, ``$``, ...) is escaped, so
    that decoding the LaTeX afterwards shows it as the character; a reference HTML does not know stays as written.
    """

    def decoded(m: re.Match[str]) -> str:
        written = re.sub(r"[\\{}]", "", m.group(0))  # "\&\#38;", "{&}{#}38;": the LaTeX escapes and braces undone first
        char = html.unescape(written)
        if char == written:
            return m.group(0)
        return "".join(_LATEX_SPECIAL.get(c, c) for c in char) if latex else char

    return _ENTITY.sub(decoded, value) if "&" in value else value


# a name list's separators BibTeX does not know: an "and" doubled, opening or closing the list ("Bronstein, J. N.
# and and Semndljajew, K. A.", "A. Smith and B. Jones and"), and German's "und" or French "et" between names
_STRAY_AND = re.compile(r"^(?:and\s+)+|(?:\s+and)+\s*[,;]?$")  # "B. Jones and," a wrapped list's last line
_UND = re.compile(r"\s+(?:und|et)\s+")  # not Portuguese "e" nor Spanish "y": "Maria e Silva", "Ortega y Gasset"
# a person as a name list writes one: "Family, Given" or two to four words, each capitalised or an initial
_PERSON_WORD = r"[^\W\d_][\w'’.-]*"
_PERSON = re.compile(
    rf"(?:{_PERSON_WORD}\s+){{0,3}}{_PERSON_WORD}(?:\s*,\s*(?:{_PERSON_WORD}\s+){{0,3}}{_PERSON_WORD})?"
)


def _top_level(text: str, sep: re.Pattern[str]) -> list[str]:
    """``text`` split at ``sep`` outside braces."""
    parts, start, depth, counted = [], 0, 0, 0
    for m in sep.finditer(text):
        depth += text.count("{", counted, m.start()) - text.count("}", counted, m.start())  # once over the text
        counted = m.start()
        if depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    return [*parts, text[start:]]


# a semicolon between names (not LaTeX's "\\;" space); a part closed by an HTML reference's name ("Ren&eacute;") ends
# with no name's semicolon
_SEMICOLON = re.compile(r"(?<!\\);")
_ENTITY_NAME = re.compile(r"&#?\w+$")


def _semicolon_list(value: str) -> list[str]:
    """The names of a list separated by semicolons outside braces (none if a semicolon closes an HTML reference)."""
    parts = [p.strip() for p in _top_level(value, _SEMICOLON)]
    if any(_ENTITY_NAME.search(p) for p in parts[:-1]):
        return []
    return [p for p in parts if p]


def _person_like(part: str) -> bool:
    part = re.sub(r"[{}\\\"'`^~]", "", part)  # accents as LaTeX writes them: M{\\"u}ller is Muller here
    words = part.replace(",", " ").split()
    capitalised = all(w[0].isupper() or w in FAMILY_PARTICLES for w in words) and not all(
        w in FAMILY_PARTICLES for w in words
    )
    whole = len(words) >= 2  # a given and a family name: "Ernst und Young", "Arts et Métiers" are no two people
    return bool(_PERSON.fullmatch(part.strip())) and capitalised and whole and not names_organisation(part)


def name_separators(value: str, names: list[str] | None = None) -> str | list[str]:
    """A name field with separators BibTeX does not know read as BibTeX's ``and``.

    Given the field's text: an organisation whose name holds "and" (:func:`_one_body`) braced whole, one name; a
    list separated by semicolons ("Smith, J.; Doe, A.") joined by "and" instead when it
    has no "and"; a list joined by German "und" (or French "et") throughout (no "and" in it, every part between them a
    person, "Family, Given" or a few capitalised words: "Müller, Hans und Schmidt, Karl") joined by "and"
    instead; an organisation ("Bundesamt für Umwelt und Naturschutz") or braced text stays. Given the names split
    from it (``names``): each without a stray "and" (doubled, opening or closing the list), empty ones dropped, and
    two names a comma joins split (:func:`_two_by_comma`).

    >>> name_separators("Müller, Hans und Schmidt, Karl"), name_separators("Amt für Bau und Verkehr")
    ('Müller, Hans and Schmidt, Karl', 'Amt für Bau und Verkehr')
    >>> name_separators("Ernst und Young"), name_separators("Jean Dupont et Marie Curie")
    ('Ernst und Young', 'Jean Dupont and Marie Curie')
    >>> name_separators("Department of Health and Human Services"), name_separators("Google Research and Ada Quill")
    ('{Department of Health and Human Services}', 'Google Research and Ada Quill')
    >>> name_separators("", ["Bronstein, J. N.", "and Semndljajew, K. A.", "B. Jones and", "and"])
    ['Bronstein, J. N.', 'Semndljajew, K. A.', 'B. Jones']
    """
    if names is not None:
        kept = [_STRAY_AND.sub("", n.strip()) if isinstance(n, str) else n for n in names]
        return [part for n in kept if n and n != "and" for part in _two_by_comma(n)]
    if re.search(r"\sand\s", value):
        return "{" + value.strip() + "}" if _one_body(value) else value
    people = _semicolon_list(value) if ";" in value else []  # "Smith, J.; Doe, A.", as RIS and Word write lists
    if len(people) > 1 or people and value.strip().strip(";") != value.strip():  # one name after a stray ";" too
        return " and ".join(people)
    if not _UND.search(value):
        return value
    parts = _top_level(value, _UND)
    return " and ".join(p.strip() for p in parts) if all(_person_like(p) for p in parts) else value


# a whole name given name first with an initial between its words: "Evelyn J. Boettcher", "Ada Mae B. Quill"
_WHOLE_NAME = re.compile(r"(?:[^\W\d_][^\W\d_A-Z][\w'’-]*\s+){1,2}(?:[A-Z]\.\s*)+[^\W\d_][^\W\d_A-Z][\w'’-]+")


def _two_by_comma(name: Any) -> list[Any]:
    """Two names a comma joins in a list written with "and" ("DALL-E, Evelyn J. Boettcher": a one-word name, then a
    whole name with an initial between its words), as the two; any other name as one ("Bronner, Simon J.", "Wherry,
    E. John": a family name, then given names and initials)."""
    if not isinstance(name, str) or name.count(",") != 1 or "{" in name:
        return [name]
    first, _, second = (part.strip() for part in name.partition(","))
    return [first, second] if len(first.split()) == 1 and _WHOLE_NAME.fullmatch(second) else [name]


# the word heading a body's name, or closing it, standing last in it: "… Atmospheric Administration", "… Human
# Services", "IBM Research", "Google DeepMind"
_BODY_HEAD = re.compile(
    r"(?i)administration|services?|foundation|association|society|council|committee|agency|commission|institute|"
    r"institution|ministry|bureau|office|board|department|cent(?:er|re)s?|laborator(?:y|ies)|organi[sz]ation|"
    r"authority|academy|corporation|survey|affairs|research|team|group|labs?|inc|ltd|llc|corp|company|consortium|"
    r"university|college|school|hospital|institutes|press|ai|deepmind"
)
_PHRASE_WORD = re.compile(r"\s(?:of|for|on|the)\s")  # "Department of Health": no person's name holds it


def _one_body(value: str) -> bool:
    """Whether a name field whose one "and" stands outside braces is one organisation's name, not two persons: the
    part before "and" reads as an organisation (an organisation word, or "of"/"for" inside it) that is not complete
    (its last word heads no body's name: "National Oceanic", "Department of Health", "Centers for Disease Control"),
    and the part after it is one capitalised word or ends with such a head ("Atmospheric Administration", "Human
    Services", "Prevention"). "Google DeepMind and Ada Quill" or "Quill, Ada and National Science Foundation" are
    two."""
    parts = [p.strip() for p in _top_level(value, re.compile(r"\s+and\s+"))]
    if len(parts) != 2 or "," in value or "{" in value or not all(parts):
        return False
    first, second = parts
    words = second.split()
    if not all(w[0].isupper() and not re.fullmatch(r"[A-Z]\.", w) for w in words):
        return False
    body = names_organisation(first) or _PHRASE_WORD.search(f" {first} ") is not None
    return (
        body
        and not _BODY_HEAD.fullmatch(first.split()[-1])
        and (len(words) == 1 or bool(_BODY_HEAD.fullmatch(words[-1])))
    )


# a name written as initials glued to its family name, nothing else: "S.Bolognani" (BibTeX: one word, a family name)
_GLUED_INITIALS = re.compile(r"^\s*((?:[^\W\d_a-z]\.){1,3})(?=[^\W\d_a-z][^\W\d_A-Z]+\s*$)")


def unglued_initials(name: str) -> str:
    """A name of initials glued to the family name with a space after them ("S.Bolognani": "S. Bolognani",
    "J.P.Okoro": "J.P. Okoro"); any other name as it is.

    >>> unglued_initials("S.Bolognani"), unglued_initials("Bolognani, S."), unglued_initials("IEEE.Org")
    ('S. Bolognani', 'Bolognani, S.', 'IEEE.Org')
    """
    return _GLUED_INITIALS.sub(r"\1 ", name)


# a footnote LaTeX writes into a title: "\\thanks{…}", "\\footnote{…}" (and Elsevier's "\\tnoteref{…}"); a closing
# superscript mark: "$^{\\dagger}$", "$^*$", "\\textsuperscript{*}"
_FOOTNOTE_MACRO = re.compile(r"\\(?:thanks|footnote|footnotemark|tnoteref|fnref)\b\s*(?:\[[^\]]*\])?\s*")
_CLOSING_MARK = re.compile(
    r"\s*(?:\$\s*\^\s*\{?\s*(?:\\dagger|\\ddagger|\\dag|\\ddag|\\ast|\\star|\*+)\s*\}?\s*\$"
    r"|\\textsuperscript\s*\{\s*(?:\*+|\\dag(?:ger)?|\\ddag(?:ger)?|\\ast)\s*\})\s*$"
)
# a closing superscript number is a footnote's only after a word of three letters or more ("Ice Models$^{1}$"); a
# unit's or a formula's exponent stays ("500 km$^2$", "in L$^2$", "Sobolev Spaces H\\textsuperscript{1}")
_CLOSING_NUMBER = re.compile(
    r"(?<![^\s{])([^\W\d_]{3,}\}*)\s*(?:\$\s*\^\s*\{?\s*\d{1,2}\s*\}?\s*\$|\\textsuperscript\s*\{\s*\d{1,2}\s*\})\s*$"
)


def footnotes_dropped(title: str) -> str:
    """A BibTeX title without the footnotes LaTeX writes into it (``\\thanks{Supported by …}``, ``\\footnote{…}``,
    their argument whole) and without a closing superscript mark (``Deep Nets$^{\\dagger}$``, ``\\textsuperscript{*}``).

    >>> footnotes_dropped("Deep Nets$^*$"), footnotes_dropped("The $A^*$ Algorithm")
    ('Deep Nets', 'The $A^*$ Algorithm')
    """
    out = title
    while m := _FOOTNOTE_MACRO.search(out):
        end = m.end()
        if end < len(out) and out[end] == "{":
            depth = 0
            for end in range(m.end(), len(out)):
                depth += (out[end] == "{") - (out[end] == "}")
                if depth == 0:
                    break
            end += 1
        out = out[: m.start()] + out[end:]
    return _CLOSING_NUMBER.sub(r"\1", _CLOSING_MARK.sub("", out))
