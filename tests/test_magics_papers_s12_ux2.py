"""``%papers QUERY --source FILE`` shows the file's papers ranked for QUERY, as if the query was typed in their cards
(R5's finding 4: it showed the hits only, so the status line said "1 result · 1 paper" of a 10-paper file and its
"Show 3 weaker matches" searched that one paper again). Our own 10-paper BibTeX file, written by the test."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from paperlab.widget import PaperCards, active_library, set_active_library

_PAPERS = [
    (
        "ddpm",
        "Denoising Diffusion for Image Synthesis",
        "A diffusion model generates images by denoising noise step by step; image synthesis quality beats GANs.",
    ),
    (
        "ldm",
        "Latent Diffusion for High-Resolution Image Synthesis",
        "We run the diffusion process in a latent space, which makes image synthesis at high resolution cheap.",
    ),
    (
        "adam",
        "A Method for Stochastic Optimization",
        "We introduce an optimizer for gradient descent with adaptive moment estimates of the gradients.",
    ),
    (
        "resnet",
        "Residual Learning for Image Recognition",
        "Residual connections let very deep convolutional networks train; we win an image classification benchmark.",
    ),
    (
        "bert",
        "Bidirectional Transformers for Language Understanding",
        "We pre-train a transformer encoder on masked words and fine-tune it on language tasks.",
    ),
    (
        "gan",
        "Adversarial Nets",
        "A generator and a discriminator play a game; the generator learns to produce realistic photographs.",
    ),
    (
        "vae",
        "Variational Auto-Encoding",
        "A variational lower bound and a reparameterization trick train a generative model of pictures with latent variables.",
    ),
    (
        "lora",
        "Low-Rank Adaptation of Language Models",
        "We freeze the weights of a large language model and train small low-rank matrices instead.",
    ),
    (
        "clip",
        "Visual Models from Language Supervision",
        "Images and their captions train an image encoder and a text encoder with a contrastive loss.",
    ),
    (
        "dropout",
        "Dropout Against Overfitting",
        "Randomly dropping units during training keeps neural networks from overfitting.",
    ),
]


@pytest.fixture
def shell():
    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    yield ip
    set_active_library(None)


@pytest.fixture
def refs(tmp_path: Path) -> Path:
    entries = [
        f"@article{{{key},\n  title = {{{title}}},\n  author = {{Quill, Ada and Renn, Bo}},\n  year = {{20{i + 10}}},\n"
        f"  abstract = {{{abstract}}}\n}}\n"
        for i, (key, title, abstract) in enumerate(_PAPERS)
    ]
    path = tmp_path / "refs.bib"
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def _run(ip: InteractiveShell, code: str) -> PaperCards:
    result = ip.run_cell(code, store_history=False)
    result.raise_error()
    assert isinstance(result.result, PaperCards)
    return result.result


def test_a_search_of_a_file_shows_the_whole_file_ranked(shell, refs: Path) -> None:
    cards = _run(shell, f"%papers diffusion image synthesis --source {refs} --mode lexical")
    # the status line's "N papers" is the searched file's 10, the ranking its hits
    assert len(cards.papers) == 10 and len(active_library()) == 10
    assert cards.query == "diffusion image synthesis"
    ranked = sorted(cards.scores, key=lambda pid: -cards.scores[pid])
    titles = {p["id"]: p["title"] for p in cards.papers}
    assert {titles[pid] for pid in ranked[:2]} == {_PAPERS[0][1], _PAPERS[1][1]}
    assert len(cards.scores) < 10


def test_the_weaker_matches_of_a_file_search_come_from_that_file(shell, refs: Path) -> None:
    cards = _run(shell, f"%papers diffusion image synthesis --source {refs} -k 10")
    deadline = time.monotonic() + 120  # the file is embedded in the background, as for any cards
    while cards.embedding_progress.get("state") != "done" and time.monotonic() < deadline:
        time.sleep(0.2)
    first = cards.handle_message({"type": "search", "query": "diffusion image synthesis"})
    assert first["ok"] and first["below"] >= 1, first  # the status line offers "Show 1 weaker match"
    answer = cards.handle_message({"type": "search", "query": "diffusion image synthesis", "weaker": True})
    assert answer["ok"], answer
    library_ids = {p["id"] for p in cards.papers}
    assert len(library_ids) == 10
    weaker = cards.search_weaker.get("ids", [])
    # "Show N weaker matches" lists papers of the file under the cut-off, not the hits again
    assert weaker and set(weaker) <= library_ids
    assert set(weaker) & set(cards.scores) == set(weaker)  # shown, after the others
    assert len(cards.scores) > len(weaker)
