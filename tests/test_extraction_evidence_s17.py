"""The evidence column of extracted results is the sentence as a reader reads it: arXiv abstracts write numbers in
LaTeX, and ``lib.results()`` / ``extract_results`` showed the raw '$\\textbf{...}$' in a DataFrame (seen using the
product on the demo corpus)."""

from __future__ import annotations

import paperlab
from paperlab import Paper
from paperlab.compare import extract_results


def test_evidence_shows_the_sentence_without_latex() -> None:
    rows = extract_results(r"Our new $\textbf{Heron}$ model improves accuracy by 25\% over a $2.2\times$ larger one.")
    assert list(rows["value"])[:1] == [25.0]
    evidence = rows["evidence"].iloc[0]
    assert evidence == "Our new Heron model improves accuracy by 25% over a 2.2× larger one."


def test_library_results_evidence_is_readable_too() -> None:
    lib = paperlab.Library(
        [Paper(id="2401.00009", title="Heron", abstract=r"We reach \textbf{81.5\%} top-1 accuracy on ImageNet.")]
    )
    frame = lib.results()
    assert list(frame["value"]) == [81.5]
    assert frame["evidence"].iloc[0] == "We reach 81.5% top-1 accuracy on ImageNet."
