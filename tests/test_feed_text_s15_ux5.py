"""``paperlab feed`` in an 80-column terminal (a researcher's morning, session 15): each pick's title and its
reasons are wrapped under the pick's number with words kept whole, instead of a 200-character line the terminal
breaks anywhere; one pick is "1 paper"; a paper rated up says why ("you said more like this") in words too.

Papers: our own small BibTeX files written for this test (saved papers on speech recognition, new candidates).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

SAVED = r"""
@article{chen2023sparse, title = {Sparse Mixture-of-Experts Routing for Low-Resource Speech Recognition},
  author = {Chen, Li and Okafor, Ada}, year = {2023}, eprint = {2305.01234},
  abstract = {We route each audio frame to two of 16 experts and reduce word error rate on low-resource languages.}}
@article{kim2022lm, title = {Shallow Fusion of Large Language Models for ASR Rescoring}, author = {Kim, Soo-jin},
  year = {2022}, eprint = {2207.03333},
  abstract = {Rescoring n-best lists with a language model reduces word error rate on conversational speech.}}
@article{nguyen2023tok, title = {Byte-Level Tokenizers Hurt Tonal Languages}, author = {Nguyen, Thi Mai},
  year = {2023}, eprint = {2310.11111},
  abstract = {On Vietnamese and Thai, byte-level tokenization raises word error rate compared to syllable units.}}
"""
NEW = r"""
@article{c1, title = {Mixture-of-Experts for Multilingual Speech Recognition at Scale: Sparse Routing Across
  One-Hundred Low-Resource Languages}, author = {Wu, Hao}, year = {2026}, eprint = {2611.00001},
  abstract = {We scale sparse experts to 100 languages and reduce word error rate on low-resource speech.}}
@article{c2, title = {Tone-Aware Tokenization for Vietnamese Speech Recognition}, author = {Tran, Minh},
  year = {2026}, eprint = {2611.00003},
  abstract = {Syllable tokens with tone marks lower word error rate on Vietnamese and Thai speech.}}
"""
ARGS = ["feed", "--today", "2026-11-30", "--no-remember"]


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("COLUMNS", "80")
    saved, new = tmp_path / "saved.bib", tmp_path / "new.bib"
    saved.write_text(SAVED, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert main(["import", str(saved), "--list", "asr"]) == 0
    return saved, new


def test_feed_text_fits_80_columns_with_words_whole(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main([*ARGS, "--from-library", str(files[1])]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Morning feed 2026-11-30: 2 papers (0 shown before, not repeated)"
    assert max(len(line) for line in lines) <= 80, out
    assert lines[1].startswith("  1. Mixture-of-Experts for Multilingual Speech")
    assert all(line.startswith("     ") for line in lines[2:] if not line.startswith("  2. ")), out
    words = " ".join(line.strip() for line in lines)
    assert "One-Hundred" in words and "(2611.00001)" in words  # a hyphenated word and the id never split
    assert "close to" in words


def test_one_pick_is_one_paper_and_a_thumb_up_says_so(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    one = files[1].with_name("one.bib")
    one.write_text(NEW.split("@article{c2")[0], encoding="utf-8")
    capsys.readouterr()
    assert main([*ARGS, "--from-library", str(one), "--up", "2611.00001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Morning feed 2026-11-30: 1 paper (0 shown before")
    assert "[+]" in out and "you said more like this" in " ".join(out.split())
