"""Titles and abstracts read from BibTeX show their math as paperlab.latex.readable reads it (R5, session 12: the
cards showed "𝐱^(i)" and "10^-3" for a BibTeX abstract while the same LaTeX from arXiv read "𝐱⁽ⁱ⁾", "10⁻³"): the
BibTeX reader, which decodes LaTeX itself, now turns simple super- and subscripts of math into Unicode too.
Data: our own small BibTeX entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.latex import readable
from paperlab.paper import Paper

TEXTS = [
    r"Auto-encoding $\mathbf{x}^{(i)}$ with a bound $\mathcal{L}(\theta, \phi; \mathbf{x}^{(i)})$",
    r"An error of $10^{-3}$ at $90^\circ$ with $\alpha_2$ and $x^2$",
    r"Denoising with $\epsilon$-prediction and $\mathcal{O}(T)$ steps",
]


@pytest.mark.parametrize("raw", TEXTS)
def test_bibtex_titles_and_abstracts_read_as_readable_gives_them(raw: str, tmp_path: Path) -> None:
    bib = tmp_path / "math.bib"
    bib.write_text(
        f"@article{{k, title = {{{raw}}}, author = {{Quill, Ada}}, year = {{2024}},\n"
        f"  abstract = {{We study a long enough abstract to be decoded piece by piece: {raw}. It works.}}}}\n",
        encoding="utf-8",
    )
    (paper,) = paperlab.load(str(bib))
    assert paper.title == readable(raw)
    assert paper.abstract == readable(f"We study a long enough abstract to be decoded piece by piece: {raw}. It works.")
    assert "^" not in paper.title and "^" not in paper.abstract
    # what a card shows: the same text as a paper whose raw LaTeX came from arXiv
    from_arxiv = Paper(raw, arxiv_id="2401.00001")
    assert paper.to_dict()["title"] == from_arxiv.to_dict()["title_text"] == paper.shown_title


def test_the_vae_abstract_as_the_cards_show_it(tmp_path: Path) -> None:
    bib = tmp_path / "vae.bib"
    bib.write_text(
        "@inproceedings{kingma2014vae, title = {Auto-Encoding Variational Bayes},\n"
        "  author = {Kingma, Diederik P. and Welling, Max}, year = {2014},\n"
        "  abstract = {We show that a reparameterization of the variational lower bound "
        r"$\mathcal{L}(\theta, \phi; \mathbf{x}^{(i)})$ yields an estimator, where $p_\theta(\mathbf{z}|\mathbf{x})$"
        " is intractable.}}\n",
        encoding="utf-8",
    )
    (paper,) = paperlab.load(str(bib))
    assert "ℒ(θ, ϕ; 𝐱⁽ⁱ⁾)" in paper.abstract and "𝐱^(i)" not in paper.abstract
