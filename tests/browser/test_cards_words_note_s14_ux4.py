"""A researcher's notebook in the browser (session 14, UX4): a BibTeX file with one work under two keys is loaded
and shown as cards.

- The merge is a note (``.paperlab-note``), not a red stderr box, and re-running the cell adds none.
- The cards' filter box keeps the papers where "ho" starts a word (the author Ho, "Hopfield"), not those holding it
  inside "show" or "methods" (session 13: 2 of 5 such hits false), the count agreeing with ``Library.filter``.

Data: a BibTeX file written here.
"""

from __future__ import annotations

import pytest
from labtools import Lab, run_cell, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

pytestmark = pytest.mark.browser

BIB = """@article{ho2020ddpm,
  title = {Denoising Diffusion Probabilistic Models},
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  year = {2020},
  eprint = {2006.11239},
  abstract = {We present high quality image synthesis results using diffusion probabilistic models.}
}
@inproceedings{ho2020denoising,
  title = {Denoising diffusion probabilistic models},
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  booktitle = {NeurIPS},
  year = {2020}
}
@article{kaplan2020scaling,
  title = {Scaling Laws for Neural Language Models},
  author = {Kaplan, Jared and McCandlish, Sam},
  year = {2020},
  eprint = {2001.08361},
  abstract = {We show that the loss scales as a power-law with model size; other methods matter less.}
}
@article{ramsauer2020hopfield,
  title = {Hopfield Networks is All You Need},
  author = {Ramsauer, Hubert and Hochreiter, Sepp},
  year = {2020},
  eprint = {2008.02217},
  abstract = {A modern network with continuous states.}
}
@article{song2021ddim,
  title = {Denoising Diffusion Implicit Models},
  author = {Song, Jiaming and Meng, Chenlin and Ermon, Stefano},
  year = {2021},
  eprint = {2010.02502},
  abstract = {Non-Markovian sampling gives faster sampling; we show 10x to 50x speedups over other methods.}
}
"""


def test_a_merge_is_a_note_and_the_filter_matches_word_starts(page: Page, lab: Lab) -> None:
    (lab.root_dir / "words.bib").write_text(BIB)
    cell = "%load_ext paperlab\nimport paperlab\nlib = paperlab.load('words.bib')\nlib.cards()"
    root = show_cards(page, lab, "words-s14-ux4.ipynb", cell)
    output = page.locator(".jp-CodeCell").first.locator(".jp-OutputArea")
    note = output.locator(".paperlab-note")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("words.bib: 1 work listed twice, merged into one paper each")
    expect(note).to_contain_text("keys ho2020ddpm, ho2020denoising")
    expect(output.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)

    count = root.locator(".plc-toolbar .plc-count").last
    expect(count).to_have_text("4 papers")
    box = root.locator("input[type=search]")
    box.click()
    page.keyboard.type("ho", delay=20)
    expect(count).to_have_text("2 of 4 papers")  # Ho's paper and Hopfield's; not "show" / "methods"
    shot(page, "s14-ux4-cards-ho")

    run_cell(page, 0)  # re-run: the same file read by the same line says nothing more
    expect(page.locator(".plc-root").last.locator(".plc-toolbar .plc-count").last).to_have_text("4 papers")
    expect(output.locator(".paperlab-note")).to_have_count(0)
    expect(output.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)


def test_a_merge_is_a_note_also_without_the_extension(page: Page, lab: Lab) -> None:
    (lab.root_dir / "words.bib").write_text(BIB)
    cell = "import paperlab\nlib = paperlab.load('words.bib')\nlib.cards()"
    show_cards(page, lab, "words-plain-s14-ux4.ipynb", cell)
    output = page.locator(".jp-CodeCell").first.locator(".jp-OutputArea")
    expect(output.locator(".paperlab-note")).to_contain_text("keys ho2020ddpm, ho2020denoising")
    expect(output.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)
