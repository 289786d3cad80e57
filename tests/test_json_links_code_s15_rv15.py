"""A home-made JSON list's ``links`` naming a code repository beside the paper's page (session 15, review RV15):
the repository is the paper's code link and the page its URL. Since 35e8e59 the first listed address was the URL,
so a paper listed with ``{"label": "Code", …}`` first opened on GitHub and had no code link. A record whose own
``url`` is a repository keeps it. Our own small file, written in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab

_RECORDS = [
    {
        "title": "Widget Diffusion Models",
        "authors": ["Ada Quill"],
        "year": 2023,
        "links": [
            {"label": "Code", "url": "https://github.com/acme/widget"},
            {"label": "Paper", "url": "https://openreview.net/forum?id=abc"},
        ],
    },
    {
        "title": "Widget Tracking at Scale",
        "authors": ["Bo Renn"],
        "year": 2022,
        "links": {"code": "https://github.com/acme/track", "paper": "https://proceedings.example.org/paper/123"},
    },
    {"title": "Widget Toolkit", "authors": ["Kei Sato"], "year": 2021, "url": "https://github.com/acme/toolkit"},
]


def test_a_listed_repository_is_the_code_link_not_the_url(tmp_path: Path) -> None:
    path = tmp_path / "papers.json"
    path.write_text(json.dumps(_RECORDS), encoding="utf-8")
    got = {p.title: (p.url, p.code_url) for p in paperlab.load(path)}
    assert got == {
        "Widget Diffusion Models": ("https://openreview.net/forum?id=abc", "https://github.com/acme/widget"),
        "Widget Tracking at Scale": ("https://proceedings.example.org/paper/123", "https://github.com/acme/track"),
        "Widget Toolkit": ("https://github.com/acme/toolkit", None),
    }
