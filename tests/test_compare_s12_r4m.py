"""compare() as a user reads it (R4's finding 17 and the session 12 walkthrough, our own small BibTeX files): the
datasets column names every dataset the results column does; a year-only date is a typed timestamp for sorting
with its precision beside it ("year"), printed "2016", never 2016-01-01; the printed frame, like the notebook
table, leaves out the columns empty for every paper and names them, while the frame keeps them for analysis."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import paperlab

_ML = r"""
@article{quill2022toy,
  title = {Toy Diffusion in Latent Boxes},
  author = {Quill, Ada and Dale, Bo},
  journal = {Toy Journal},
  year = {2022},
  abstract = {We train toy diffusion models in a latent box. Our model reaches a new state of the art for image
    inpainting with FID of 5.11 on CelebA-HQ while reducing computational requirements by 2.7$\times$ compared to
    pixel-based models.}
}
@inproceedings{moss2021nets,
  title = {Nets for Toys},
  author = {Moss, Cy},
  booktitle = {Proc. Toys},
  year = {2021},
  month = mar,
  abstract = {We propose ToyNet, which reaches 81.2\% top-1 accuracy on ImageNet.}
}
"""

_ECOLOGY = """
@book{rowe2016,
  title = {Tide Pools of a Made-up Coast},
  author = {Rowe, Di},
  publisher = {Harbour Press},
  year = {2016}
}
@article{fox2019,
  title = {Counting Gulls from a Small Boat},
  author = {Fox, Ed and Lin, Fa},
  journal = {Journal of Made-up Birds},
  date = {2019-06-12}
}
"""


def _printed(df: pd.DataFrame) -> str:
    with pd.option_context("display.width", 250, "display.max_columns", 20, "display.max_colwidth", 40):
        return repr(df)


def _compare(tmp_path: Path, text: str) -> pd.DataFrame:
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    return paperlab.load(path).compare()


def test_the_datasets_column_names_the_datasets_of_the_results(tmp_path: Path) -> None:
    df = _compare(tmp_path, _ML).set_index("title")
    toy = df.loc["Toy Diffusion in Latent Boxes"]
    assert toy["results"] == ["5.11 FID on CelebA-HQ", "2.7x fewer computational requirements on CelebA-HQ"]
    assert toy["datasets"] == ["CelebA-HQ"]  # was empty beside the results naming it
    assert df.loc["Nets for Toys", "datasets"] == ["ImageNet"]  # once, though the lexicon and the result name it
    assert toy["metrics"] == ["FID"]


def test_a_year_only_date_keeps_its_type_and_says_its_precision(tmp_path: Path) -> None:
    df = _compare(tmp_path, _ECOLOGY + _ML)
    by_title = df.set_index("title")
    assert str(df["date"].dtype).startswith("datetime64")  # sorts and filters as dates
    assert list(df.sort_values("date")["title"])[0] == "Tide Pools of a Made-up Coast"
    assert by_title["date_precision"].to_dict() == {
        "Tide Pools of a Made-up Coast": "year",
        "Counting Gulls from a Small Boat": "day",
        "Toy Diffusion in Latent Boxes": "year",
        "Nets for Toys": "month",
    }
    assert list(df.columns[:3]) == ["title", "date", "date_precision"]
    printed = _printed(df)
    assert "2016-01-01" not in printed and "2016" in printed and "2021-03" in printed and "2019-06-12" in printed
    shown = df._repr_html_() or ""
    assert "date_precision" not in shown and "2016-01-01" not in shown  # the date says it: "2016"
    frame = paperlab.load(tmp_path / "refs.bib").to_dataframe().set_index("title")
    assert frame.loc["Tide Pools of a Made-up Coast", "date_precision"] == "year"  # to_dataframe says it alike
    assert str(frame["published"].dtype).startswith("datetime64")


def test_the_printed_frame_leaves_out_columns_empty_for_every_paper_and_names_them(tmp_path: Path) -> None:
    df = _compare(tmp_path, _ECOLOGY)
    printed = _printed(df)
    empty = ["code", "upvotes", "stars", "categories", "task", "datasets", "metrics", "results"]
    assert printed.splitlines()[-1] == f"Not shown, empty for every paper: {', '.join(empty)}."
    header = printed.splitlines()[0].split()
    assert header == ["title", "date", "venue", "authors"]  # no empty column, no evidence rows
    assert set(empty) <= set(df.columns) and "result_values" in df.columns  # the frame keeps every column
    assert df["results"].map(len).sum() == 0 and df["code"].isna().all()
    narrow = paperlab.load(tmp_path / "refs.bib").compare(fields=["title", "date"])
    assert list(narrow.columns) == ["title", "date", "date_precision", "url", "result_values"]
