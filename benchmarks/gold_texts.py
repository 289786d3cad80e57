"""Texts for gold sets that name their sentences instead of copying them.

The v8 gold sets (``data/extraction_gold_v8_dev.json``, ``data/extraction_gold_v8_test.json``) hold no third-party
text: each sentence names its public source (``source``: repo, path, commit), its ``record`` (the arXiv id), its
index in :func:`split_sentences` of that record's abstract (``sentence``) and the sha1 of the sentence with runs of
whitespace collapsed (``sha1``). :func:`attach_texts` fills each sentence's ``text`` back in from a JSON-lines file
of abstracts (one object per line with ``record`` and ``abstract``), checking every sha1.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["GoldTextError", "abstract_files", "attach_texts", "read_abstracts", "sentence_sha1", "split_sentences"]

# a full stop after these does not end a sentence
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "fig.", "figs.", "eq.", "eqs.", "approx.", "cf.", "etc.", "resp.")
# an end mark, then white space, then what can open a sentence
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[$\\])")


class GoldTextError(LookupError):
    """Gold sentences whose text the abstracts file cannot give back (named one by one)."""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def sentence_sha1(sentence: str) -> str:
    """The sha1 (hex) of a sentence with runs of white space collapsed to one space."""
    return hashlib.sha1(_collapse(sentence).encode("utf-8")).hexdigest()


def split_sentences(abstract: str) -> list[str]:
    """Sentences of an abstract, white space collapsed.

    A sentence ends at ``.``, ``!`` or ``?`` followed by white space and a capital letter, a digit, a quote, an
    opening bracket, ``$`` or a backslash; never after an abbreviation such as "e.g.", "et al." or "vs.".
    """
    text = _collapse(abstract)
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start : match.start()].lower()
        if head.endswith(_ABBREVIATIONS):
            continue
        sentences.append(text[start : match.start()])
        start = match.end()
    if text[start:]:
        sentences.append(text[start:])
    return sentences


def read_abstracts(path: Path) -> dict[str, str]:
    """The abstracts of a JSON-lines file, by record (one object per line with ``record`` and ``abstract``)."""
    abstracts: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                abstracts[str(row["record"])] = str(row["abstract"])
            except (ValueError, KeyError, TypeError) as err:
                raise GoldTextError(f"{path}:{number}: not a JSON object with 'record' and 'abstract' ({err})") from err
    return abstracts


def _text_of(sentence: dict[str, Any], abstracts: dict[str, str]) -> tuple[str | None, str]:
    record, index, sha1 = sentence.get("record"), sentence.get("sentence"), sentence.get("sha1")
    where = f"record {record!r} sentence {index!r} sha1 {sha1}"
    if record not in abstracts:
        return None, f"{where}: no abstract for this record"
    parts = split_sentences(abstracts[record])
    if not isinstance(index, int) or not 0 <= index < len(parts):
        return None, f"{where}: the abstract has {len(parts)} sentences"
    if sentence_sha1(parts[index]) != sha1:
        return None, f"{where}: sentence {index} of the abstract has sha1 {sentence_sha1(parts[index])}"
    return parts[index], ""


def abstract_files(paths: Path | Sequence[Path]) -> list[Path]:
    """The abstracts files named by ``paths``: each file itself, and in each folder its ``abstracts*.jsonl`` files at
    any depth, sorted (``/tmp/labels`` holding ``L1/abstracts.jsonl`` and ``L2/abstracts.jsonl``; other JSON-lines
    files there, such as raw listings, are not read)."""
    named = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    return [f for p in named for f in (sorted(p.rglob("abstracts*.jsonl")) if p.is_dir() else [p])]


def attach_texts(gold: dict[str, Any], abstracts_jsonl: Path | Sequence[Path]) -> dict[str, Any]:
    """A copy of ``gold`` whose sentences carry their ``text``, taken from ``abstracts_jsonl``: one abstracts file,
    or several files and folders (``abstract_files``) merged.

    Raises :class:`GoldTextError` naming every sentence (record, index, sha1) that the files cannot give back:
    a missing record, an index past the abstract's end, or a sentence whose sha1 differs.
    """
    files = abstract_files(abstracts_jsonl)
    abstracts = {record: text for f in files for record, text in read_abstracts(f).items()}
    filled = copy.deepcopy(gold)
    problems: list[str] = []
    for sentence in filled.get("sentences", []):
        text, problem = _text_of(sentence, abstracts)
        if text is None:
            problems.append(problem)
        else:
            sentence["text"] = text
    if problems:
        raise GoldTextError(
            f"{', '.join(map(str, files))}: {len(problems)} gold sentence(s) not found:\n"
            + "\n".join(f"  {p}" for p in problems)
        )
    return filled
