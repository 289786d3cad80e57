"""Datasets named in a result sentence: lexicon hits plus benchmark-like names, and the one a value belongs to."""

from __future__ import annotations

import re

from .lexicons import is_known_metric

__all__ = ["dataset_candidates", "dataset_for", "names_listed_after", "names_listed_before"]


_MODEL_NAMES = re.compile(
    r"^(?:BERT|RoBERTa|ResNet|ViT|Llama|LLaMA|GPT|Mistral|Qwen|CLIP|T5|DeepSeek|Claude|Gemini|"
    r"Phi|Gemma|Swin|ConvNeXt|YOLO|SimCLR|MoCo|BYOL|DINO)",
    re.I,
)


_GENERIC_NAME = r"(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[\w-]*|[A-Z][\w]*-[\w-]*\d[\w-]*|[A-Z][a-z]+-[A-Z]{2,}[\w-]*)"


_GENERIC_DATASET = re.compile(
    rf"(?:\b[Oo]n|\bbenchmarks?|\bdatasets?|such as|\bacross)\s+(?:(?:the|public|standard|[\w-]+)\s+){{0,2}}?"
    rf"(?P<n>{_GENERIC_NAME}(?:(?:,\s*|,?\s+and\s+){_GENERIC_NAME})*)(?![\w-])"
)


def dataset_candidates(text: str, lexicon: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Lexicon datasets plus benchmark-like names after "on", "benchmark", "such as" (models excluded)."""
    found = list(lexicon)
    for m in _GENERIC_DATASET.finditer(text):
        listed = list(re.finditer(_GENERIC_NAME, m.group("n")))
        if not re.search(r"\s(?:and|or)\s", m.group("n")):
            listed = listed[:1]  # "On ClawArena, TRACE reduces ...": a comma alone does not make a list
        for nm in listed:
            s, e = m.start("n") + nm.start(), m.start("n") + nm.end()
            name = nm.group(0)
            if _MODEL_NAMES.match(name) or any(s < e2 and s2 < e for s2, e2, _ in found) or is_known_metric(name):
                continue
            found.append((s, e, name))
    for m in re.finditer(rf"({_GENERIC_NAME})\s*\((?=[-+]?\d)", text):  # "Near-OOD (95.0%)"
        if is_known_metric(m.group(1)):
            continue  # "MSE (23.57), RMSE (4.86)": a metric's own value in parentheses, no dataset
        if not _MODEL_NAMES.match(m.group(1)) and not any(m.start(1) < e and s < m.end(1) for s, e, _ in found):
            found.append((m.start(1), m.end(1), m.group(1)))
    return sorted(found)


def dataset_for(datasets: list[tuple[int, int, str]], start: int, end: int, text: str) -> str | None:
    """The dataset of the value at ``start``-``end``: the name whose parenthesis the value opens ("Near-OOD (95.0%)
    and Far-OOD (97.1%)"), else the nearest name after it in the clause, else one just before, else the sentence's
    only name."""
    opened = [name for _, e, name in datasets if e <= start and re.fullmatch(r"\s*\(\s*[+−-]?", text[e:start])]
    if opened:
        return opened[-1]
    after = [
        (s, name)
        for s, e, name in datasets
        if s >= end
        and s - end <= 70
        and not re.search(
            r"[;]|\bwhile\b|\d\s?%|,\s*(?:and\s+)?(?:setting|outperform|surpass|which|achiev)", text[end:s]
        )
    ]
    if after:
        return after[0][1]
    before = [(e, name) for s, e, name in datasets if e <= start and start - e <= 25]
    if before:
        return before[-1][1]
    names = list(dict.fromkeys(name for _, _, name in datasets))
    return names[0] if len(names) == 1 else None


_LISTED_NAME = r"[A-Z][\w+-]*(?:\.\w+)*(?:\s[A-Z0-9][\w+-]*(?:\.\w+)*){0,2}"
_LISTED = (
    rf"(?:on|across|for|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"  # "on the challenging Traffic, ECL, and Solar"
    rf"(?P<n>{_LISTED_NAME}(?:(?:,\s*|,?\s+and\s+){_LISTED_NAME})+)(?:\s+(?:datasets?|benchmarks?))?"
)
_LISTED_AFTER = re.compile(rf"\s*{_LISTED}(?=\s*(?:,|;|\.|$|\s+respectively))")
_LISTED_BEFORE = re.compile(rf"\b{_LISTED}(?=[^;\d%]{{0,60}}$)")


def _split_names(m: re.Match[str] | None) -> list[str]:
    if m is None:
        return []
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("n")) if n.strip()]
    return [] if any(is_known_metric(n) for n in names) else names


def names_listed_after(text: str, at: int) -> list[str]:
    """ "... by 4%, 6%, and 5% on Traffic, ECL and Solar": the names of a list right after ``at`` (two or more, capitalised,
    joined by commas and "and"), in order; [] when there is none."""
    return _split_names(_LISTED_AFTER.match(text, at))


def names_listed_before(text: str, at: int) -> list[str]:
    """ "on the Traffic, ECL, and Solar benchmarks, reducing MSE by 4%, 6%, and 5%": the names of a list shortly before
    ``at`` (no number between), in order; [] when there is none."""
    return _split_names(_LISTED_BEFORE.search(text[:at]))
