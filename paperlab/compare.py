"""Comparison tables and results extraction -> pandas.

Three layers, all rule-based (no models):

* **Facets** of a paper's text: the task, the datasets and metrics it mentions
  (:func:`extract_facets`), and the results it reports in sentences such as
  "94.70% linear accuracy on CIFAR-10 with SimCLR" (:func:`extract_results`).
* **Results tables** found in text: tab-separated slide tables, markdown tables and
  HTML tables become tidy frames with one row per value (:func:`parse_table`,
  :func:`find_tables`); ragged rows and merged header cells are repaired where the
  layout allows it, and everything that cannot be recovered is reported.
* **Views** across papers: :func:`compare` (one row per paper), :func:`diff` (two
  papers, shared vs distinct facets) and :func:`leaderboard` (method x (dataset,
  metric)). ``df.paperlab.style()`` renders them for JupyterLab (links, best values
  marked, every text escaped); ``df.paperlab.to_markdown()`` / ``to_latex()`` export.

Every extracted value keeps its provenance: the paper, and the sentence or the
table cell (source, line, column) it came from.
"""

from __future__ import annotations

import csv
import html
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ImportProblem, ParseError
from .paper import Paper

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = [
    "COMPARE_FIELDS",
    "ResultsTable",
    "compare",
    "diff",
    "extract_facets",
    "extract_results",
    "find_tables",
    "leaderboard",
    "parse_table",
    "venue_of",
]

# ---------------------------------------------------------------------------------------------
# Lexicons. Canonical name -> pattern; order matters (more specific first).
# ---------------------------------------------------------------------------------------------

_METRICS: list[tuple[str, str]] = [
    ("top-1 accuracy", r"top[- ]?1 (?:classification )?accuracy"),
    ("top-5 accuracy", r"top[- ]?5 (?:classification )?accuracy"),
    ("linear accuracy", r"linear(?:[- ]prob(?:e|ing)|[- ]evaluation)? accuracy"),
    ("zero-shot accuracy", r"zero[- ]shot(?: classification)? accuracy"),
    ("fine-tuning accuracy", r"fine[- ]?tuning accuracy"),
    ("ranking accuracy", r"ranking accuracy"),
    ("retrieval accuracy", r"retrieval accuracy"),
    ("detection accuracy", r"detection accuracy"),
    ("pass@k", r"pass@\d+"),
    ("accuracy", r"accuracy|\bACC\b"),
    ("MRR", r"\bMRR\b|mean reciprocal rank"),
    ("mAP", r"\bmAP\b|mean average precision"),
    ("AUROC", r"\bAUROC\b"),
    ("AUPR", r"\bAUPR\b"),
    ("AUC", r"\bAUC\b"),
    ("FPR95", r"\bFPR(?:@|-)?95\b"),
    ("F1", r"\bF1(?:[- ]score)?\b"),
    ("exact match", r"exact match|\bEM\b"),
    ("BLEU", r"\bBLEU(?:-\d)?\b"),
    ("ROUGE-1", r"\bROUGE-1\b"),
    ("ROUGE-2", r"\bROUGE-2\b"),
    ("ROUGE-L", r"\bROUGE-L\b"),
    ("BERTScore", r"\bBERTScore\b"),
    ("Spearman correlation", r"Spearman(?:['’]s)?(?: rank)? correlation(?: coefficient)?|Spearman \(?ρ\)?|\bρ\b"),
    ("Kendall-Tau correlation", r"Kendall(?:[- ]Tau)?(?:['’]s)?(?: correlation)?|\bτ\b"),
    ("Krippendorff's alpha", r"Krippendorff['’]s alpha"),
    ("FID", r"\bFID\b"),
    ("CER", r"\bCER\b|character error rate"),
    ("WER", r"\bWER\b|word error rate"),
    ("error rate", r"error rate"),
    ("perplexity", r"perplexity"),
    ("win rate", r"win[- ]rate"),
    ("success rate", r"success rate"),
    ("refusal rate", r"refusal rate"),
    ("hallucination", r"hallucinations?(?: rate)?"),
    ("recall@k", r"\bR(?:ecall)?@\d+\b"),
    ("nDCG", r"\bnDCG(?:@\d+)?\b"),
    ("FPS", r"\bFPS\b|frames per second"),
    ("speedup", r"speed[- ]?up"),
    ("compute", r"pre-?training compute|\bcompute\b"),
    ("average", r"\bAVG\b|\bAvg\.?(?=\s|$)|\baverage\b"),
]
# metrics where smaller is better (for marking best values)
_LOWER_IS_BETTER = {
    "FID",
    "CER",
    "WER",
    "error rate",
    "perplexity",
    "FPR95",
    "refusal rate",
    "hallucination",
    "compute",
}

_DATASETS: list[tuple[str, str]] = [
    ("CIFAR-100", r"CIFAR-?100\b"),
    ("CIFAR-10", r"CIFAR-?10\b"),
    ("ImageNet-1K", r"ImageNet-?1[kK]\b"),
    ("ImageNet", r"ImageNet\b(?!-)"),
    ("K400", r"\bK400\b|Kinetics(?:-?400)?\b"),
    ("SSv2", r"\bSSv2\b|Something-Something(?: v2)?"),
    ("EK-100", r"\bEK-?100\b|EPIC[- ]KITCHENS(?:-100)?"),
    ("MSCOCO", r"\bMS-?COCO\b|\bCOCO\b"),
    ("GSM8K", r"\bGSM8K\b"),
    ("MATH", r"\bMATH\b"),
    ("ARC-C", r"\bARC-C(?:hallenge)?\b"),
    ("AIME2024", r"\bAIME ?2024\b"),
    ("LiveCodeBench", r"\bLiveCodeBench\b"),
    ("HumanEval", r"\bHumanEval\b"),
    ("MBPP", r"\bMBPP\b"),
    ("MMLU", r"\bMMLU\b"),
    ("SummEval", r"\bSummEval\b"),
    ("Topical-Chat", r"\bTopical-Chat\b"),
    ("QAGS", r"\bQAGS\b"),
    ("DRCT-2M", r"\bDRCT-2M\b"),
    ("GenImage", r"\bGenImage\b"),
    ("STS", r"\bSTS\b(?: benchmarks?)?|semantic textual similarity"),
    ("JFT", r"\bJFT(?:-\d+M)?\b"),
    ("SQuAD", r"\bSQuAD(?: ?v?2(?:\.0)?)?\b"),
    ("GLUE", r"\bGLUE\b"),
    ("BEIR", r"\bBEIR\b"),
    ("MS MARCO", r"\bMS ?MARCO\b"),
    ("POPE", r"\bPOPE\b"),
    ("MME", r"\bMME\b"),
    ("VQAv2", r"\bVQAv2\b"),
    ("Flickr30K", r"\bFlickr30[kK]\b"),
    ("LAION", r"\bLAION(?:-\w+)?\b"),
    ("ADE20K", r"\bADE20[kK]\b"),
    ("LibriSpeech", r"\bLibriSpeech\b"),
    ("Tower of Hanoi", r"Tower of Hanoi"),
]

_TASKS: list[tuple[str, str]] = [
    ("image classification", r"image classification"),
    ("video classification", r"video classification|action recognition"),
    ("representation learning", r"representation learning"),
    ("contrastive learning", r"contrastive (?:representation )?learning"),
    ("object detection", r"object detection"),
    (
        "image generation detection",
        r"(?:generated|fake) image detection|detect\w* (?:of )?(?:diffusion[- ])?generated images",
    ),
    ("semantic segmentation", r"semantic segmentation"),
    ("retrieval", r"\bretrieval\b"),
    ("code search", r"code search"),
    ("summarization", r"summari[sz]ation"),
    ("dialogue generation", r"dialogue (?:response )?generation"),
    ("NLG evaluation", r"NLG evaluation|evaluat\w+ (?:of )?(?:natural language generation|NLG)"),
    ("question answering", r"question answering"),
    ("mathematical reasoning", r"math(?:ematical)? reasoning"),
    ("reasoning", r"\breasoning\b"),
    ("code generation", r"code generation"),
    ("speech recognition", r"speech recognition|audio transcription"),
    ("preference optimization", r"preference optimi[sz]ation|\bRLHF\b|\bDPO\b"),
    ("hallucination mitigation", r"hallucination"),
    ("out-of-distribution detection", r"out-of-distribution|\bOOD\b"),
    ("token merging", r"token merging"),
    ("sentence embeddings", r"sentence embeddings?"),
    ("image-text alignment", r"vision-language|image-text"),
]

_COMPILED = {
    "metric": [(name, re.compile(p, re.I if name not in ("MATH",) else 0)) for name, p in _METRICS],
    "dataset": [(name, re.compile(p)) for name, p in _DATASETS],
    "task": [(name, re.compile(p, re.I)) for name, p in _TASKS],
}
# some metric patterns must keep their case (ACC, AUC, EM, ρ ...): recompile those case-sensitively
_CASE_SENSITIVE_METRICS = {
    "MRR",
    "mAP",
    "AUROC",
    "AUPR",
    "AUC",
    "FPR95",
    "exact match",
    "FID",
    "CER",
    "WER",
    "FPS",
    "average",
}
_COMPILED["metric"] = [
    (name, re.compile(p) if name in _CASE_SENSITIVE_METRICS else re.compile(p, re.I)) for name, p in _METRICS
]


def _lexicon_hits(kind: str, text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, canonical name) hits of a lexicon, earliest and longest first."""
    hits: list[tuple[int, int, str]] = []
    for name, rx in _COMPILED[kind]:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in hits):
                continue
            canonical = name
            if name == "pass@k":
                canonical = m.group(0).lower()
            elif name == "recall@k":
                canonical = "recall@" + m.group(0).split("@")[1]
            hits.append((m.start(), m.end(), canonical))
    hits.sort()
    return hits


def _names(kind: str, text: str) -> list[str]:
    return list(dict.fromkeys(name for _, _, name in _lexicon_hits(kind, text or "")))


# ---------------------------------------------------------------------------------------------
# Venue
# ---------------------------------------------------------------------------------------------


def venue_of(paper: Paper) -> str | None:
    """The venue of a paper, e.g. ``"ICLR 2025"`` or ``"ICLR 2025 Workshop"``: :attr:`Paper.venue`.

    One parser (:func:`paperlab.venues.parse_venue`) serves cards and comparison tables:
    the journal reference, else a comment such as "Accepted at CVPR 2025"; a paper only
    submitted or under review has no venue.

    Parameters
    ----------
    paper : Paper

    Returns
    -------
    str or None
    """
    return paper.venue


# ---------------------------------------------------------------------------------------------
# Facets and results from sentences
# ---------------------------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a period followed by a digit (a decimal) does not end a sentence."""
    out = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(\"'“*])|\n\s*\n", text):
        chunk = text[start : m.start()]
        if chunk.strip():
            out.append((start, chunk))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def extract_facets(paper_or_text: Paper | str) -> dict[str, list[str]]:
    """Task, datasets and metrics mentioned in a paper's title and abstract (or in a text).

    Parameters
    ----------
    paper_or_text : Paper or str

    Returns
    -------
    dict
        ``{"task": [...], "datasets": [...], "metrics": [...]}``, each in order of first mention.
    """
    if isinstance(paper_or_text, Paper):
        p = paper_or_text
        notes = p.extra.get("notes") if isinstance(p.extra.get("notes"), str) else ""
        text = " ".join(t for t in (p.title, p.abstract or "", p.ai_summary or "", notes) if t)
    else:
        text = paper_or_text or ""
    metrics = [m for m in _names("metric", text) if m not in ("average", "compute")]
    return {"task": _names("task", text), "datasets": _names("dataset", text), "metrics": metrics}


_NUM = r"[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+−]?\d+(?:\.\d+)?"
_VALUE_RE = re.compile(
    rf"(?<![\w.@/-])(?P<sign>\(?[+−-])?(?P<num>{_NUM.replace('[-+−]?', '')})\s?"
    r"(?P<unit>%|\s?(?:percentage points|pp|points)\b|[x×](?![\w])|)"
)
_RESULT_COLUMNS = [
    "paper",
    "method",
    "dataset",
    "metric",
    "value",
    "unit",
    "kind",
    "setting",
    "source",
    "where",
    "evidence",
]
_DELTA_BEFORE = re.compile(
    r"(?:\bby(?: up to)?(?: an? (?:average|absolute) of)?|\bup to|improv\w* of|gains? of|increase of|reduc\w* of|"
    r"\+)\s*$",
    re.I,
)
_DELTA_AFTER = re.compile(
    r"^\s*(?:\)|absolute|relative|\s)*(?:improvement|gain|boost|increase|reduction|higher|lower|"
    r"better|more|fewer|less|drop|decrease)",
    re.I,
)
_SETTING_RE = re.compile(
    r"^\s*(?:,\s*)?(?:with|using|on|for|based on)\s+(?:the\s+)?"
    r"(?P<s>[A-Z][\w.\-/]*(?:[ -](?:[A-Z0-9][\w.\-/]*|v\d))*)"
)
_METHOD_RE = re.compile(
    r"(?P<m>\b[A-Z][\w\-.]*[A-Z0-9][\w\-.]*)(?:\s+\([^)]*\))?\s+(?:also\s+|further\s+|consistently\s+|"
    r"significantly\s+)?(?:achieves|obtains|reaches|attains|improves|boosts|outperforms|yields|"
    r"gets|scores|surpasses|exceeds|sets|shows|reduces)\b"
)


def _to_float(num: str) -> float:
    return float(num.replace(",", "").replace("−", "-"))


def extract_results(paper_or_text: Paper | str, *, source: str | None = None) -> pd.DataFrame:
    """Results reported in sentences, one row per value.

    A value is kept when it carries a unit (``%``, points, ``x``) or sits right next
    to a metric ("MRR of 0.45", "pass@1 = 41.4%"); counts such as "16 datasets" or
    "200 epochs" are not results. For each value the nearest metric in its clause, a
    dataset ("on CIFAR-10", or the one dataset of the sentence, or the i-th of a
    "respectively" list), the setting ("with SimCLR") and the method (the sentence's
    subject, "AdaInf obtains ...") are attached.

    Parameters
    ----------
    paper_or_text : Paper or str
        A paper (its abstract is read) or any text.
    source : str, optional
        Provenance label; defaults to the paper's id.

    Returns
    -------
    pandas.DataFrame
        Columns ``paper, method, dataset, metric, value, unit, kind, setting, source,
        where, evidence``; ``kind`` is ``"absolute"`` or ``"delta"`` (an improvement
        "by 6.4%", "(+5.9%)"); ``where`` is ``"sentence N"``; ``evidence`` the sentence.
    """
    import pandas as pd

    if isinstance(paper_or_text, Paper):
        paper_id: str | None = paper_or_text.id
        text = paper_or_text.abstract or ""
    elif isinstance(paper_or_text, str):
        paper_id, text = None, paper_or_text
    else:
        raise TypeError(f"extract_results expects a Paper or a str, not {type(paper_or_text).__name__}")
    rows: list[dict[str, Any]] = []
    for n, (_, sent) in enumerate(_sentences(text), start=1):
        rows.extend(_results_in_sentence(sent, paper_id, source or paper_id or "<text>", f"sentence {n}"))
    return pd.DataFrame(rows, columns=_RESULT_COLUMNS).astype({"value": "float64"})


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
_GENERIC_RATE = re.compile(r"\b(?!learning\b|sampling\b|frame\b|bit\b)([a-z]+) rate\b")


def _dataset_candidates(text: str, lexicon: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Lexicon datasets plus benchmark-like names after "on", "benchmark", "such as" (models excluded)."""
    found = list(lexicon)
    for m in _GENERIC_DATASET.finditer(text):
        listed = list(re.finditer(_GENERIC_NAME, m.group("n")))
        if not re.search(r"\s(?:and|or)\s", m.group("n")):
            listed = listed[:1]  # "On ClawArena, TRACE reduces ...": a comma alone does not make a list
        for nm in listed:
            s, e = m.start("n") + nm.start(), m.start("n") + nm.end()
            name = nm.group(0)
            if _MODEL_NAMES.match(name) or any(s < e2 and s2 < e for s2, e2, _ in found) or _is_known_metric(name):
                continue
            found.append((s, e, name))
    for m in re.finditer(rf"({_GENERIC_NAME})\s*\((?=[-+]?\d)", text):  # "Near-OOD (95.0%)"
        if not _MODEL_NAMES.match(m.group(1)) and not any(m.start(1) < e and s < m.end(1) for s, e, _ in found):
            found.append((m.start(1), m.end(1), m.group(1)))
    return sorted(found)


def _is_known_metric(name: str) -> bool:
    return any(s == 0 and e == len(name) for s, e, _ in _lexicon_hits("metric", name))


def _results_in_sentence(sent: str, paper_id: str | None, source: str, where: str) -> list[dict[str, Any]]:
    sent_flat = " ".join(sent.replace("**", "").split())
    metrics = [h for h in _lexicon_hits("metric", sent_flat) if h[2] != "average"]
    for m in _GENERIC_RATE.finditer(sent_flat):
        if not any(m.start() < e and s < m.end() for s, e, _ in metrics):
            metrics.append((m.start(), m.end(), m.group(0)))
    metrics.sort()
    lexicon_datasets = _lexicon_hits("dataset", sent_flat)
    datasets = _dataset_candidates(sent_flat, lexicon_datasets)
    found: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    for m in _VALUE_RE.finditer(sent_flat):
        num, unit = m.group("num"), m.group("unit").strip()
        unit = {"×": "x", "percentage points": "pp", "points": "pp"}.get(unit, unit)
        start, end = m.start("num"), m.end()
        if any(s <= start < e for s, e, _ in metrics + datasets):
            continue  # part of a name: pass@200, CIFAR-10, ROUGE-1
        before, after = sent_flat[max(0, start - 40) : start], sent_flat[end : end + 60]
        adjacent_metric = _adjacent_metric(metrics, start, end, sent_flat)
        if not unit and adjacent_metric is None:
            continue
        if unit == "x" and adjacent_metric is None and not re.search(r"compute|speed|faster|fewer|less", after, re.I):
            continue
        if re.match(r"\s*(?:layers|epochs|steps|samples|tokens|images|parameters|params|GPUs|hours)\b", after):
            continue
        if re.search(r"\bat\s*$", before) and re.match(
            r"\s*(?:[A-Z][\w-]*\s+){0,2}(?:rate|recall|TPR|precision)\b", after, re.I
        ):
            continue  # an operating point ("FPR at 95% True Positive Rate"), not a result
        sign = m.group("sign") or ""
        kind = "delta" if ("+" in sign or _DELTA_BEFORE.search(before) or _DELTA_AFTER.match(after)) else "absolute"
        if re.search(r"\bfrom\s*$", before):
            kind = "absolute"
        value = _to_float(num)
        if "−" in sign or (sign.strip("(") == "-" and kind == "absolute"):
            value = -value
        metric = (
            adjacent_metric
            or _modifier_metric(sent_flat, end, metrics)
            or _nearest_in_clause(metrics, start, end, sent_flat)
        )
        dataset = _dataset_for(datasets, start, end, sent_flat)
        setting = _setting_after(sent_flat, end, metrics + datasets)
        subjects = list(_METHOD_RE.finditer(sent_flat[:start]))
        mm = subjects[-1] if subjects else None
        found.append(
            {
                "paper": paper_id,
                "method": mm.group("m") if mm else None,
                "dataset": dataset,
                "metric": metric,
                "value": value,
                "unit": unit or None,
                "kind": kind,
                "setting": setting,
                "source": source,
                "where": where,
                "evidence": sent.strip(),
            }
        )
        spans.append((start, end))
    _coordinate(found, spans, sent_flat, datasets)
    return [r for r in found if not r.pop("_drop", False)]


def _setting_after(text: str, end: int, hits: list[tuple[int, int, str]]) -> str | None:
    """ "94.70% linear accuracy on CIFAR-10 with SimCLR": skip the metric and dataset to find the setting."""
    tail_at = end
    for _ in range(3):
        tail = text[tail_at:]
        sm = _SETTING_RE.match(tail)
        if sm is None:
            hit = _leading_hit(hits, text, tail_at)
            if hit is None:
                return None
            tail_at = hit
            continue
        if _is_known(sm.group("s")) or any(s == tail_at + sm.start("s") for s, _, _ in hits):
            tail_at += sm.end()
            continue
        return sm.group("s")
    return None


def _modifier_metric(text: str, end: int, metrics: list[tuple[int, int, str]]) -> str | None:
    """ "88.3% zero-shot and 91.1% fine-tuning accuracy": the first value's metric is "zero-shot accuracy"."""
    m = re.match(r"\s+([\w-]+(?:\s[\w-]+)?)\s+(?:and|or|,)\s", text[end:])
    if not m:
        return None
    nxt = next(((s, e, n) for s, e, n in metrics if s > end), None)
    if nxt is None:
        return None
    head = text[nxt[0] : nxt[1]].split()[-1]
    candidate = f"{m.group(1)} {head}"
    hits = _lexicon_hits("metric", candidate)
    return hits[0][2] if hits and hits[0][0] == 0 and hits[0][1] == len(candidate) else None


def _coordinate(
    found: list[dict[str, Any]], spans: list[tuple[int, int]], text: str, datasets: list[tuple[int, int, str]]
) -> None:
    """Share kind, metric and dataset across coordinated values ("by 13.3%, 10.5%, and 5.9% on MRR")."""
    groups: list[list[int]] = []
    for i in range(len(found)):
        gap = text[spans[i - 1][1] : spans[i][0]] if i else None
        if i and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", gap or "x") and found[i]["unit"] == found[i - 1]["unit"]:
            groups[-1].append(i)
        else:
            groups.append([i])
    for g in groups:
        if len(g) < 2:
            continue
        rows = [found[i] for i in g]
        first_start, last_end = spans[g[0]][0], spans[g[-1]][1]
        before, after = text[max(0, first_start - 40) : first_start], text[last_end : last_end + 60]
        if re.search(r"(?:with|using|on|of)\s+(?:only\s+)?$", before) and re.match(
            r"\s*(?:of the |of )?(?:labeled|labelled|training|the)?\s*(?:data|labels|samples)", after
        ):
            for r in rows:
                r["_drop"] = True  # "with 10% and 1% labeled data": settings, not results
            continue
        if _DELTA_BEFORE.search(before) or _DELTA_AFTER.match(after) or any(r["kind"] == "delta" for r in rows[:1]):
            for r in rows:
                r["kind"] = "delta"
        tail_metric = rows[-1]["metric"]
        for r in rows:
            if r["metric"] is None or (r["metric"] != tail_metric and _adjacent_metric_is_tail(text, spans, g)):
                r["metric"] = tail_metric
        # "benchmarks such as GAIA and LoCoMo by 6.1% and 4.8%": zip a list of names with the values
        names = [d for d in datasets if d[1] <= first_start]
        run = _trailing_name_list(names, text)
        if len(run) == len(rows) and "respectively" not in after[:15] or len(run) == len(rows):
            for r, (_, _, n) in zip(rows, run, strict=False):
                r["dataset"] = n
    # inherit a metric from an earlier value of the same unit in the sentence ("... (95.0%)")
    last: dict[str | None, str] = {}
    for r in found:
        if r["metric"] is None and r["unit"] in last and r["kind"] == "absolute":
            r["metric"] = last[r["unit"]]
        if r["metric"] is not None and r["kind"] == "absolute":
            last[r["unit"]] = r["metric"]
    _apply_respectively(found, datasets, text)


def _adjacent_metric_is_tail(text: str, spans: list[tuple[int, int]], g: list[int]) -> bool:
    """True when only the last value of a list is directly followed by a metric ("... and 5.9% on average MRR")."""
    inner = [text[spans[i][1] : spans[i + 1][0]] for i in g[:-1]] if len(g) > 1 else []
    return all(re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", x) for x in inner)


def _trailing_name_list(names: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """The last run of names joined by commas/'and' (e.g. "GAIA and LoCoMo")."""
    run: list[tuple[int, int, str]] = []
    for d in reversed(names):
        if run and not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[d[1] : run[0][0]]):
            break
        run.insert(0, d)
    return run if len(run) >= 2 else []


def _leading_hit(hits: list[tuple[int, int, str]], text: str, pos: int) -> int | None:
    """End of a lexicon hit starting within a few words after ``pos`` (e.g. the metric after a value)."""
    for s, e, _ in hits:
        if pos <= s <= pos + 25 and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", text[pos:s]):
            return e
    return None


def _is_known(name: str) -> bool:
    return bool(_lexicon_hits("dataset", name) or _lexicon_hits("metric", name))


def _adjacent_metric(metrics: list[tuple[int, int, str]], start: int, end: int, text: str) -> str | None:
    for s, e, name in metrics:
        between_after = text[end:s] if s >= end else None
        between_before = text[e:start] if e <= start else None
        if between_after is not None and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", between_after) and s - end <= 30:
            if not re.search(r"\b(?:on|in|with|and|of|for|from|to|over|than)\s*$", between_after):
                return name
        if between_before is not None and re.fullmatch(
            r"\s*(?:of|=|:|is|at|to|was|reaches|\(|score of|scores? of)?\s*", between_before
        ):
            return name
    return None


def _nearest_in_clause(hits: list[tuple[int, int, str]], start: int, end: int, text: str) -> str | None:
    best: tuple[int, str] | None = None
    for s, e, name in hits:
        lo, hi = (e, start) if e <= start else (end, s)
        gap = text[lo:hi]
        if re.search(r"[;]|\bwhile\b|\bwhereas\b|\bbut\b|\d\s?%", gap):
            continue
        dist = hi - lo + (0 if e <= start else 5)  # prefer a metric before the value ("accuracy to 81.8%")
        if dist <= 120 and (best is None or dist < best[0]):
            best = (dist, name)
    return best[1] if best else None


def _dataset_for(datasets: list[tuple[int, int, str]], start: int, end: int, text: str) -> str | None:
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


def _apply_respectively(found: list[dict[str, Any]], datasets: list[tuple[int, int, str]], text: str) -> None:
    if "respectively" not in text:
        return
    names = list(dict.fromkeys(name for _, _, name in datasets))
    absolute = [r for r in found if r["kind"] == "absolute"]
    deltas = [r for r in found if r["kind"] == "delta"]
    for group in (absolute, deltas):
        if len(names) >= 2 and len(group) == len(names):
            for r, name in zip(group, names, strict=False):
                r["dataset"] = name
    if absolute and len(deltas) == len(absolute):  # "88.3% ... and 91.1% ..., surpassing ... by 2% and 0.1%"
        for a, d in zip(absolute, deltas, strict=False):
            d["metric"], d["dataset"] = a["metric"], d["dataset"] or a["dataset"]


# ---------------------------------------------------------------------------------------------
# Results tables
# ---------------------------------------------------------------------------------------------

_CELL_NUM = re.compile(r"^[(]?[-+−]?\d+(?:[.,]\d+)?[)]?\s*%?$")
_MISSING = {"-", "_", "–", "—", "n/a", "N/A", "NA", "--", "×", "x", "?"}
_MIXED = re.compile(r"^(?P<label>.*?[A-Za-z].*?)\s+(?P<nums>(?:[-+−]?\d+(?:\.\d+)?%?\s*)+)$")
_METHOD_HEADER = re.compile(r"^(?:method|methods|model|models|approach|system|metrics?|baseline)s?$", re.I)
_AGGREGATE = re.compile(r"^(?:avg\.?|average|mean|overall|total)$", re.I)
# "au" is what is left of a LaTeX \tau whose \t became a tab in a copied slide table
_METRIC_SYMBOLS = {"ρ": "Spearman ρ", "τ": "Kendall τ", "au": "Kendall τ"}
_TIDY_BASE = [
    "paper",
    "table",
    "method",
    "setting",
    "dataset",
    "metric",
    "value",
    "unit",
    "column",
    "source",
    "line",
    "col",
    "cell",
]


def _is_num(cell: str) -> bool:
    return bool(_CELL_NUM.match(cell.strip()))


def _num(cell: str) -> float:
    return _to_float(cell.strip().strip("()%").strip().replace(",", "."))


@dataclass
class ResultsTable:
    """A results table recovered from text.

    Attributes
    ----------
    data : pandas.DataFrame
        Tidy values: ``paper, table, method, setting, dataset, metric, value, unit,
        column, source, line, col, cell`` plus one column per label column of the table
        (e.g. ``Reduction``); ``line``/``col``/``cell`` say where each value was read.
    wide : pandas.DataFrame
        The repaired table as shown (label columns then value columns).
    caption : str or None
    header : list of str
        Recovered column names (levels joined with " / ").
    problems : list of ImportProblem
        What was repaired and what could not be recovered, with line numbers.
    source : str
    first_line : int
    """

    data: pd.DataFrame
    wide: pd.DataFrame
    caption: str | None
    header: list[str]
    problems: list[ImportProblem] = field(default_factory=list)
    source: str = "<text>"
    first_line: int = 1

    def __repr__(self) -> str:
        cap = f" {self.caption[:50]!r}" if self.caption else ""
        return (
            f"<ResultsTable{cap}: {self.wide.shape[0]} rows x {len(self.header)} columns, "
            f"{len(self.data)} values, {len(self.problems)} problem(s)>"
        )

    def _repr_html_(self) -> str:
        cap = f"<div><i>{html.escape(self.caption)}</i></div>" if self.caption else ""
        return cap + self.wide.to_html(escape=True, na_rep="")


def _caption_info(caption: str | None) -> tuple[str | None, str | None, str | None]:
    """(metric, dataset, unit) stated by a table caption."""
    if not caption:
        return None, None, None
    metric_hits = [h for h in _lexicon_hits("metric", caption) if h[2] not in ("average", "compute")]
    metric = metric_hits[0][2] if metric_hits else None
    dataset = None
    m = re.search(r"\bon\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)", caption)
    hits = _lexicon_hits("dataset", caption)
    if m and _lexicon_hits("dataset", m.group(1)):
        dataset = _lexicon_hits("dataset", m.group(1))[0][2]
    elif hits:
        dataset = hits[0][2]
    unit = "%" if re.search(r"%|\(in percent|percentage", caption) else None
    return metric, dataset, unit


def parse_table(
    text: str | pd.DataFrame,
    *,
    format: str | None = None,
    caption: str | None = None,
    source: str = "<text>",
    first_line: int = 1,
    paper: str | None = None,
    name: str | None = None,
) -> ResultsTable:
    """Parse one results table into a tidy frame.

    Parameters
    ----------
    text : str or pandas.DataFrame
        The table: tab-separated lines, a markdown table, an HTML ``<table>``, or a
        DataFrame (e.g. from :func:`pandas.read_html`, column levels become header rows).
    format : {"tsv", "markdown", "html", None}
        Detected from the text when omitted.
    caption : str, optional
        The table's caption; the metric, dataset and unit it names fill in what the
        header leaves open ("Accuracy (ACC, %) ... on DRCT-2M").
    source : str
        File name for provenance and error messages.
    first_line : int
        Line number of the table's first line in ``source``.
    paper : str, optional
        Paper id recorded in the ``paper`` column.
    name : str, optional
        Table label recorded in the ``table`` column (default: "Table N" from the caption).

    Returns
    -------
    ResultsTable

    Raises
    ------
    ParseError
        If the text holds no table, or a table without numeric values; the message
        names the source and line.
    """
    import pandas as pd

    where = f"line {first_line}"
    if isinstance(text, pd.DataFrame):
        header, rows = _grid_from_frame(text)
        lines = [first_line + len(header) + i for i in range(len(rows))]
        fmt = "frame"
    else:
        if not isinstance(text, str) or not text.strip():
            raise ParseError("expected a table (tab-separated, markdown or HTML), got empty text", source, where)
        fmt = format or _detect_table_format(text)
        if fmt == "html":
            try:
                frames = pd.read_html(io.StringIO(text), flavor="lxml")
            except ValueError as exc:
                raise ParseError(f"expected an HTML <table>: {exc}", source, where) from None
            header, rows = _grid_from_frame(frames[0])
            lines = [first_line + len(header) + i for i in range(len(rows))]
        else:
            raw, lines = _read_rows(text, fmt, source, first_line)
            header_rows, rows, lines = _split_header(raw, lines)
            header = header_rows
    problems: list[ImportProblem] = []
    return _build_table(
        header,
        rows,
        lines,
        caption=caption,
        source=source,
        first_line=first_line,
        paper=paper,
        name=name,
        problems=problems,
        fmt=fmt,
        spans_expanded=fmt in ("html", "frame"),
    )


def _detect_table_format(text: str) -> str:
    s = text.lstrip()
    if s.lower().startswith("<table") or "<table" in s.lower()[:2000]:
        return "html"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and sum(ln.lstrip().startswith("|") for ln in lines) >= max(2, len(lines) // 2):
        return "markdown"
    if any("\t" in ln for ln in lines):
        return "tsv"
    raise ParseError("expected a table: tab-separated lines, a markdown table (| a | b |) or an HTML <table>")


def _read_rows(text: str, fmt: str, source: str, first_line: int) -> tuple[list[list[str]], list[int]]:
    import pandas as pd

    lines_in = text.split("\n")
    keep: list[tuple[int, str]] = []
    for i, ln in enumerate(lines_in):
        if not ln.strip():
            continue
        if fmt == "markdown":
            body = ln.strip()
            if re.fullmatch(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?", body):
                continue  # the |---|---| separator
            body = body.replace("\\|", "\x00")
            body = body[1:] if body.startswith("|") else body
            body = body[:-1] if body.endswith("|") else body
            keep.append((first_line + i, body))
        else:
            keep.append((first_line + i, ln.rstrip("\r")))
    if not keep:
        raise ParseError("expected table rows, found only blank lines", source, f"line {first_line}")
    sep = "|" if fmt == "markdown" else "\t"
    width = max(ln.count(sep) for _, ln in keep) + 1
    frame = pd.read_csv(
        io.StringIO("\n".join(ln for _, ln in keep)),
        sep=sep,
        header=None,
        names=range(width),
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_NONE,
        engine="python",
    )
    # ragged rows come back with missing fields as NaN even with keep_default_na=False
    rows = [
        ["" if pd.isna(c) else str(c).replace("\x00", "|").strip() for c in r] for r in frame.itertuples(index=False)
    ]
    return rows, [n for n, _ in keep]


def _numeric_share(row: Sequence[str]) -> float:
    cells = [c for c in row if c.strip() and c.strip() not in _MISSING]
    if not cells:
        return 0.0
    nums = sum(
        _is_num(c) or bool(_MIXED.match(c)) or bool(re.fullmatch(r"(?:[-+]?\d+(?:\.\d+)?\s+)+[-+]?\d+(?:\.\d+)?", c))
        for c in cells
    )
    return nums / len(cells)


def _split_header(raw: list[list[str]], lines: list[int]) -> tuple[list[list[str]], list[list[str]], list[int]]:
    n_header = 0
    while n_header < len(raw) and _numeric_share(raw[n_header]) < 0.5:
        n_header += 1
    if n_header == len(raw):  # no data rows: treat the first row as header, the rest as data to report later
        n_header = 1 if len(raw) > 1 else 0
    return raw[:n_header], raw[n_header:], lines[n_header:]


def _grid_from_frame(df: pd.DataFrame) -> tuple[list[list[str]], list[list[str]]]:
    import pandas as pd

    cols = list(df.columns)
    if isinstance(df.columns, pd.MultiIndex):
        levels = [[_clean_header(str(c[i])) for c in cols] for i in range(df.columns.nlevels)]
    else:
        levels = [[_clean_header(str(c)) for c in cols]]
    rows = [
        ["" if (isinstance(v, float) and math.isnan(v)) or v is None else str(v).strip() for v in r]
        for r in df.itertuples(index=False)
    ]
    return levels, rows


def _clean_header(name: str) -> str:
    return "" if re.fullmatch(r"Unnamed: \d+(?:_level_\d+)?", name) else name.strip()


def _drop_empty_columns(header: list[list[str]], rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    width = max([len(r) for r in rows + header] or [0])
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = [h + [""] * (width - len(h)) for h in header]
    keep = [j for j in range(width) if any(r[j] for r in rows + header)]
    return [[h[j] for j in keep] for h in header], [[r[j] for j in keep] for r in rows]


def _header_levels(header: list[list[str]], width: int, value_start: int) -> list[list[str]]:
    """Per column, the list of header levels (top first), merging split and spanning header cells."""
    if not header:
        return [[f"col{j}"] for j in range(width)]
    rows = [h[:width] + [""] * (width - len(h)) for h in header]
    levels: list[list[str]] = [[] for _ in range(width)]
    for k, row in enumerate(rows):
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        filled = sum(1 for c in row if c)
        if nxt is not None and filled <= width / 2:
            # a sparse row of spanning group labels over the value columns: fill to the right
            current = ""
            for j in range(width):
                if row[j]:
                    current = row[j]
                elif j < value_start or _AGGREGATE.match(nxt[j] or ""):
                    current = ""
                if current and j >= value_start:
                    levels[j].append(current)
                elif row[j]:
                    levels[j].append(row[j])
            continue
        period = _repeat_period(nxt[value_start:]) if nxt is not None else None
        if period:
            # cells split across columns ("Cohe" "rence" over "ρ" "τ"): join each group of `period` cells
            for j in range(value_start):
                if row[j]:
                    levels[j].append(row[j])
            for g in range(value_start, width, period):
                name = _join_fragments(row[g : g + period])
                for j in range(g, min(g + period, width)):
                    if name:
                        levels[j].append(name)
            continue
        if nxt is not None:
            # dense row: keep it; the next row only refines horizontal spans (a cell followed by
            # empty cells that the next row fills, e.g. "EK-100" over "Action Verb Noun")
            j = 0
            while j < width:
                if row[j]:
                    end = j + 1
                    while end < width and not row[end] and nxt[end]:
                        end += 1
                    for t in range(j, end):
                        levels[t].append(row[j])
                        if end - j > 1 and nxt[t]:
                            levels[t].append(nxt[t])
                    j = end
                else:
                    if nxt[j] and (j == 0 or not any(levels[j])):
                        pass
                    j += 1
            return [lv or [""] for lv in levels]
        for j in range(width):
            if row[j] and (not levels[j] or levels[j][-1] != row[j]):
                levels[j].append(row[j])
    return [lv or [""] for lv in levels]


def _repeat_period(cells: list[str]) -> int | None:
    cells = [c for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    for p in (2, 3, 4):
        if (
            len(cells) >= 2 * p
            and all(cells[i] == cells[i % p] for i in range(len(cells)))
            and len(set(cells[:p])) == p
        ):
            return p
    return None


def _join_fragments(cells: list[str]) -> str:
    out = ""
    for c in cells:
        if not c:
            continue
        out = out + c if out and c[:1].islower() else (out + " " + c if out else c)
    return out.strip()


def _classify_columns(rows: list[list[str]], width: int) -> int:
    last_text = -1
    for j in range(width):
        vals = [r[j] for r in rows if r[j] and r[j] not in _MISSING]
        if not vals:
            continue
        text = sum(1 for v in vals if not _is_num(v))
        if text > len(vals) / 2:
            last_text = j
    return last_text + 1


def _repair_row(
    cells: list[str],
    width: int,
    value_start: int,
    vocab: list[set[str]],
    line: int,
    problems: list[ImportProblem],
    source: str,
) -> list[str]:
    cells = list(cells)
    for i, c in enumerate(cells):
        m = _MIXED.match(c) if c and not _is_num(c) else None
        split_nums = None
        if m and (i >= value_start - 1 or i < value_start):
            label, nums = m.group("label").strip(), m.group("nums").split()
            if label in _MISSING or not re.search(r"[A-Za-z]{2,}", label):
                continue
            target = next((j for j in range(value_start) if label in vocab[j]), i)
            split_nums = (label, nums, target)
        elif c and i >= value_start and re.fullmatch(r"(?:[-+]?\d+(?:\.\d+)?%?\s+)+[-+]?\d+(?:\.\d+)?%?", c):
            split_nums = (None, c.split(), i - 1)
        if split_nums is None:
            continue
        label, nums, target = split_nums
        new = cells[:i]
        if label is not None:
            new += [""] * max(0, target - len(new))
            if target < len(new):
                new[target] = new[target] or label
            else:
                new.append(label)
        new += nums
        rest = cells[i + 1 :]
        consume = len(new) - (i + 1)
        while consume > 0 and rest and not rest[0]:
            rest.pop(0)
            consume -= 1
        cells = new + rest
        problems.append(
            ImportProblem(
                source,
                f"line {line}",
                f"cell {c!r} holds {'a label and ' if label else ''}{len(nums)} values; split into separate columns",
            )
        )
        break
    if len(cells) > width:
        surplus = len(cells) - width
        # merged-away cells: drop empty cells in the value part, right-aligning the trailing values
        idx = [j for j in range(value_start, len(cells)) if not cells[j]]
        if len(idx) >= surplus:
            # drop the empties nearest to the trailing values
            pos = [
                j
                for j in idx
                if j
                > max(
                    (
                        k
                        for k in range(value_start, len(cells))
                        if cells[k] and not any(cells[t] for t in range(k + 1, len(cells)) if t != len(cells) - 1)
                    ),
                    default=value_start,
                )
            ] or idx
            for j in sorted(pos[:surplus] if len(pos) >= surplus else idx[-surplus:], reverse=True):
                del cells[j]
            problems.append(
                ImportProblem(
                    source,
                    f"line {line}",
                    f"ragged row ({width + surplus} cells for {width} columns): "
                    "dropped empty cells, trailing values kept right-aligned",
                )
            )
        else:
            dropped = [c for c in cells[width:] if c]
            cells = cells[:width]
            problems.append(
                ImportProblem(
                    source,
                    f"line {line}",
                    f"ragged row: {width + surplus} cells for {width} columns; "
                    f"values {dropped} could not be placed and were dropped",
                )
            )
    elif len(cells) < width:
        cells = cells + [""] * (width - len(cells))
    return cells


def _fill_merged_labels(
    rows: list[list[str]], lines: list[int], j: int, problems: list[ImportProblem], source: str
) -> None:
    """Fill a sparse label column (vertically merged, centred cells): each row takes its nearest label."""
    labelled = [i for i, r in enumerate(rows) if r[j]]
    if not labelled or len(labelled) > len(rows) / 2:
        return
    anchors: list[tuple[float, str]] = []
    i = 0
    while i < len(labelled):
        run = [labelled[i]]
        while i + 1 < len(labelled) and labelled[i + 1] == run[-1] + 1:
            i += 1
            run.append(labelled[i])
        texts = [rows[k][j] for k in run]
        if len(run) > 1:
            problems.append(
                ImportProblem(
                    source,
                    f"lines {lines[run[0]]}-{lines[run[-1]]}",
                    f"adjacent labels {texts} read as one merged cell; kept {texts[-1]!r}",
                )
            )
        anchors.append(((run[0] + run[-1]) / 2, texts[-1]))
        i += 1
    for i, r in enumerate(rows):
        r[j] = min(anchors, key=lambda a: (abs(a[0] - i), a[0]))[1]


def _build_table(
    header: list[list[str]],
    rows: list[list[str]],
    lines: list[int],
    *,
    caption: str | None,
    source: str,
    first_line: int,
    paper: str | None,
    name: str | None,
    problems: list[ImportProblem],
    fmt: str,
    spans_expanded: bool = False,
) -> ResultsTable:
    import pandas as pd

    if not rows:
        raise ParseError("expected a table with data rows, found only a header", source, f"line {first_line}")
    header, rows = _drop_empty_columns(header, rows)
    if header:  # the header says how wide the table is; longer rows are ragged
        width = max(max((j + 1 for j, c in enumerate(h) if c), default=0) for h in header)
        width = width or max(len(r) for r in rows)
        header = [h[:width] for h in header]
    else:
        width = max(len(r) for r in rows)
    rows = [r[:width] + [c for c in r[width:] if c] for r in rows]  # trailing empty cells are not data
    if not any(_numeric_share(r) >= 0.5 for r in rows):
        raise ParseError(
            "expected a results table with numeric values; no row is mostly numbers", source, f"line {first_line}"
        )
    clean = [r for r in rows if len(r) <= width and not any(_MIXED.match(c) for c in r if c and not _is_num(c))]
    value_start = _classify_columns([r + [""] * (width - len(r)) for r in clean] or rows, width)
    vocab = [{r[j] for r in clean if j < len(r) and r[j]} for j in range(value_start)]
    rows = [_repair_row(r, width, value_start, vocab, ln, problems, source) for r, ln in zip(rows, lines, strict=False)]
    header = [[re.sub(r"(\w)- (\w)", r"\1-\2", c) for c in h] for h in header]  # "SDXL- Refiner"
    if spans_expanded:  # pandas.read_html repeats a spanning cell in every column it covers
        levels = [list(dict.fromkeys(h[j] for h in header if j < len(h) and h[j])) or [""] for j in range(width)]
    else:
        levels = _header_levels(header, width, value_start)
    names = [" / ".join(lv for lv in levels[j] if lv) for j in range(width)]
    # label columns: which one holds the methods?
    label_names = [names[j] or ("group" if j == 0 else f"label{j}") for j in range(value_start)]
    method_col = next((j for j in range(value_start) if _METHOD_HEADER.match(names[j])), None)
    if method_col is None:
        method_col = next((j for j in range(value_start) if names[j]), 0 if value_start else None)
    for j in range(value_start):
        _fill_merged_labels(rows, lines, j, problems, source)
    if method_col is not None:
        parent = ""
        for r in rows:
            label = re.sub(r"\s*\[\d+(?:,\s*\d+)*\]", "", r[method_col]).strip()  # citation marks
            if re.match(r"^(?:-|–|w/o|\+)\s*\S", label) and parent:
                label = f"{parent} {label}"  # "- Probs" under "G-EVAL-4": a variant of the row above
            elif label:
                parent = label
            r[method_col] = label
    # sanity: a value far outside its column's range means the row is misaligned
    ranges: list[tuple[float, float] | None] = []
    for j in range(width):
        vals = sorted(v for v in (_num(r[j]) for r in rows if j >= value_start and _is_num(r[j])) if v > 0)
        if len(vals) >= 5:
            lo, hi = vals[len(vals) // 10], vals[-1 - len(vals) // 10]
            ranges.append((lo, hi))
        else:
            ranges.append(None)
    cap_metric, cap_dataset, cap_unit = _caption_info(caption)
    table_name = name
    if table_name is None and caption:
        m = re.match(r"\s*(Table\s+\w+)", caption)
        table_name = m.group(1) if m else None
    col_meta = [_column_meta(levels[j], cap_metric, cap_dataset) for j in range(width)]
    records: list[dict[str, Any]] = []
    wide_rows: list[list[Any]] = []
    extra_cols = [label_names[j] for j in range(value_start) if j != method_col]
    for r, ln in zip(rows, lines, strict=False):
        bad = [(j, r[j]) for j in range(value_start, width) if _out_of_range(r[j], ranges[j])]
        if bad:
            row_cells = [r[j] for j in range(value_start, width) if r[j]]
            j0, v0 = bad[0]
            problems.append(
                ImportProblem(
                    source,
                    f"line {ln}",
                    f"values {row_cells} do not fit their columns ({v0} under {names[j0]!r} is out of range): "
                    "cells were lost in this row and the values cannot be placed; row skipped",
                )
            )
            continue
        method = r[method_col] if method_col is not None else None
        labels = {label_names[j]: (r[j] or None) for j in range(value_start) if j != method_col}
        setting = ", ".join(f"{k}={v}" for k, v in labels.items() if v and k != "group" and v not in _MISSING) or None
        wide_rows.append(
            [r[j] for j in range(value_start)]
            + [_num(r[j]) if _is_num(r[j]) else None for j in range(value_start, width)]
        )
        for j in range(value_start, width):
            cell = r[j]
            if not cell or cell in _MISSING or not _is_num(cell):
                if cell and cell not in _MISSING:
                    problems.append(
                        ImportProblem(
                            source, f"line {ln}", f"cell {cell!r} under {names[j]!r} is not a number; skipped"
                        )
                    )
                continue
            dataset, metric = col_meta[j]
            unit = "%" if cell.endswith("%") else cap_unit
            records.append(
                {
                    "paper": paper,
                    "table": table_name,
                    "method": method,
                    "setting": setting,
                    "dataset": dataset,
                    "metric": metric,
                    "value": _num(cell),
                    "unit": unit,
                    "column": names[j],
                    "source": source,
                    "line": ln,
                    "col": j,
                    "cell": cell,
                    **labels,
                }
            )
    columns = _TIDY_BASE + [c for c in extra_cols if c not in _TIDY_BASE]
    data = pd.DataFrame(records, columns=columns)
    data = data.astype({"value": "float64", "line": "Int64", "col": "Int64"})
    wide = pd.DataFrame(wide_rows, columns=_unique(label_names + names[value_start:]))
    return ResultsTable(
        data=data, wide=wide, caption=caption, header=names, problems=problems, source=source, first_line=first_line
    )


def _out_of_range(cell: str, bounds: tuple[float, float] | None) -> bool:
    """A value far outside its column's typical range: the row's cells were shifted or lost."""
    if bounds is None or not _is_num(cell) or _num(cell) <= 0:
        return False
    return _num(cell) > 3 * bounds[1] or _num(cell) < bounds[0] / 10


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        n = n or "col"
        if n in seen:
            seen[n] += 1
            out.append(f"{n}.{seen[n]}")
        else:
            seen[n] = 0
            out.append(n)
    return out


def _column_meta(levels: list[str], cap_metric: str | None, cap_dataset: str | None) -> tuple[str | None, str]:
    dataset = None
    metric = None
    rest: list[str] = []
    for lv in levels:
        if not lv:
            continue
        d = _lexicon_hits("dataset", lv)
        if d and dataset is None and d[0][0] == 0:
            dataset = d[0][2]
            leftover = lv[d[0][1] :].strip(" /-")
            if leftover:
                rest.append(leftover)
            continue
        sym = _METRIC_SYMBOLS.get(lv.strip())
        mh = _lexicon_hits("metric", lv)
        if sym and metric is None:
            metric = sym
        elif mh and metric is None and mh[0][2] != "average" and len(lv) <= 30:
            metric = mh[0][2]
        else:
            rest.append(lv)
    if metric is None:
        metric = cap_metric
        if dataset is None:
            dataset = cap_dataset
    elif metric not in ("FPS", "speedup") and dataset is None:
        dataset = cap_dataset
    qualifier = rest[-1] if rest else None
    if metric is None:
        return dataset, qualifier or "value"
    return dataset, f"{metric} ({qualifier})" if qualifier else metric


def find_tables(
    text: str, *, source: str = "<text>", paper: str | None = None, first_line: int = 1
) -> tuple[list[ResultsTable], list[ImportProblem]]:
    """Find and parse every results table in a text.

    Tab-separated blocks (consecutive lines with tabs), markdown tables and HTML
    ``<table>`` elements are recognised; a "Table N..." paragraph within a few lines
    after (else before) a block is its caption.

    Parameters
    ----------
    text : str
    source : str
        File name for provenance.
    paper : str, optional
        Paper id recorded with every value.
    first_line : int
        Line number of the text's first line in ``source``.

    Returns
    -------
    (list of ResultsTable, list of ImportProblem)
        The tables, and the blocks that looked like tables but held no results
        (each naming its line), plus every table's repair notes.
    """
    lines = text.split("\n")
    blocks: list[tuple[int, int, str]] = []  # (start, end exclusive, format)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "<table" in ln.lower():
            j = i
            while j < len(lines) and "</table>" not in lines[j].lower():
                j += 1
            blocks.append((i, min(j + 1, len(lines)), "html"))
            i = j + 1
            continue
        fmt = (
            "tsv" if ln.count("\t") >= 1 else "markdown" if ln.lstrip().startswith("|") and ln.count("|") >= 3 else None
        )
        if fmt is None:
            i += 1
            continue
        j = i
        while j < len(lines) and (
            (fmt == "tsv" and lines[j].count("\t") >= 1) or (fmt == "markdown" and lines[j].lstrip().startswith("|"))
        ):
            j += 1
        if j - i >= 2:
            blocks.append((i, j, fmt))
        i = j
    tables: list[ResultsTable] = []
    problems: list[ImportProblem] = []
    for start, end, fmt in blocks:
        caption = _find_caption(lines, start, end)
        block = "\n".join(lines[start:end])
        try:
            t = parse_table(
                block, format=fmt, caption=caption, source=source, first_line=first_line + start, paper=paper
            )
        except ParseError as exc:
            problems.append(
                ImportProblem(
                    source,
                    f"lines {first_line + start}-{first_line + end - 1}",
                    f"table-like block skipped: {exc.message}",
                )
            )
            continue
        tables.append(t)
        problems.extend(t.problems)
    return tables, problems


def _find_caption(lines: list[str], start: int, end: int) -> str | None:
    cap_re = re.compile(r"^\s*Table\s+\d+[.:]")
    for k in range(end, min(end + 6, len(lines))):
        if cap_re.match(lines[k]):
            return lines[k].strip()
        if "\t" in lines[k]:
            break
    for k in range(start - 1, max(start - 8, -1), -1):
        if cap_re.match(lines[k]):
            return lines[k].strip()
        if "\t" in lines[k]:
            break
    return None


# ---------------------------------------------------------------------------------------------
# Views across papers
# ---------------------------------------------------------------------------------------------

COMPARE_FIELDS = [
    "title",
    "date",
    "venue",
    "authors",
    "code",
    "upvotes",
    "stars",
    "categories",
    "task",
    "datasets",
    "metrics",
    "results",
]


def _as_papers(papers: Iterable[Paper] | Paper) -> list[Paper]:
    if isinstance(papers, Paper):
        return [papers]
    out = list(papers)
    for p in out:
        if not isinstance(p, Paper):
            raise TypeError(f"compare() expects Paper objects (or a Library), got {type(p).__name__}")
    return out


def _format_result(r: Any) -> str:
    unit, metric, dataset, setting = (_cell_text(x) for x in (r.unit, r.metric, r.dataset, r.setting))
    sign = "+" if r.kind == "delta" and r.value > 0 else ""
    parts = [f"{sign}{r.value:g}{unit}", metric]
    if dataset:
        parts.append(f"on {dataset}")
    if setting:
        parts.append(f"with {setting}")
    return " ".join(p for p in parts if p)


def compare(
    papers: Iterable[Paper] | Paper, fields: Sequence[str] | None = None, results: Sequence[pd.DataFrame] | None = None
) -> pd.DataFrame:
    """One row per paper: metadata and the facets extracted from its text.

    Parameters
    ----------
    papers : iterable of Paper (e.g. a Library)
    fields : list of str, optional
        Columns to keep, from :data:`COMPARE_FIELDS` (default: all).
    results : list of DataFrame, optional
        Extra tidy results (e.g. a session's tables) merged into the ``results`` column
        by their ``paper`` id.

    Returns
    -------
    pandas.DataFrame
        Indexed by paper id; ``title`` is plain text (the link is in ``url``, which
        ``df.paperlab.style()`` uses), list-valued facets are lists, ``results`` is a
        list of readable strings and ``result_values`` the tidy rows behind them.
        Render with ``df.paperlab.style()``, export with ``df.paperlab.to_markdown()``
        or ``df.paperlab.to_latex()``.

    Raises
    ------
    ValueError
        For an unknown field name.
    """
    import pandas as pd

    chosen = list(fields) if fields is not None else list(COMPARE_FIELDS)
    unknown = [f for f in chosen if f not in COMPARE_FIELDS]
    if unknown:
        raise ValueError(f"unknown compare field(s) {unknown}; expected some of {COMPARE_FIELDS}")
    plist = _as_papers(papers)
    extra = pd.concat(list(results), ignore_index=True) if results else None
    rows = []
    for p in plist:
        facets = extract_facets(p)
        found = extract_results(p)
        values = [r._asdict() for r in found.itertuples(index=False)]
        summaries = [_format_result(r) for r in found.itertuples(index=False)]
        if extra is not None and "paper" in extra:
            mine = extra[extra["paper"] == p.id]
            values += mine.to_dict("records")
            for table, group in mine.groupby(mine["table"].fillna("table"), sort=False):
                summaries.append(f"{table}: {len(group)} values, {group['method'].nunique()} methods")
        row = {
            "title": p.title,
            "url": p.abs_url,
            "date": pd.Timestamp(p.published) if p.published else pd.NaT,
            "venue": venue_of(p),
            "authors": p.byline() or None,
            "code": p.code_url,
            "upvotes": p.upvotes,
            "stars": p.github_stars,
            "categories": list(dict.fromkeys(p.categories + p.keywords)),
            "task": facets["task"],
            "datasets": facets["datasets"],
            "metrics": facets["metrics"],
            "results": summaries,
            "result_values": values,
        }
        rows.append(row)
    cols = [c for c in chosen] + [c for c in ("url", "result_values") if c not in chosen]
    df = pd.DataFrame(rows, columns=cols, index=pd.Index([p.id for p in plist], name="id"))
    for c in ("upvotes", "stars"):
        if c in df:
            df[c] = df[c].astype("Int64")
    df.attrs["paperlab"] = "compare"
    _ensure_accessor()
    return df


def diff(a: Paper, b: Paper) -> pd.DataFrame:
    """Two papers side by side: shared and distinct facets.

    Parameters
    ----------
    a, b : Paper

    Returns
    -------
    pandas.DataFrame
        One row per facet (``task``, ``datasets``, ``metrics``, ``categories``,
        ``authors``) with columns ``shared``, ``only <a id>``, ``only <b id>``.
    """
    import pandas as pd

    if not isinstance(a, Paper) or not isinstance(b, Paper):
        raise TypeError("diff() compares two Paper objects")
    fa, fb = extract_facets(a), extract_facets(b)
    fa["categories"], fb["categories"] = a.categories + a.keywords, b.categories + b.keywords
    fa["authors"], fb["authors"] = a.authors, b.authors
    rows = {}
    for facet in ("task", "datasets", "metrics", "categories", "authors"):
        xa, xb = fa[facet], fb[facet]
        rows[facet] = {
            "shared": [x for x in xa if x in xb],
            f"only {a.id}": [x for x in xa if x not in xb],
            f"only {b.id}": [x for x in xb if x not in xa],
        }
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.attrs["paperlab"] = "diff"
    _ensure_accessor()
    return df


def leaderboard(
    results: pd.DataFrame | Iterable[pd.DataFrame | ResultsTable], *, index: Sequence[str] = ("method", "setting")
) -> pd.DataFrame:
    """Pivot tidy results (across papers) into method x (dataset, metric).

    Parameters
    ----------
    results : DataFrame, ResultsTable, or an iterable of them
        Tidy results from :func:`extract_results`, :func:`parse_table` or a
        :class:`~paperlab.sources.session.Session`.
    index : sequence of str
        Row keys; columns absent from the results are ignored.

    Returns
    -------
    pandas.DataFrame
        Rows ``index``, columns a MultiIndex ``(dataset, metric)``; duplicate values
        are averaged. ``df.paperlab.style()`` marks the best value of each column
        (lowest for error-like metrics).

    Raises
    ------
    ValueError
        If there are no results or the required columns are missing.
    """
    import pandas as pd

    if isinstance(results, pd.DataFrame):
        frames = [results]
    elif isinstance(results, ResultsTable):
        frames = [results.data]
    else:
        frames = [r.data if isinstance(r, ResultsTable) else r for r in results]
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        raise ValueError("leaderboard() needs at least one non-empty results frame")
    df = pd.concat(frames, ignore_index=True)
    missing = [c for c in ("method", "metric", "value") if c not in df]
    if missing:
        raise ValueError(f"results lack column(s) {missing}; expected tidy results (method, dataset, metric, value)")
    keys = [k for k in index if k in df and df[k].notna().any()]
    df = df.assign(dataset=df["dataset"].fillna("—") if "dataset" in df else "—")
    for k in keys:
        df[k] = df[k].fillna("")
    df = df[df["method"].astype(str) != ""]
    board = df.pivot_table(index=keys, columns=["dataset", "metric"], values="value", aggfunc="mean", sort=False)
    board.attrs["paperlab"] = "leaderboard"
    _ensure_accessor()
    return board


# ---------------------------------------------------------------------------------------------
# Rendering: a DataFrame accessor
# ---------------------------------------------------------------------------------------------


def _cell_text(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    try:
        import pandas as pd

        if v is pd.NaT or (not isinstance(v, str) and pd.isna(v)):
            return ""
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat()
    except (TypeError, ValueError):
        pass
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _safe_url(url: Any) -> str | None:
    return url if isinstance(url, str) and re.match(r"https?://", url) else None


def _register_accessor() -> type:
    import pandas as pd

    @pd.api.extensions.register_dataframe_accessor("paperlab")
    class PaperlabAccessor:
        """``df.paperlab``: render and export paperlab tables.

        Works on frames made by :func:`compare`, :func:`diff` and :func:`leaderboard`;
        raises ``AttributeError`` on any other frame.
        """

        def __init__(self, df: pd.DataFrame) -> None:
            kind = df.attrs.get("paperlab")
            if kind not in ("compare", "diff", "leaderboard"):
                raise AttributeError("df.paperlab works on frames from paperlab.compare(), diff() or leaderboard()")
            self._df = df
            self.kind = kind

        def __repr__(self) -> str:
            return f"<PaperlabAccessor {self.kind}: {self._df.shape[0]}x{self._df.shape[1]}>"

        def _display_frame(self) -> pd.DataFrame:
            df = self._df
            if self.kind == "compare":
                df = df.drop(columns=[c for c in ("url", "result_values") if c in df])
            return df

        def style(self) -> Styler:
            """A Styler for JupyterLab: titles and code links clickable, best values bold, text escaped."""
            df = self._display_frame()
            shown = df.copy()
            if self.kind == "leaderboard":
                styler = df.style.format(precision=2, na_rep="")
                for col in df.columns:
                    metric = col[1] if isinstance(col, tuple) else col
                    base = re.sub(r"\s*\(.*\)$", "", str(metric))
                    lower = base in _LOWER_IS_BETTER
                    styler = (
                        styler.highlight_min(subset=[col], props="font-weight:bold")
                        if lower
                        else styler.highlight_max(subset=[col], props="font-weight:bold")
                    )
                return styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
            # every cell becomes escaped text; only the links paperlab builds itself are markup
            for c in shown.columns:
                shown[c] = [html.escape(_cell_text(v)) for v in shown[c]]
            if self.kind == "compare":
                for c, texts, urls in (
                    ("title", df.get("title"), self._df.get("url")),
                    ("code", None, self._df.get("code")),
                ):
                    if c not in shown or urls is None:
                        continue
                    shown[c] = [
                        f'<a href="{html.escape(u)}" target="_blank" rel="noopener noreferrer">'
                        f"{html.escape(str(texts[i]) if texts is not None else 'code')}</a>"
                        if (u := _safe_url(urls[i]))
                        else shown.at[i, c]
                        for i in shown.index
                    ]
            styler = shown.style.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
            for c in ("upvotes", "stars"):
                if self.kind == "compare" and c in df and df[c].notna().any():
                    best = df[c].max()
                    flags = ["font-weight:bold" if not _isna(v) and v == best else "" for v in df[c]]
                    styler = styler.apply(lambda s, _f=flags: _f, subset=[c])
            return styler.set_properties(**{"text-align": "left", "vertical-align": "top"})

        def to_markdown(self) -> str:
            """A GitHub-flavoured markdown table (pipes and markup in cells escaped)."""
            df = self._display_frame()
            if self.kind == "leaderboard":
                head = [
                    " · ".join(_md_cell(x) for x in ((c,) if not isinstance(c, tuple) else c) if x) for c in df.columns
                ]
                idx_names = [n or "" for n in df.index.names]
                lines = ["| " + " | ".join(idx_names + head) + " |", "|" + "---|" * (len(idx_names) + len(head))]
                for key, row in df.iterrows():
                    keys = key if isinstance(key, tuple) else (key,)
                    vals = ["" if _isna(v) else f"{v:g}" for v in row]
                    lines.append("| " + " | ".join([_md_cell(str(k)) for k in keys] + vals) + " |")
                return "\n".join(lines) + "\n"
            cols = list(df.columns)
            lines = [
                "| " + " | ".join([df.index.name or ""] + [_md_cell(str(c)) for c in cols]) + " |",
                "|" + "---|" * (len(cols) + 1),
            ]
            for i, row in df.iterrows():
                cells = []
                for c in cols:
                    text = _md_cell(_cell_text(row[c]))
                    if self.kind == "compare" and c == "title" and _safe_url(self._df.at[i, "url"]):
                        text = f"[{text}]({self._df.at[i, 'url']})"
                    if self.kind == "compare" and c == "code" and _safe_url(row[c]):
                        text = f"[code]({row[c]})"
                    cells.append(text)
                lines.append("| " + " | ".join([_md_cell(str(i))] + cells) + " |")
            return "\n".join(lines) + "\n"

        def to_latex(self, **kwargs: Any) -> str:
            """A LaTeX ``tabular`` (booktabs rules; special characters escaped)."""
            df = self._display_frame()
            if self.kind == "leaderboard":
                styler = df.style.format(precision=2, na_rep="", escape="latex")
                styler = styler.format_index(escape="latex", axis=0).format_index(escape="latex", axis=1)
            else:
                shown = df.copy()
                for c in shown.columns:
                    shown[c] = [_cell_text(v) for v in shown[c]]
                styler = shown.style.format(escape="latex").format_index(escape="latex", axis=0)
                styler = styler.format_index(escape="latex", axis=1)
            kwargs.setdefault("hrules", True)
            return styler.to_latex(**kwargs)

    return PaperlabAccessor


def _isna(v: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _md_cell(text: str) -> str:
    text = html.escape(text.replace("\n", " "), quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


_ACCESSOR: type | None = None


def _ensure_accessor() -> None:
    """Register ``df.paperlab`` on first use (keeps ``import paperlab`` free of pandas)."""
    global _ACCESSOR
    if _ACCESSOR is None:
        _ACCESSOR = _register_accessor()
