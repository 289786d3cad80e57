"""Lexicons of metrics, datasets and tasks, and the hits of a lexicon in a text.

Canonical name -> pattern; order matters (more specific first). Rule-based, no models.
"""

from __future__ import annotations

import re

__all__ = [
    "DATASETS",
    "LOWER_IS_BETTER",
    "METRICS",
    "TASKS",
    "is_known",
    "is_known_metric",
    "lexicon_hits",
    "lexicon_names",
    "to_float",
]

METRICS: list[tuple[str, str]] = [
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
LOWER_IS_BETTER = {
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


DATASETS: list[tuple[str, str]] = [
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


TASKS: list[tuple[str, str]] = [
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


# some metric patterns must keep their case (ACC, AUC, EM, ρ ...): compiled case-sensitively
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

_COMPILED: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "metric": [
        (name, re.compile(p) if name in _CASE_SENSITIVE_METRICS else re.compile(p, re.I)) for name, p in METRICS
    ],
    "dataset": [(name, re.compile(p)) for name, p in DATASETS],
    "task": [(name, re.compile(p, re.I)) for name, p in TASKS],
}


def lexicon_hits(kind: str, text: str) -> list[tuple[int, int, str]]:
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


def lexicon_names(kind: str, text: str) -> list[str]:
    """Canonical names a lexicon finds in a text, in order of first mention."""
    return list(dict.fromkeys(name for _, _, name in lexicon_hits(kind, text or "")))


def is_known_metric(name: str) -> bool:
    """True when the whole of ``name`` is a metric of the lexicon."""
    return any(s == 0 and e == len(name) for s, e, _ in lexicon_hits("metric", name))


def is_known(name: str) -> bool:
    """True when ``name`` mentions a dataset or a metric of the lexicon."""
    return bool(lexicon_hits("dataset", name) or lexicon_hits("metric", name))


def to_float(num: str) -> float:
    """A number as written in text: "1,024.5" is 1024.5 and "−3" (a minus sign) is -3."""
    return float(num.replace(",", "").replace("−", "-"))
