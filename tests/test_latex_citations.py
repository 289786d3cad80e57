"""Citations and cross-references in readable text (walkthrough #17): pylatexenc's defaults turned ``\\cite{foo}``
into "<cit.>" and ``\\ref{fig:1}`` into "<ref>"; paperlab's macro specs show a citation as "[foo]" (with its
notes) and a reference as its label. Our own strings; the keys are untrusted text, escaped where they land."""

from __future__ import annotations

import pytest

from paperlab import Paper
from paperlab.latex import readable


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (r"as shown in \cite{vaswani2017}, attention", "as shown in [vaswani2017], attention"),
        (r"baselines \citep{a2019,b2020} fail", "baselines [a2019, b2020] fail"),
        (r"\citet[p.~3]{smith}", "[smith, p. 3]"),
        (r"\citep[see][ch.~2]{smith}", "[see smith, ch. 2]"),
        (r"\cite*{a}", "[a]"),
        (r"biblatex \parencite{k_1} and \textcite{k2}", "biblatex [k_1] and [k2]"),
        (r"in Table~\ref{tab:main}", "in Table~tab:main"),  # the ~ between pieces is kept as written
        (r"Eq. \eqref{eq:loss} and \autoref{sec:exp}, \cref{fig:a}", "Eq. (eq:loss) and sec:exp, fig:a"),
        (r"on page \pageref{p:7}", "on page p:7"),
        (r"an empty \cite{} stays", r"an empty \cite{} stays"),
        (r"77\% better \cite{x}", "77% better [x]"),
    ],
)
def test_citations_and_references_read_as_a_reader_expects(written: str, shown: str) -> None:
    assert readable(written) == shown
    assert "<cit.>" not in readable(written) and "<ref>" not in readable(written)


def test_a_hostile_key_is_text_in_every_renderer() -> None:
    payload = "<img src=x onerror=alert(1)>"
    p = Paper("A Title Citing \\cite{x}", abstract=f"We extend \\cite{{{payload}}} to tables.")
    assert p.shown_title == "A Title Citing [x]"
    assert p.shown_abstract == f"We extend [{payload}] to tables."
    html = p.to_html()
    assert payload not in html and "[&lt;img src=x onerror=alert(1)&gt;]" in html
    assert p.to_dict()["abstract_text"] == f"We extend [{payload}] to tables."  # the wire's readable form
