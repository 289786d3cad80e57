"""A one-paper note whose headings are all of one level names its paper by the heading right above its "Abstract"
heading, whatever stands above it ("#### Human in the loop" / "#### Widget GAN: sparse gadgets ..." / "####
abstract" / "#### introduction"), sentence case or not; notes on two papers each over its abstract are left to the
other rules. Our own small files (session 17, helper SC5)."""

from __future__ import annotations

import warnings

import pytest

import paperlab

H4 = """#### Gadgets in the loop
#### WidgetGAN: generative widget network with gadget-based discriminator and its evaluation
#### abstract
- A basic widget network trains a generator to fool a discriminator.
- We let people judge the gadgets.
#### introduction
- Deep widget models can model complicated gadgets.
"""
H2 = """## Reading, week 3

## Sparse gadget routing for widget graphs

## Abstract

We route gadgets over sparse widget graphs.

## Method

- a greedy router
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (H4, "WidgetGAN: generative widget network with gadget-based discriminator and its evaluation"),
        (H2, "Sparse gadget routing for widget graphs"),
    ],
)
def test_the_heading_above_the_abstract_names_the_paper(text: str, title: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_text(text, "notes.md")
    assert [e.paper.title for e in session.entries] == [title]
