"""Code links in compare tables (walkthrough #2): a paper without its own code link gets the repository address
written in its abstract or comments, shown as a link in the notebook table and the markdown, escaped."""

from __future__ import annotations

import re

import pytest

import paperlab
from paperlab import Paper
from paperlab.urls import code_url_in_text, code_urls_in_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our code is available at https://github.com/example-lab/Long-Ctx.",
            ["https://github.com/example-lab/Long-Ctx"],
        ),
        ("(code: https://github.com/a/b), data: https://huggingface.co/datasets/a/d", ["https://github.com/a/b"]),
        (
            "see github.com/a/b; and www.gitlab.com/g/sub/repo!",
            ["https://github.com/a/b", "https://gitlab.com/g/sub/repo"],
        ),
        ("demo https://huggingface.co/spaces/me/demo, weights huggingface.co/me/model-7b.", None),
        ("clone https://bitbucket.org/team/tool.git", ["https://bitbucket.org/team/tool.git"]),
        ("https://github.com/a/b.git and again https://github.com/a/b", ["https://github.com/a/b"]),
        (r"\url{https://github.com/a/my\_repo}", ["https://github.com/a/my_repo"]),
        ("<p>Code: https://github.com/a/b.</p>", ["https://github.com/a/b"]),
        ("tree https://github.com/a/b/tree/main/src/x_(y)", ["https://github.com/a/b/tree/main/src/x_(y)"]),
        ("page https://lab.github.io/project/ and https://huggingface.co/papers/2401.00001", []),
        ("profile https://github.com/someone only; https://github.com/topics/llm", []),
        ("mail me@github.com/a/b or javascript:github.com/x", []),
        ("", []),
    ],
)
def test_code_urls_in_text(text: str, expected: list[str] | None) -> None:
    if expected is None:
        expected = ["https://huggingface.co/spaces/me/demo", "https://huggingface.co/me/model-7b"]
    assert code_urls_in_text(text) == expected


def test_code_url_in_text_takes_the_first_text_with_one() -> None:
    assert code_url_in_text(None, "no link here", "at github.com/x/y.") == "https://github.com/x/y"
    assert code_url_in_text(None, "") is None


def _papers() -> list[Paper]:
    return [
        Paper(
            "Long-context forecasting",
            arxiv_id="2410.04803",
            abstract="We forecast. Code is available at https://github.com/example-lab/Long-Ctx.",
        ),
        Paper("Own link wins", arxiv_id="2502.16890", code_url="https://gitlab.com/o/r", abstract="github.com/x/y"),
        Paper("In the comments", arxiv_id="2405.15598", comment="12 pages; code: github.com/c/d)"),
        Paper("No code", arxiv_id="2212.13706", abstract="Nothing to see (https://example.org/x)."),
    ]


def test_compare_takes_code_from_the_abstract_and_links_it() -> None:
    df = paperlab.compare(_papers())
    assert df["code"].tolist()[:3] == [
        "https://github.com/example-lab/Long-Ctx",
        "https://gitlab.com/o/r",
        "https://github.com/c/d",
    ]
    assert df["code"].isna().tolist() == [False, False, False, True]
    shown = df._repr_html_() or ""
    for url in ("https://github.com/example-lab/Long-Ctx", "https://gitlab.com/o/r", "https://github.com/c/d"):
        assert f'<a href="{url}" target="_blank" rel="noopener noreferrer">code</a>' in shown
    caption = re.search(r"<caption>(.*?)</caption>", shown)
    assert caption is None or "code" not in caption.group(1).split(":", 1)[1]
    md = df.paperlab.to_markdown()
    assert "[code](https://github.com/example-lab/Long-Ctx)" in md and "[code](https://github.com/c/d)" in md


def test_a_hostile_abstract_address_stays_an_escaped_link() -> None:
    evil = Paper(
        "Evil",
        arxiv_id="2501.00001",
        abstract='Code: https://github.com/a/b"onmouseover="alert(1)<script>x</script> and github.com/a/c`|)](javascript:x)',
    )
    df = paperlab.compare([evil])
    assert df.loc["2501.00001", "code"] == "https://github.com/a/b"
    shown = df._repr_html_() or ""
    assert "<script>" not in shown and "onmouseover" not in shown
    evil2 = Paper("Evil 2", arxiv_id="2501.00002", abstract="see https://github.com/a/c](javascript:alert(1))")
    df2 = paperlab.compare([evil2])
    md = df2.paperlab.to_markdown()
    assert "](javascript" not in md.replace("%5D%28javascript", "")
    link = re.search(r"\[code\]\(([^)]*)\)", md)
    assert link is not None and link.group(1).startswith("https://github.com/a/c")
