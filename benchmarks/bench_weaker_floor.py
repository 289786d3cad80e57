"""How far down the weaker matches go: the floor under the relevance cut-off (session 10, helper UX).

A search's k best hits that score under the relevance cut-off are the "weaker matches" the cards offer ("Show N
weaker matches"). Without a floor a 51-paper library offered ~48 of them for a query, most near 1%. This measures
candidate floors on small libraries made from the bundled demo corpus, whose papers carry a topic (the HF list they
came from, or their DailyArXiv section tag): for a query of ours about one topic, the weaker matches of that topic are
worth offering, the others are noise.

Libraries: 51 papers, ``n`` of the query's topic (0, 3, 6 or 10) and the rest drawn from the other topics, three seeds.
Queries (ours, two per topic) are split by topic: floors are chosen on the dev topics and reported on the test topics.
Score: of the weaker matches (hits of the 50 best under the cut-off), recall = share of the on-topic ones a floor
keeps, offered noise = off-topic ones it keeps, per search (the number a user would have to read past), and F2
(recall weighs twice precision: the weaker matches are the "what came next" a user asked for, missing an on-topic one
costs more than reading past a stray one). The floor is the rule with the best F2 on dev.

    python benchmarks/bench_weaker_floor.py [--seeds 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: Topic -> how to recognise its papers in the demo corpus (a source file name or a tag), and two queries of ours.
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "contrastive": (("hf-papers-contrastive.txt",), ("contrastive representation learning", "hard negatives for a contrastive loss")),
    "hallucination": (("hf-papers-ood-hallucination.txt", "Hallucination"), ("detecting hallucinations of language models", "out-of-distribution detection")),
    "mllm": (("MLLM",), ("multimodal large language models", "vision-language instruction tuning")),
    "reasoning": (("Reasoning",), ("chain-of-thought reasoning", "improving the reasoning of LLMs with reinforcement learning")),
    "reward": (("Reward Model",), ("reward models for RLHF", "learning human preferences with a reward model")),
    "speech": (("Speech",), ("speech recognition", "spoken language and audio models")),
    "array": (("MUSIC Array", "Subspace Array", "DOA", "Acoustic", "Broadband", "SBL Array"), ("direction of arrival estimation", "sensor array signal processing")),
}  # fmt: skip
DEV = ("contrastive", "mllm", "reward", "array")
TEST = ("hallucination", "reasoning", "speech")
SIZES = (0, 3, 6, 10)  # 0: an off-topic query, every weaker match is noise
LIBRARY = 51
K = 50


def _topic_papers() -> dict[str, list]:
    from paperlab.data import demo_library

    groups: dict[str, list] = {t: [] for t in TOPICS}
    for p in demo_library():
        marks = {s.location.rsplit("/", 1)[-1] for s in p.sources} | set(p.tags)
        hit = [t for t, (keys, _) in TOPICS.items() if marks & set(keys)]
        if len(hit) == 1 and p.abstract:
            groups[hit[0]].append(p)
    return groups


def _searches(
    groups: dict[str, list], topics: tuple[str, ...], seeds: int
) -> list[tuple[list[float], float, list[bool]]]:
    """(scores of the 50 best, best first; the fitted cut-off; on-topic per hit) of every search of ``topics``."""
    from paperlab.library import Library

    out = []
    for topic in topics:
        others = [p for t, ps in groups.items() if t != topic for p in ps]
        for query in TOPICS[topic][1]:
            for n in SIZES:
                for seed in range(seeds):
                    rng = random.Random(f"{topic}-{query}-{n}-{seed}")
                    on = rng.sample(groups[topic], n)
                    lib = Library(on + rng.sample(others, LIBRARY - n))
                    found = lib.search(query, k=K, min_score=0)
                    mine = {p.id for p in on}
                    out.append(
                        ([found.scores[p.id] for p in found], float(found.cutoff or 0.0), [p.id in mine for p in found])
                    )
    return out


def _rules() -> dict[str, Callable[[list[float], float], float]]:
    """Candidate floors: (scores of the k best, best first; cut-off) -> the lowest score offered."""

    def noise(z: float) -> Callable[[list[float], float], float]:
        def floor(s: list[float], c: float) -> float:
            med = statistics.median(s)
            mad = statistics.median(abs(x - med) for x in s) or 1e-9
            return med + z * 1.4826 * mad

        return floor

    from paperlab.search.results import weaker_floor

    rules: dict[str, Callable[[list[float], float], float]] = {
        "none (session 9)": lambda s, c: 0.0,
        "shipped: weaker_floor": lambda s, c: weaker_floor(s),
    }
    for a in (0.02, 0.05, 0.1):
        rules[f"score >= {a:g}"] = lambda s, c, a=a: a
    for f in (0.05, 0.1, 0.15, 0.2, 0.3):
        rules[f"score >= {f:g} x best"] = lambda s, c, f=f: f * s[0]
    for f in (0.1, 0.2, 0.3):
        rules[f"score >= {f:g} x cut-off"] = lambda s, c, f=f: f * c
    for z in (1.0, 2.0, 3.0):
        rules[f"median + {z:g} MAD"] = noise(z)

    def both(f: float, z: float) -> Callable[[list[float], float], float]:
        nz = noise(z)
        return lambda s, c: max(f * s[0], nz(s, c))

    for f in (0.1, 0.15, 0.2):
        for z in (1.0, 2.0):
            rules[f"max({f:g} x best, median + {z:g} MAD)"] = both(f, z)
    return rules


def _score(searches: list, rule: Callable[[list[float], float], float]) -> tuple[float, float, float, float]:
    """(recall of the on-topic weaker matches, offered noise per search, precision, F2)."""
    pos = kept_pos = kept_neg = 0
    for scores, cut, on in searches:
        floor = rule(scores, cut)
        for s, good in zip(scores, on, strict=True):
            if s >= cut:
                continue
            pos += good
            if s >= floor:
                kept_pos += good
                kept_neg += not good
    n = len(searches)
    recall, precision = kept_pos / max(pos, 1), kept_pos / max(kept_pos + kept_neg, 1)
    f2 = 5 * precision * recall / max(4 * precision + recall, 1e-9)
    return recall, kept_neg / n, precision, f2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    if os.environ.get("PAPERLAB_HOME"):
        _run(args.seeds)
        return
    with tempfile.TemporaryDirectory(prefix="paperlab-weaker-") as home:  # its store and model export go with it
        os.environ["PAPERLAB_HOME"] = home
        _run(args.seeds)


def _run(seeds: int) -> None:
    groups = _topic_papers()
    print("papers per topic:", {t: len(ps) for t, ps in groups.items()})
    split = {"dev": _searches(groups, DEV, seeds), "test": _searches(groups, TEST, seeds)}
    print(f"searches: dev {len(split['dev'])}, test {len(split['test'])}; libraries of {LIBRARY}, k={K}\n")
    head = f"{'floor':<34}" + "".join(f"{h:>12}" for h in ("recall", "noise/srch", "precision", "F2")) * 2
    print(f"{'':<34}{'dev':^48}{'test':^48}")
    print(head)
    for name, rule in _rules().items():
        cells = [x for part in ("dev", "test") for x in _score(split[part], rule)]
        print(f"{name:<34}" + "".join(f"{x:>12.3f}" for x in cells))


if __name__ == "__main__":
    main()
