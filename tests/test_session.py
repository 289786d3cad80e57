"""Session.from_file on the real reading-group transcript (../shared/seeds/reading-group-session.txt).

Every expected value below was read off the transcript by hand (line numbers are the file's).
"""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest
from paths import SEEDS

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources.session import Session

TRANSCRIPT = SEEDS / "reading-group-session.txt"


@pytest.fixture(scope="module")
def session() -> Session:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        return Session.from_file(TRANSCRIPT, date="2025-10-01")


def _value(df: pd.DataFrame, **where: object) -> float:
    rows = df
    for k, v in where.items():
        rows = rows[rows[k] == v]
    assert len(rows) == 1, (where, rows)
    return float(rows["value"].iloc[0])


def test_import_warns_about_lost_cells_only() -> None:
    with pytest.warns(PartialImportWarning) as record:
        Session.from_file(TRANSCRIPT)
    assert len(record) == 1
    message = str(record[0].message)
    assert "lines 54-56" in message  # the figure-as-table block of the first presentation
    assert "line 233" in message  # the Motionformer "random merge" row lost its cells


def test_every_presenter_and_paper(session: Session) -> None:
    assert session.theme == "Thematic session"
    assert session.subtitle == "Paper presentation: Group4"
    assert session.date is not None and session.date.isoformat() == "2025-10-01"
    assert [e.presenter for e in session.entries] == [
        "Nanne van Noord",
        "Wangyuan Ding",
        "Carlo Bretti",
        "Floris Gisolf",
        "Ivona Najdenkoska",
    ]
    assert [e.line for e in session.entries] == [7, 106, 185, 263, 352]
    titles = [e.paper.title for e in session.entries]
    assert titles == [
        "Aligning Visual Contrastive Learning Models via Preference Optimization",
        "The Illusion of Thinking: Understanding the Strengths and Limitations of Reasoning Models via the Lens "
        "of Problem Complexity",
        "Video, How Do Your Tokens Merge?",
        "G-EVAL",  # no title slide: named after the "G-EVAL Framework" heading (reported)
        "DRCT: Diffusion Reconstruction Contrastive Training towards Universal Detection of Diffusion Generated Images",
    ]


def test_authors_and_venue(session: Session) -> None:
    first, second, third, fourth, fifth = (e.paper for e in session.entries)
    assert first.authors == [
        "Amirabbas Afzali",
        "Borna Khodabandeh",
        "Ali Rasekh",
        "Mahyar JafariNodeh",
        "Sepehr Kazemi",
        "Simon Gottschalk",
    ]
    assert first.venue == "ICLR 2025"
    assert paperlab.compare([first])["venue"].iloc[0] == "ICLR 2025"
    assert second.authors == [
        "Parshin Shojaee",
        "Maxwell Horton",
        "Iman Mirzadeh",
        "Samy Bengio",
        "Keivan Alizadeh",
        "Mehrdad Farajtabar",
    ]
    assert second.organization == "Apple"
    assert third.authors == ["Sam Pollard", "Michael Wray"]
    assert fourth.authors == []
    assert fifth.authors == ["Baoying Chen", "Jishen Zeng", "Jianquan Yang", "Rui Yang"]
    assert [p.venue for p in (second, third, fourth, fifth)] == [None] * 4
    assert first.sources[0].name == "session" and first.sources[0].record == "line 11"
    assert first.extra["presenter"] == "Nanne van Noord"


def test_takeaways_and_questions(session: Session) -> None:
    nanne, wangyuan, carlo, floris, ivona = session.entries
    assert nanne.takeaways == [
        "PO can be used on non-generative models",
        "Align without losing abilities (i.e., catastrophic forgetting)",
        "KTO performs best — easier to collect data for also!",
    ]
    assert len(wangyuan.takeaways) == 4
    assert wangyuan.takeaways[1].startswith("Architectural limits: Size and chain-of-thought alone")
    assert wangyuan.questions == ["Do you think puzzles like Tower of Hanoi reflect general reasoning?"]
    assert carlo.takeaways[1] == ("Token merging is more damaging for fine-grained and temporal data (EK100 and SSv2)")
    assert floris.takeaways == []
    # a takeaway wrapped over two lines (418-419) is one item
    assert ivona.takeaways[0] == (
        "The paper proposes a universal framework - Diffusion Reconstruction Contrastive "
        "Training (DRCT), for enhancing the generalizability of existing methods for "
        "detecting diffusion-based generated images."
    )
    assert len(ivona.takeaways) == 3


def test_problems_name_their_lines(session: Session) -> None:
    text = [str(p) for p in session.problems]
    assert any("line 263" in t and "no title slide" in t and "line 283" in t for t in text)
    assert any("lines 229-230" in t and "Divided space-time models" in t for t in text)
    assert any("line 233" in t and "210.30" in t and "row skipped" in t for t in text)
    assert any("line 228" in t and "split into separate columns" in t for t in text)


def test_token_merging_table_numbers_match_the_slide(session: Session) -> None:
    carlo = session.entries[2]
    assert [len(d) for d in carlo.results] == [129]
    df = carlo.results[0]
    assert set(df["method"]) == {"TimeSformer", "Motionformer", "VideoMAE", "ViViT"}
    # line 225: TimeSformer baseline; its model name sits on line 227 (a merged, centred cell)
    assert _value(df, line=225, dataset="K400") == 76.63
    assert _value(df, line=225, metric="FPS") == 117.78
    assert df[df["line"] == 225]["method"].unique().tolist() == ["TimeSformer"]
    # line 228: the ragged row "random merge 38.41 5.46 2.82 21.47 8.57 ... 1.99"
    row = df[df["line"] == 228].set_index("column")["value"].to_dict()
    assert row == {
        "K400": 38.41,
        "SSv2": 5.46,
        "EK-100 / Action": 2.82,
        "EK-100 / Verb": 21.47,
        "EK-100 / Noun": 8.57,
        "Speedup": 1.99,
    }
    assert df[df["line"] == 228]["Reduction"].unique().tolist() == ["random merge"]
    # line 234: "merge 65.05" then Noun, FPS, speedup at their own columns
    row = df[df["line"] == 234].set_index("column")["value"].to_dict()
    assert row == {"K400": 65.05, "EK-100 / Noun": 30.15, "FPS": 218.11, "Speedup": 2.19}
    assert df[df["line"] == 234]["method"].unique().tolist() == ["Motionformer"]
    assert 233 not in set(df["line"])  # lost cells: reported, not guessed
    # line 243: ViViT random merge, every value
    assert df[df["line"] == 243]["value"].tolist() == [28.88, 19.15, 5.78, 28.88, 14.82, 259.92, 2.45]
    assert _value(df, line=243, metric="accuracy (Action)") == 5.78
    groups = df.groupby("method")["group"].unique().to_dict()
    assert list(groups["Motionformer"]) == ["Divided space-time models"]
    assert list(groups["ViViT"]) == ["Spatio-temporal models"]


def test_geval_table_numbers_match_the_slide(session: Session) -> None:
    df = session.entries[3].results[0]
    assert len(df) == 125  # 13 rows x 10 columns, less GPTScore's five "-"/"_" Kendall cells
    assert set(df["dataset"]) == {"SummEval"}
    assert _value(df, method="ROUGE-1", metric="Spearman ρ (Coherence)") == 0.167
    assert _value(df, method="BERTScore", metric="Kendall τ (Coherence)") == 0.211
    assert _value(df, method="G-EVAL-4", metric="Spearman ρ (AVG)") == 0.514
    assert _value(df, method="G-EVAL-4 - CoT", metric="Kendall τ (Relevance)") == 0.427
    assert _value(df, method="G-EVAL-3.5 - Probs", metric="Spearman ρ (Coherence)") == 0.359
    assert df[df["method"] == "GPTScore"]["value"].tolist() == [0.434, 0.449, 0.403, 0.381, 0.417]
    assert df["line"].min() == 328 and df["line"].max() == 340


def test_drct_table_numbers_match_the_slide(session: Session) -> None:
    table = session.entries[4].tables[0]
    df = table.data
    assert len(df) == 13 * 17
    assert table.caption.startswith("Table 1. Accuracy (ACC, %)")
    assert set(df["dataset"]) == {"DRCT-2M"} and set(df["unit"]) == {"%"}
    # line 412: DRCT/Conv-B (ours) with DR = SDv2, the whole row
    row = df[df["line"] == 412]
    assert row["value"].tolist() == [
        99.66,
        98.56,
        98.48,
        99.85,
        96.10,
        98.68,
        99.59,
        83.30,
        98.45,
        93.78,
        96.68,
        99.85,
        97.66,
        93.91,
        99.87,
        90.39,
        96.55,
    ]
    assert row["DR"].unique().tolist() == ["SDv2"]
    assert _value(df, method="Conv-B", metric="accuracy (SDv1.4)") == 100.0
    assert _value(df, method="DIRE", DR="SDv1", metric="accuracy (Avg.)") == 71.23
    assert "SD Variants / SDXL-Refiner" in table.header


def test_session_library_search_compare_and_cards(session: Session) -> None:
    lib = session.library
    assert isinstance(lib, paperlab.Library) and len(lib) == 5
    assert [p.title for p in lib.filter(text="token merge")] == ["Video, How Do Your Tokens Merge?"]
    cmp = session.compare()
    assert cmp["presenter"].tolist()[0] == "Nanne van Noord"
    drct = cmp.iloc[4]
    assert len(drct["result_values"]) == 221
    assert "<a href" not in lib.to_markdown()  # cards are markdown, not raw html
    board = paperlab.leaderboard(session.entries[4].results)
    assert board.loc[("DRCT/Conv-B (ours)", "DR=SDv2"), ("DRCT-2M", "accuracy (Avg.)")] == 96.55
    html = board.paperlab.style().to_html()
    # the best average (96.55, row 10, last column) is the one marked bold in that column
    bold_rule = re.search(r"\n(#T_\w+(?:, #T_\w+)*) \{\n\s*font-weight: bold", html).group(1)
    assert "_row10_col16" in bold_rule and "_row9_col16" not in bold_rule


def test_agenda_markdown(session: Session) -> None:
    md = session.to_markdown()
    assert md.startswith("# Thematic session\n*Paper presentation: Group4*\n**Date:** 2025-10-01")
    assert "1. **Nanne van Noord** — *Aligning Visual Contrastive Learning Models via Preference Optimization*" in md
    assert "ICLR 2025" in md
    assert "   - ❓ Do you think puzzles like Tower of Hanoi reflect general reasoning?" in md
    assert "   - Results: 1 table(s), 221 values" in md
    assert r"\*unique generative artifacts\*" in md  # markdown in slide text is escaped


def test_small_transcript_from_text() -> None:
    text = (
        "Reading group\n\nAda Lovelace\n\nPublished as a conference paper at NeurIPS 2024\n\n"
        "A Tiny Paper\n\nAlan Turing University of Manchester\n\nResults\n\n"
        "Method\tCIFAR-10\nOurs\t91.5\nBase\t90.0\n\nTakeaways\n\n- it works\n"
    )
    s = Session.from_text(text, source="tiny.txt")
    (entry,) = s.entries
    assert entry.presenter == "Ada Lovelace"
    assert entry.paper.title == "A Tiny Paper" and entry.paper.authors == ["Alan Turing"]
    assert entry.paper.venue == "NeurIPS 2024"
    assert entry.takeaways == ["it works"]
    assert entry.results[0][["method", "dataset", "value", "line"]].values.tolist() == [
        ["Ours", "CIFAR-10", 91.5, 14],
        ["Base", "CIFAR-10", 90.0, 15],
    ]


def test_errors_name_file_and_line(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    with pytest.raises(ParseError, match=r"empty\.txt, line 1: empty transcript"):
        Session.from_file(empty)
    no_names = tmp_path / "notes.txt"
    no_names.write_text("\n\nsome notes about papers\n\nmore notes\n")
    with pytest.raises(ParseError, match=r"notes\.txt, line 3: expected presenter lines"):
        Session.from_file(no_names)
    with pytest.raises(ParseError, match="file not found"):
        Session.from_file(tmp_path / "missing.txt")
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("Session\n\nAda Lovelace\n\nsome words here\n\nmore words\n")
    with pytest.raises(ParseError, match=r"untitled\.txt, line 3: presentation by 'Ada Lovelace'"):
        Session.from_file(untitled)
