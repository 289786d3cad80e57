"""The readable form of a text that holds LaTeX: ``77\\%`` as ``77%``, ``2.2$\\times$`` as ``2.2×``.

Titles and abstracts keep the form their source wrote (arXiv writes numbers and markup in LaTeX); cards,
tables, the command line and search show and index :func:`readable`. Only the LaTeX is decoded (by pylatexenc):
a text without any is returned as it is without parsing, and the words between LaTeX pieces are never touched, so
a URL's ``~`` or ``_``, a bare ``%`` or a ``{`` in plain prose stay as written.

Model layer: imports nothing of ours.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

__all__ = [
    "TEXT_SYMBOLS",
    "glued_accidentals",
    "has_latex",
    "latex_name",
    "math_scripts",
    "math_symbol",
    "readable",
    "unglue_macros",
]

# Where LaTeX can occur: a macro (``\times``, ``\%``, ``\'e``, ``\[``) or a $...$ math span.
_HINT = re.compile(r"\\[A-Za-z%&$#_{}'`\"^~=. \[]|\$(?=\S)[^$\n]{0,300}?(?<=\S)\$(?!\d)")
_ARG = r"\{(?:[^{}\n]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})*\}"  # a {group}, up to three levels deep
# The LaTeX pieces decoded; everything between them is kept as written.
_PIECE = re.compile(
    r"\$\$[^$\n]{1,300}\$\$|\\\[[^\n]{1,400}?\\\]"  # display math
    r"|\$(?=\S)[^$\n]{0,300}?(?<=\S)\$(?!\d)"  # inline math (as pandoc reads it: not "$5 and $6")
    r"|\{[^{}\n]{0,80}\\[A-Za-z][^{}\n]{0,80}\}"  # a group around a macro: {\tau}, {\em x}
    rf"|\\[A-Za-z]+\*?(?:\[[^\]\n]{{0,80}}\]){{0,2}}(?:{_ARG})*"  # a macro, its arguments: \textbf{99\%}
    r"|\\[`'\"^~=.](?:\{[A-Za-z]?\}|[A-Za-z])"  # an accent: \'e, \"{o}
    r"|\\[%&$#_{} ]"  # an escaped special: \%, \&, \_
)
_SUPERSCRIPT = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_MACRO = re.compile(r"\\[A-Za-z]")
_LINK = re.compile(r"\\(?:url|nolinkurl)\{([^{}\n]*)\}|\\href\{[^{}\n]*\}(\{.*\})")
_BARE_PERCENT = re.compile(r"(?<!\\)%")
# a degree sign written as a superscript circle: "$90^\circ$", "$1^{\circ}$"
_DEGREE = re.compile(r"\^\s*(?:\{\s*\\circ\s*\}|\\circ(?![A-Za-z]))")
_SCRIPT = re.compile(r"([\^_])(?:\{([0-9+\-=()ni]{1,8})\}|([0-9ni]))")
# natbib's and biblatex's citations, and cross-references: shown as "[key]" and as their label
_CITES: tuple[str, ...] = ("cite", "citep", "citet", "citealp", "citealt", "Citep", "Citet", "citeauthor")
_CITES += ("citeyear", "parencite", "Parencite", "textcite", "Textcite", "autocite", "Autocite", "footcite")
_REFS = ("ref", "eqref", "autoref", "Autoref", "cref", "Cref", "pageref", "nameref", "vref")
#: LaTeX's text symbols (the LaTeX2e kernel's and textcomp's) that pylatexenc reads as nothing: ``{\textbar}`` is a
#: bar between two words ("Report {\textbar} UNEP"), not a gap that runs them together. Every LaTeX decoder of
#: paperlab (this module's, BibTeX's) knows them.
TEXT_SYMBOLS: dict[str, str] = {
    "textbar": "|",
    "textbardbl": "‖",
    "textless": "<",
    "textgreater": ">",
    "textunderscore": "_",
    "textquotedbl": '"',
    "textminus": "−",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textpercent": "%",
    "textampersand": "&",
    "textperiodcentered": "·",
    "textvisiblespace": "␣",
}


def has_latex(text: str | None) -> bool:
    """Whether ``text`` holds anything :func:`readable` would decode (the fast path's test)."""
    if not text or ("\\" not in text and "$" not in text):
        return False  # every hint starts with a backslash or a dollar: 25x faster on plain abstracts than the regex
    return _HINT.search(text) is not None


def _keys(node: Any) -> str:
    """The keys of a citation or the label of a reference as written: ``{a,b}`` as ``a, b``."""
    args = node.nodeargd.argnlist if node.nodeargd else []
    group = args[-1] if args else None
    written = group.latex_verbatim() if group is not None else ""
    written = written[1:-1] if written.startswith("{") else written
    return ", ".join(k.strip() for k in written.split(",") if k.strip())


def _citation(node: Any, l2tobj: Any) -> str:
    r"""A citation as a reader of the text expects it: ``\cite{a,b}`` as ``[a, b]``, ``\citep[see][p.~3]{a}`` as
    ``[see a, p. 3]`` (pylatexenc's default is ``<cit.>``)."""
    keys = _keys(node)
    args = node.nodeargd.argnlist if node.nodeargd else []
    notes = [" ".join(l2tobj.nodelist_to_text(a.nodelist).split()) for a in args[1:-1] if a is not None]
    notes = [n for n in notes if n]
    pre, post = (notes if len(notes) == 2 else ["", *notes]) if notes else ("", "")
    return f"[{pre + ' ' if pre else ''}{keys}{', ' + post if post else ''}]" if keys else ""


def _reference(node: Any, macroname: str) -> str:
    r"""A cross-reference as its label: ``\ref{fig:1}`` as ``fig:1``, ``\eqref{eq:2}`` as ``(eq:2)`` (pylatexenc's
    default is ``<ref>``)."""
    label = _keys(node)
    return f"({label})" if label and macroname == "eqref" else label


@functools.lru_cache(maxsize=1)
def _decoder() -> Any:
    """pylatexenc's decoder (a function of a LaTeX piece), built on first use (``import paperlab`` stays light)."""
    from pylatexenc import latex2text, latexwalker
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
    from pylatexenc.macrospec import MacroSpec

    db = latex2text.get_default_latex_context_db()
    db = db.filter_context(keep_categories=[])  # a copy: the shared default is not changed
    # macros whose text pylatexenc would drop (it knows their argument but has no text for them)
    shown = ("texttt", "textsf", "textup", "textsl", "textmd", "mbox", "hbox")
    macros = [MacroTextSpec(name, "%s") for name in shown]
    macros += [MacroTextSpec(name, symbol) for name, symbol in TEXT_SYMBOLS.items()]
    macros += [MacroTextSpec(name, _citation) for name in _CITES]
    macros += [MacroTextSpec(name, _reference) for name in _REFS]
    db.add_context_category("paperlab", prepend=True, macros=macros)
    # the parser's arguments of the citation and reference macros it does not know (biblatex's, \pageref...)
    parsing = latexwalker.get_default_latex_context_db().filter_context(keep_categories=[])
    specs = [MacroSpec(name, "*[[{") for name in _CITES] + [MacroSpec(name, "{") for name in _REFS]
    parsing.add_context_category("paperlab", prepend=True, macros=specs)
    decoder = LatexNodes2Text(latex_context=db, math_mode="text", keep_braced_groups=False)
    return lambda piece: decoder.latex_to_text(piece, latex_context=parsing)


def _scripts(math: str) -> str:
    """Simple super- and subscripts of a math span as Unicode: ``10^{-3}`` as ``10⁻³``, ``x_2`` as ``x₂``."""

    def repl(m: re.Match[str]) -> str:
        body = m.group(2) or m.group(3)
        if m.group(1) == "_":
            return body.translate(_SUBSCRIPT) if body.isascii() and not set(body) & set("ni") else m.group(0)
        return body.translate(_SUPERSCRIPT)

    return _SCRIPT.sub(repl, _DEGREE.sub("°", math))


_MATH_SPAN = re.compile(r"\$\$[^$\n]{1,300}\$\$|\$(?=\S)[^$\n]{0,300}?(?<=\S)\$(?!\d)")


def math_scripts(text: str) -> str:
    """``text`` with the simple super- and subscripts of its ``$...$`` math as Unicode, the rest as written: for a
    reader with its own LaTeX decoder (BibTeX's), so that ``$\\mathbf{x}^{(i)}$`` reads as :func:`readable` gives it
    (``𝐱⁽ⁱ⁾``), not ``𝐱^(i)``.

    >>> math_scripts("bound $L(x^{(i)})$ at 10^{-3}")
    'bound $L(x⁽ⁱ⁾)$ at 10^{-3}'
    """
    return _MATH_SPAN.sub(lambda m: _scripts(m.group(0)), text) if "$" in text else text


def _decode(m: re.Match[str]) -> str:
    link = _LINK.fullmatch(m.group(0))
    if link:  # a URL is verbatim (its ~ and _ are themselves); a link shows its text
        return link.group(1) if link.group(1) is not None else readable(link.group(2)[1:-1])
    piece = _BARE_PERCENT.sub(r"\\%", m.group(0))  # a percent sign, not a LaTeX comment
    math = piece.startswith(("$", "\\["))
    if math:
        piece = _scripts(piece)
    try:
        text = str(_decoder()(piece))
    except Exception:  # pylatexenc gives up on malformed LaTeX: keep the piece as written
        return m.group(0)
    if math:
        text = " ".join(text.split())
    # a macro pylatexenc does not know (an author's own \\name) becomes nothing: keep it as written
    return text if text.strip() or _MACRO.search(piece) is None else m.group(0)


_GLUED = re.compile(r"\\(text[a-z]{2,}[A-Za-z]+)")


@functools.lru_cache(maxsize=1)
def _text_symbols() -> frozenset[str]:
    """pylatexenc's text symbol macros (``\\textendash``, ``\\textquoteright``: no argument, a fixed text)."""
    from pylatexenc import latex2text

    return frozenset(
        m.macroname
        for m in latex2text.get_default_latex_context_db().iter_macro_specs()
        if m.macroname.startswith("text") and isinstance(m.simplify_repl, str) and "%" not in m.simplify_repl
    ) | frozenset(TEXT_SYMBOLS)


def unglue_macros(text: str) -> str:
    """A text symbol macro glued to the next word's letters, as some exports write it (``Klippel\\textendashTrenaunay``,
    ``V\\textquoterightlčkova``: LaTeX would read one unknown macro), ended with ``{}``: ``\\textendash{}Trenaunay``.
    The longest known symbol macro the letters start with is taken; a macro that is known whole stays as written."""
    if "\\text" not in text:
        return text
    symbols = _text_symbols()

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in symbols:
            return m.group(0)
        for end in range(len(name) - 1, 5, -1):
            if name[:end] in symbols:
                return f"\\{name[:end]}{{}}{name[end:]}"
        return m.group(0)

    return _GLUED.sub(repl, text)


@functools.lru_cache(maxsize=8192)
def readable(text: str) -> str:
    """``text`` with its LaTeX decoded to Unicode; ``text`` itself when it holds none.

    Examples
    --------
    >>> readable(r"77\\% fewer steps, 2.2$\\times$ faster, \\textbf{99\\%} recall")
    '77% fewer steps, 2.2× faster, 99% recall'
    >>> readable("plain text, 50% of it, see https://x.org/~a_b")
    'plain text, 50% of it, see https://x.org/~a_b'
    """
    if not has_latex(text):
        return text
    return glued_accidentals(_PIECE.sub(_decode, unglue_macros(text)))  # "C$^\\sharp$": "C♯"


# a note's or a language's sharp or flat set apart from its letter: "C ♯" ("$C \sharp$"), "C^♯" ("C$^\sharp$")
_ACCIDENTAL = re.compile(r"(?<![^\W\d_])([A-G])\s?\^?\s?([♯♭♮])(?![^\W\d_])")


def glued_accidentals(text: str) -> str:
    """``text`` with a sharp, flat or natural set right after its letter, as it is read: "C ♯" and "C^♯" as "C♯"
    (a language's or a key's name), "B ♭" as "B♭"; a sign alone ("♯P-hard") as it is.

    >>> glued_accidentals("Adding types to C ♯ and F^♯ minor, ♯P")
    'Adding types to C♯ and F♯ minor, ♯P'
    """
    return _ACCIDENTAL.sub(r"\1\2", text) if any(c in text for c in "♯♭♮") else text


@functools.lru_cache(maxsize=256)
def math_symbol(name: str) -> str | None:
    """The symbol a math macro without arguments stands for (pylatexenc's table): ``sharp`` "♯", ``alpha`` "α",
    ``infty`` "∞"; None for any other name (a text macro, a letter's accent such as ``ss`` or ``l``, an unknown one).

    >>> math_symbol("sharp"), math_symbol("ell"), math_symbol("textbf"), math_symbol("ss")
    ('♯', 'ℓ', None, None)
    """
    from pylatexenc import latex2text

    spec = latex2text.get_default_latex_context_db().get_macro_spec(name)
    sign = getattr(spec, "simplify_repl", None)
    if not isinstance(sign, str) or len(sign) != 1 or sign.isascii():
        return None
    kind = unicodedata.name(sign, "")
    return sign if unicodedata.category(sign)[0] != "L" or "GREEK" in kind or "SCRIPT" in kind else None


_CASE_BRACES = re.compile(r"(?<!\\)[{}]")


def latex_name(name: str) -> str:
    r"""A person's or an organisation's name as text: its LaTeX accents decoded and the braces that only keep its case
    or keep it whole dropped, as BibTeX prints it (NASA ADS and other exports write names so in JSON and RIS too).

    >>> latex_name("Br{\\v{c}}ek, Adam"), latex_name("Nicol{\\'a}s Rodr{\\'\\i}guez"), latex_name("{World Health Organization}")
    ('Brček, Adam', 'Nicolás Rodríguez', 'World Health Organization')
    """
    if "{" not in name and "\\" not in name:
        return name
    text = readable(name) if has_latex(name) else name
    return " ".join(_CASE_BRACES.sub("", text).split())
