"""Lexicons of metrics, datasets and tasks, and the hits of a lexicon in a text.

Canonical name -> pattern; order matters (more specific first). Rule-based, no models.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "DATASETS",
    "LOWER_IS_BETTER",
    "METRICS",
    "METRIC_PHRASES",
    "TASKS",
    "generic_metric_hits",
    "is_known",
    "is_known_metric",
    "lexicon_hits",
    "lexicon_names",
    "to_float",
]

METRICS: list[tuple[str, str]] = [
    ("top-1 accuracy", r"top[- ]?1 (?:classification )?accuracy"),
    ("top-5 accuracy", r"top[- ]?5 (?:classification )?accuracy"),
    ("Top-1", r"\btop-1\b(?! accuracy)"),  # "26.7% Top-1 on English": a metric (the gold spells it so)
    ("Top-5", r"\btop-5\b(?! accuracy)"),
    ("linear accuracy", r"linear(?:[- ]prob(?:e|ing)|[- ]evaluation)? accuracy"),
    ("zero-shot accuracy", r"zero[- ]shot(?: classification)? accuracy"),
    ("fine-tuning accuracy", r"fine[- ]?tuning accuracy"),
    ("ranking accuracy", r"ranking accuracy"),
    ("retrieval accuracy", r"retrieval accuracy"),
    ("detection accuracy", r"detection accuracy"),
    ("pass@k", r"pass@\d+"),
    ("accuracy", r"accurac(?:y|ies)|\bACC\b"),
    ("MRR", r"\bMRR\b|[Mm]ean [Rr]eciprocal [Rr]ank"),
    # MR ("rank" alone names no metric); not when a word goes on naming another metric ("mean rank quality")
    ("mean rank", r"\bmean rank\b(?![- ](?!(?:of|on|in|is|was|and|or|for|with|at|by|over|to|from|than|per)\b)[a-z])"),
    ("mAP", r"\bmAP\b|mean average precision"),
    ("AUROC", r"\bAUROC\b"),
    ("AUPR", r"\bAUPRC?\b|\bAUC-PR\b|\bPR-AUC\b|area under the precision[-–—]+recall curve"),
    ("AUC", r"\bAUC\b"),
    ("FPR95", r"\bFPR(?:@|-)?95\b"),
    ("F1", r"\bF-?1(?:[- ]score)?\b|\bF-measure\b"),
    ("exact match", r"[Ee]xact[- ]match|\bEM\b"),
    ("chrF++", r"\bchrF\+\+"),
    ("chrF", r"\bchrF\b(?!\+)"),
    ("BLEU", r"\bBLEU(?:-\d)?\b"),
    ("ROUGE-1", r"\bROUGE-1\b"),
    ("ROUGE-2", r"\bROUGE-2\b"),
    ("ROUGE-L", r"\bROUGE-L\b"),
    ("BERTScore", r"\bBERTScore\b"),
    (
        "Spearman correlation",
        r"Spearman(?:['’]s)?(?: rank)? correlation(?: coefficient)?|Spearman(?:['’]s)? (?:\(?ρ\)?|rho\b)|\bρ\b",
    ),
    ("Kendall-Tau correlation", r"Kendall(?:[- ]Tau)?(?:['’]s)?(?: correlation)?|\bτ\b"),
    ("Krippendorff's alpha", r"Krippendorff['’]s alpha"),
    ("FID", r"\bFID\b|Fr[ée]chet [Ii]nception [Dd]istance"),  # spelled out: the conventions name it FID
    ("CER", r"\bCER\b|character error rate"),
    ("WER", r"\bWER\b|word error rate"),
    ("error rate", r"error rate"),
    ("perplexity", r"perplexity|\bPPL\b"),
    ("win rate", r"win[- ]rate"),
    ("success rate", r"success rate|(?<=%\s)success\b"),  # "98% success"
    ("refusal rate", r"refusal rate"),
    ("hallucination", r"hallucinations?(?: rate)?"),
    ("recall@k", r"\bR(?:ecall)?@\d+\b"),
    ("precision@k", r"\bP(?:recision)?(?:@| at )\d+\b"),
    ("nDCG", r"\bnDCG(?:@\d+)?\b"),
    ("FPS", r"\bFPS\b|frames per second"),
    ("RMSE", r"\bRMSE\b|root[- ]mean[- ]squared? error"),
    ("MSE", r"\bMSE\b|mean[- ]squared? error"),
    ("MAE", r"\bMAE\b|mean absolute (?!percentage)(?:[\w-]+ ){0,2}?error"),  # "mean absolute cross-track error"
    ("MAPE", r"\bMAPE\b|mean absolute percentage error"),
    ("PSNR", r"\bPSNR\b|peak signal-to-noise ratio"),
    ("SSIM", r"\bSSIM\b"),
    ("LPIPS", r"\bLPIPS\b"),
    ("mIoU", r"\bmIoU\b|mean intersection over union|mean (?:per-class )?IoU\b"),
    ("IoU", r"\bIo[Uu]\b|\bIOU\b|intersection over union"),
    ("Dice", r"\bDice(?: similarity)?(?: scores?| coefficients?)?\b"),
    ("METEOR", r"\bMETEOR\b"),
    ("CIDEr", r"\bCIDEr\b"),
    ("EER", r"\bEER\b|equal error rate"),
    ("R2", r"\bR(?:\^?2|²)(?: score)?(?!\w)"),
    ("speedup", r"speed[- ]?up"),
    ("FLOPs", r"\b(?:[GTMK]?FLOPs|FLOPS)\b"),
    ("compute", r"pre-?training compute|\bcompute\b"),
    ("average", r"\bAVG\b|\bAvg\.?(?=\s|$)|\baverage\b"),
]


# a whole metric phrase (the one the rules or the ranker chose) that the labelling conventions name by a lexicon
# metric although the phrase does not spell it: a qualified bare "success" ("Target success", "semantic success",
# "end-to-end success") is a success rate, a correlation written as its symbol ("$r=0.794$") a correlation
METRIC_PHRASES: list[tuple[str, re.Pattern[str]]] = [
    ("success rate", re.compile(r"(?i)(?:[\w@.-]+\s+){0,3}success")),
    ("success rate", re.compile(r"(?:[\w@.-]+\s+){0,2}SR")),  # "tracking SR": a task's success rate (not "SRCC")
    ("correlation", re.compile(r"r")),
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
    "RMSE",
    "MSE",
    "MAE",
    "MAPE",
    "PSNR",
    "SSIM",
    "LPIPS",
    "mIoU",
    "IoU",
    "METEOR",
    "CIDEr",
    "EER",
    "R2",
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
    return list(_lexicon_hits(kind, text))  # a new list each call: callers may extend theirs


@lru_cache(maxsize=512)
def _lexicon_hits(kind: str, text: str) -> tuple[tuple[int, int, str], ...]:
    """The hits of :func:`lexicon_hits`, once per sentence and lexicon (a sentence's steps each ask for them)."""
    hits: list[tuple[int, int, str]] = []
    for name, rx in _COMPILED[kind]:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in hits):
                continue
            canonical = name
            if name == "pass@k":
                canonical = m.group(0).lower()
            hits.append((m.start(), m.end(), canonical))
    return tuple(sorted(hits))


# the last word of a metric phrase the lexicon does not list ("decoding cost", "false positive rate", "angle error")
_HEADS = (
    r"errors?|rates?|scores?|coverage|latency|costs?|time|ratios?|efficiency|precision|recall|savings|"
    r"speed|resolution|length|throughput|consumption|size|footprint|usage|overhead|sensitivity|specificity|"
    r"correlation"
)
# words that never start or sit inside such a phrase
_NOT_MODIFIER = re.compile(
    r"(?i)^(?:the|a|an|of|in|on|at|to|by|for|with|and|or|than|as|per|over|across|while|without|from|into|our|its|their|this|that|these|which|is|are|was|were|"
    r"we|it|they|demonstrate|show|achieve|report|obtain|reach|attain|yield|give|provide|maintain|"
    r"lowers|raises|cuts|lifts|boosts|gets|yields|attains|obtains|reaches|achieves|improves|reduces|increases|"
    r"higher|lower|better|worse|less|more|fewer|low|high|same|both|all|each|lower|state-of-the-art|sota|"
    r"smaller|larger|faster|slower|greater|shorter|longer|cheaper|best|worst|lowest|highest|superior|competitive|"
    r"learning|sampling|frame|bit|run|total|overall|average|mean|median|required|predicted|\w+ly|\w+ed|\w+es|\d.*|"
    r"\w|dB|ms|mm|cm|km|mJ|degrees?|percent)$"
)
# a lower-case word in -s that is not the word before the head: a verb ("keeps") or a plural subject, not a modifier
_VERB_OR_PLURAL = re.compile(r"[a-z][\w-]*[^\Wsiu]s")
# participles that are part of a metric's name ("expected calibration error", "normalized prediction score")
_NAMING_PARTICIPLE = re.compile(r"(?i)^(?:expected|normali[sz]ed|weighted|balanced|adjusted|modell?ed)$")
# acronyms that are settings or things, not metrics
_NOT_METRIC_ACRONYMS = {"SOTA", "LLM", "LLMS", "GPU", "CPU", "TPU", "AI", "ML", "NLP", "API", "SNR", "NFE", "CNN"}
# units of size ("21.52 MB of GPU memory") and currencies, which the conventions leave null ("USD 0.0052 for AI versus
# USD 4.81"): units, never what is measured
UNIT_ACRONYMS = frozenset({"KB", "MB", "GB", "TB", "KIB", "MIB", "GIB", "TIB"})
UNIT_ACRONYMS |= {"USD", "EUR", "GBP", "CNY", "RMB", "JPY", "CAD", "AUD", "CHF", "INR", "KRW"}
_NOT_METRIC_ACRONYMS |= UNIT_ACRONYMS
_ACRONYM = r"[A-Z]{2,}[0-9]*(?:-[A-Z0-9]{2,})?"
_ACRONYM_CONTEXTS = [
    rf"\d(?:\s?(?:%|x|×))?\s+(?:[a-z]+\s+)?(?:in|of)\s+(?:terms of\s+)?(?:the\s+)?(?P<a>{_ACRONYM})\b(?![-(])",  # "24% in MAE"
    # "... to reference set (ADRS)", "transactional net promoter score (tNPS)": the abbreviation a phrase defines
    rf"[a-z]\s+\((?P<a>[a-z]?{_ACRONYM})\)",
    rf"\b(?P<a>{_ACRONYM})\s+(?:of\s+|=\s*|:\s*)?[-+]?\d+\.\d",  # "PESQ 2.13"
    # "reduces PER to 15.74%", "the highest oracle QWK was 0.5799", "FAR reaches 0.341"
    # (one metric, not a list of groups: "the scores for AI and GT were 2.68 vs. 2.71")
    rf"(?<!\band )(?<!\bor )\b(?P<a>{_ACRONYM})\s+(?:to|was|is|reach(?:es|ed)?|drops to|falls to|rises to)\s+[-+]?\d+(?:\.\d|\s?%)",
    rf"(?:\d\.\d+|\d\s?(?:%|dB|x|×))\s+(?P<a>{_ACRONYM})\b(?!-)",  # "9.31 dB SI-SDR", "16.4% ADE"
]

# what a change verb changes: "<improves|reduces|...> [the] <one to three lowercase words> by"
_CHANGED_BY = re.compile(
    r"\b(?:improv|reduc|increas|decreas|boost|lift|lower|rais|cut|enhanc)\w*\s+(?:the\s+)?"
    r"(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+by\b"
)

# a second object of a change verb: "reduces latency by 35% and memory by 2.1x", "and the resolved rate by up to
# 61%", ", and peak body-attitude deviation by 59.0%" (after an article a participle names the metric too)
_AND_BY = re.compile(
    r"(?:,|\band)\s+(?:and\s+)?(?:(?P<det>the|its)\s+)?(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+by"
    r"(?:\s+(?:up to|about|approximately|around|roughly|over|nearly|almost|more than|at least|~|∼))?\s*[+−-]?\d"
)

# what a change names after itself: "N% reduction in <X>", "N% less <X>", "45.4% less peak GPU memory", "50%
# reduction in KV cache memory" (an abbreviation inside the phrase), "17x more energy per page"
_CHANGE_OF = re.compile(
    r"\d\s?(?:%|x|×|-fold)\s+(?:(?:reduction|improvement|increase|decrease|gain|drop)\s+(?:in|of)\s+(?:the\s+)?|"
    r"(?:less|fewer|more)\s+)(?P<m>(?:[A-Z]{2,}\s+)?[a-z][\w-]*(?:\s+(?:[A-Z]{2,}\s+)?(?!per\b)[a-z][\w-]*)?(?:\s+per\s+[a-z][\w-]*)?)"
    r"(?![\w-])(?!\s+[A-Z])"
)

# what a change names between itself and the value: "a 6.1x step reduction", "72.5% computational waste reduction"
_CHANGE_NAMED = re.compile(
    r"\d\s?(?:%|x|×|-fold)\s+(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    r"(?:reduction|improvement|increase|decrease|gain|drop)s?\b"
)
_NOT_CHANGED = re.compile(
    r"(?i)^(?:relative|absolute|overall|average|mean|total|net|significant|substantial|consistent|performance|"
    r"points?|fold|times|speed)$"
)


# heads that name a metric on their own ("the error of 1.5°", "a precision of 0.91", "a latency of 45 ms")
_LONE_HEADS = r"errors?|precision|recall|latency|throughput|sensitivity|specificity|coverage"
_SETTING_SIZE = (
    r"\b(?:batch|step|sample|patch|window|kernel|grid|population|beam|chunk|context|vocabulary|cohort)\s+size$"
)


def _singular(phrase: str) -> str:
    """ "compression ratios" -> "compression ratio": a metric is named in the singular."""
    return phrase[:-1] if re.search(r"(?:error|cost|rate|score|ratio)s$", phrase) else phrase


# a clause's subject whose value the clause states: "..., exact tool-set match was 62.92%"
_NP_WAS = re.compile(
    r"(?:^|[,;:]\s+(?:and\s+)?|\band\s+)(?P<m>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:was|were|is|are)\s+"
    r"(?:only\s+|about\s+|approximately\s+)?[+−-]?\d+(?:\.\d|\s?%)"  # a value's shape, not "are 2 types"
)
_COSTS_TIMES = re.compile(r"\s+(?:only\s+|about\s+|roughly\s+)?\d[\d.]*\s?(?:x|×|times)\s+(?:less|more)\b")
_PER = re.compile(r"\s+per\s+(?!(?:the|a|an|cent|se)\b)[a-z][\w-]*")


def _but_per(phrase: str) -> list[str]:
    """The words of a phrase but a "per" inside it ("energy per page" is one metric)."""
    words = phrase.split()
    return [w for n, w in enumerate(words) if not (w == "per" and 0 < n < len(words) - 1)]


def _second_objects(
    text: str, hits: list[tuple[int, int, str]], taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Hits with the later objects of a change verb: "reduces latency by 35% and memory by 2.1x", "and the resolved
    rate by up to 61%"; such a phrase replaces a head hit inside it ("the error variance by 24.87%": not "error")."""
    verb = re.search(r"\b(?:improv|reduc|increas|decreas|boost|lift|lower|rais|cut|enhanc)\w*\s", text)
    for m in _AND_BY.finditer(text, verb.end() if verb else len(text)):
        words = _but_per(m.group("m"))
        if any(
            _NOT_MODIFIER.match(w) and not (n == 0 and m.group("det") and w.endswith("ed")) for n, w in enumerate(words)
        ):
            continue
        inside = [h for h in hits if m.start("m") <= h[0] and h[1] <= m.end("m")]
        hits = [h for h in hits if h not in inside]
        if not any(m.start("m") < e and s < m.end("m") for s, e, _ in taken + hits):
            hits.append((m.start("m"), m.end("m"), m.group("m")))
        else:
            hits += inside
    return hits


def _stated_subjects(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Clause subjects whose value the clause states: "..., exact tool-set match was 62.92%, and strict task
    completion was 47.08%" (none that overlaps ``taken``)."""
    out: list[tuple[int, int, str]] = []
    if re.search(r"\b(?:was|were|is|are)\s", text) is None:
        return out  # most sentences state no value so
    for m in _NP_WAS.finditer(text):
        s, e = m.start("m"), m.end("m")
        if not any(_NOT_MODIFIER.match(w) for w in _but_per(m.group("m"))):
            if not any(s < e2 and s2 < e for s2, e2, _ in taken + out):
                out.append((s, e, m.group("m")))
    return out


def generic_metric_hits(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Metric phrases outside the lexicon: "<modifiers> error/rate/cost/...", and acronyms used as metrics.

    ``taken`` are hits already found (the lexicon's); a phrase that overlaps one is not returned. A phrase keeps up
    to three modifiers before its head, without a leading "average"/"mean"/"predicted" when others remain.
    """
    hits: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < e2 and s2 < e for s2, e2, _ in taken + hits)

    for m in re.finditer(rf"(?<![-\w])(?:{_HEADS})(?![-\w])", text, re.I):
        base = max(0, m.start() - 60)
        words = list(re.finditer(r"[\w-]+", text[base : m.start()]))
        start = m.start()
        for n, w in enumerate(reversed(words)):
            if n == 3 or not re.fullmatch(r"\s*", text[base + w.end() : start]) or not w.group(0)[0].isalnum():
                break  # a gap, or a dash or flag before the word ("--with removal rate")
            if n and _VERB_OR_PLURAL.fullmatch(w.group(0)):
                break  # "history keeps unsafe rate", "triage holds VLM cost": a verb or a subject, no modifier
            if _NOT_MODIFIER.match(w.group(0)) and not _NAMING_PARTICIPLE.match(w.group(0)):
                if start == m.start() and w.group(0).lower() in ("mean", "median"):
                    start = base + w.start()  # "mean error", "median error" keep their statistic
                break
            start = base + w.start()
        if re.search(_SETTING_SIZE, text[start : m.end()], re.I):
            continue  # "a batch size of 256" is a setting
        if m.group(0).lower() == "scores" and re.match(r"\s+[+−-]?\d", text[m.end() :]):
            continue  # "the model scores 0.78": a verb
        if re.fullmatch(r"costs?", m.group(0), re.I) and _COSTS_TIMES.match(text, m.end()):
            hits += [(m.start(), m.end(), "cost")] if free(m.start(), m.end()) else []  # "costs 63x less": a cost
            continue
        lone_ok = re.fullmatch(_LONE_HEADS, m.group(0), re.I)
        per = _PER.match(text, m.end())  # "read cost per question": what it is counted per is part of the name
        end = per.end() if per else m.end()
        if start == m.start() and not lone_ok or not free(start, end):
            continue  # a lone head is too vague, except "error" ("the error of 1.5°")
        hits.append((start, end, _singular(text[start : m.end()]) + text[m.end() : end]))
    for m in _CHANGED_BY.finditer(text):  # "improves performance by 7.35x", "lifts median concreteness by +0.20"
        if not any(_NOT_MODIFIER.match(w) and w not in ("mean", "median") for w in _but_per(m.group("m"))):
            if free(m.start("m"), m.end("m")):
                hits.append((m.start("m"), m.end("m"), m.group("m")))
    hits[:] = _second_objects(text, hits, taken)
    hits += _stated_subjects(text, taken + hits)
    for m in _CHANGE_OF.finditer(text):  # "an 8x reduction in size", "40% less data"
        parts = m.group("m").split()
        while parts and _NOT_MODIFIER.match(parts[-1]):
            parts.pop()
        if parts and not any(_NOT_MODIFIER.match(w) for w in _but_per(" ".join(parts))):
            e = m.start("m") + len(" ".join(parts))
            if free(m.start("m"), e):
                hits.append((m.start("m"), e, " ".join(parts)))
    for m in _CHANGE_NAMED.finditer(text):
        named = m.group("m").split()
        if not any(_NOT_MODIFIER.match(w) or _NOT_CHANGED.match(w) for w in named) and free(m.start("m"), m.end("m")):
            hits.append((m.start("m"), m.end("m"), m.group("m")))
    for m in re.finditer(r"(?<![\w@.-])[A-Za-z][\w-]*@\d+(?:\.\d+)?(?![\w@])", text):  # "Purity@1", "Hit@10"
        if free(m.start(), m.end()):
            hits.append((m.start(), m.end(), m.group(0)))
    for rx in _ACRONYM_CONTEXTS:
        for m in re.finditer(rx, text):
            a = m.group("a")
            if a.upper() not in _NOT_METRIC_ACRONYMS and free(m.start("a"), m.end("a")):
                hits.append((m.start("a"), m.end("a"), a))
    return sorted(hits)


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
