"""bm25s stays behind BM25Ranker: its internals (``bm25_``, ``vocab_dict``, ``get_scores``) are read only in
paperlab/search/lexical.py, and the ranker's term-level answers agree with whole-query scores."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from paperlab.search.lexical import BM25Ranker

PACKAGE = Path(__file__).resolve().parents[1] / "paperlab"
INTERNALS = re.compile(r"\.bm25_\b|\bvocab_dict\b|\bget_scores\(")

TEXTS = [
    "Contrastive learning pulls positive pairs together",
    "Diffusion models denoise images step by step",
    "Contrastive losses for speech and images",
    "Graph neural networks pass messages",
]


def test_only_lexical_py_reads_bm25s_internals() -> None:
    readers = sorted(
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "lexical.py" or path.parent.name != "search"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INTERNALS.search(line)
    )
    assert readers == []


def test_term_scores_and_has_term_answer_for_stemmed_terms() -> None:
    ranker = BM25Ranker().fit(TEXTS)
    stems = ranker.tokenizer_("contrastive images")
    assert all(ranker.has_term(t) for t in stems) and not ranker.has_term("zeppelin")
    together = ranker.term_scores(stems)
    np.testing.assert_allclose(together, ranker.scores("contrastive images"), rtol=1e-6)
    assert together[2] > together[0] > 0 and together[3] == 0  # paper 2 has both words, paper 3 neither
    np.testing.assert_array_equal(ranker.term_scores(["zeppelin"]), np.zeros(4, dtype=np.float32))
    assert ranker.term_scores([*stems, "zeppelin"]).tolist() == together.tolist()  # unknown terms count for nothing
