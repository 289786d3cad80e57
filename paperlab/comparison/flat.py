"""A sentence as extraction reads it: the LaTeX and HTML of numbers undone, on one line."""

from __future__ import annotations

import html
import re
from decimal import Decimal

__all__ = ["flat_sentence"]

# LaTeX in abstracts: "77\%", "2.2$\times$", "\textbf{99\%}", "$25.72^\circ$", "$4\% \text{ to } 15\%$", "88.1~\%",
# "\SI{95.2}{\percent}"
_LATEX_SUBS = [
    (re.compile(r"\\(?:textbf|textit|emph|mathbf|mathrm|text|bf|it|mathit|underline)\s*\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\SI\s*\{([^{}]*)\}\s*\{\\percent\}"), r"\1%"),  # siunitx: "\SI{95.2}{\percent}"
    (re.compile(r"\\(?:SI|num)\s*\{([^{}]*)\}(?:\s*\{[^{}]*\})?"), r"\1"),
    (re.compile(r"\\percent(?![a-zA-Z])"), "%"),
    (re.compile(r"(?<=\d)~(?=\\?%)"), ""),  # a tie: "88.1~\%"
    (re.compile(r"\^?\s*\{?\\circ\}?|\{?\\deg\}?"), "°"),
    (re.compile(r"\\times(?![a-zA-Z])"), "×"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\pm(?![a-zA-Z])"), "±"),
    (re.compile(r"\\(?:sim|approx|textasciitilde)(?![a-zA-Z])"), "~"),  # "\textasciitilde81%" (glued)
    (re.compile(r"\\textgreater(?![a-zA-Z])"), ">"),  # "{\textgreater}95{\%}"
    (re.compile(r"\\textless(?![a-zA-Z])"), "<"),
    (re.compile(r"\\(?:uparrow|Uparrow)(?![a-zA-Z])"), "↑"),  # "$7.4\% \uparrow$": a gain
    (re.compile(r"\\(?:downarrow|Downarrow)(?![a-zA-Z])"), "↓"),
    (re.compile(r"\\[lg]eq?(?![a-zA-Z])"), ""),
    (re.compile(r"\\[,;! ]"), " "),
]


def _plain(text: str) -> str:
    """A sentence with the LaTeX of numbers undone: commands unwrapped, ``$`` and braces dropped, ``\\%`` → ``%``."""
    if "\\" not in text and "$" not in text:
        return text
    for _ in range(3):  # nested \textbf{\textit{...}}
        for rx, rep in _LATEX_SUBS[:1]:
            text = rx.sub(rep, text)
    for rx, rep in _LATEX_SUBS[1:]:
        text = rx.sub(rep, text)
    return re.sub(r"(?<!\\)[${}]", "", text)


# a multiple written with the x before its number: "x3.5 to x14 less data", "(x1.02 and x1.11)" (a decimal, or a
# comparison after it; not a name such as "x86", "x265")
_X_BEFORE = re.compile(
    r"(?<![\w.\-/])[xX](?=\d+\.\d+(?![\w.])|\d{1,3}\s+(?:less|more|fewer|faster|slower|higher|lower|smaller|larger|"
    r"cheaper|speed-?ups?)\b)"
)


# number shapes written another way: "5.223 × 10^-2" (scientific notation) is 0.05223; ".01823" and "-.0026" lack
# their leading zero; "67.5%~74.4%" is a range; an upper-case multiple "2X-3X" is "2×-3×" (its range end is read)
_SCIENTIFIC = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*[×x]\s*10\s*\^\s*([-−+]?\d{1,2})(?![\d.])")
_NUMBER_SHAPES = [
    (re.compile(r"(?:^|(?<=[\s(\[=:<>~≈±+\-−]))\.(?=\d)"), "0."),
    (re.compile(r"(?:(?<=\d)|(?<=\d[%×xX]))\s*~\s*(?=[+−-]?\.?\d)"), "–"),
    (re.compile(r"(?<=\d)X(?=[\s\-–—~,;:.)]|$)"), "×"),
    (re.compile(r"(?<=\d[×x])-(?=\d)"), "–"),  # "2×-3×": a range of multiples, not a negative second end
]


def _scientific(m: re.Match[str]) -> str:
    return format(Decimal(m.group(1)).scaleb(int(m.group(2).replace("−", "-"))), "f")


def _number_shapes(text: str) -> str:
    """``text`` with numbers in scientific notation, without their leading zero or in a "~" range rewritten."""
    text = _SCIENTIFIC.sub(_scientific, text) if "^" in text else text
    for rx, rep in _NUMBER_SHAPES:
        text = rx.sub(rep, text)
    return text


def flat_sentence(sent: str) -> str:
    """A sentence as extraction reads it: LaTeX of numbers undone, bold marks dropped, one line, "9--52" → "9–52"."""
    text = html.unescape(sent) if "&" in sent else sent  # "100&#x0025;" in records from HTML pages
    text = re.sub(r"(?<=\d)--(?=[+−]?\d)", "–", " ".join(_plain(text).replace("**", "").split()))
    text = _number_shapes(text)
    return _X_BEFORE.sub("×", text) if "x" in text or "X" in text else text
