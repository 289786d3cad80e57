"""Cards of papers from BibTeX, RIS and a DailyArXiv table in a real browser (walkthrough #1, #10, #11): a DailyArXiv
row shows its arXiv id's month ("2024-11 (month of its arXiv id)") and counts in the Year chips; a BibTeX paper
shows its citation key (a hostile key as text); the Source chips read "RIS", "BibTeX", "DailyArXiv".

Data: our own two-entry BibTeX, one-record RIS and two-row DailyArXiv table, written by the notebook cell.
Screenshots: test-artifacts/cards-walk-fixes-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

pytestmark = pytest.mark.browser

BIB = """@inproceedings{sentinel2017mixture,
  title = {Sentinel Mixtures for Counting Examples},
  author = {Ada Example and Bo Sample},
  booktitle = {Proceedings of the Workshop on Made-Up Results},
  year = {2017}
}
"""
RIS = "TY  - JOUR\nTI  - Counting Labels in Tables\nAU  - Example, Cy\nPY  - 2021\nER  -\n"
README = """# Daily Papers
Last update: 2025-03-04

## Signals
| **Title** | **Date** | **Abstract** | **Comment** |
| --- | --- | --- | --- |
| **[Folding Spectra into Saliency Masks](http://arxiv.org/abs/2411.05841v2)** | 2025-03-03 | Masks over bands. |  |
| **[A Hierarchy of Forecasts Reconciled](http://arxiv.org/abs/2212.13706v3)** | 2025-03-02 | Flows reconcile. |  |
"""
HOSTILE = "<img src=x onerror=alert(1)>"

CODE = f"""from pathlib import Path
import paperlab
from paperlab import Paper
Path('walk.bib').write_text({BIB!r}); Path('walk.ris').write_text({RIS!r}); Path('walk.md').write_text({README!r})
lib = paperlab.load('walk.bib', 'walk.ris', 'walk.md')
lib.add(Paper('A Hostile Key', extra={{'bibtex_key': {HOSTILE!r}}}))
w = lib.cards(height=1200)
w"""


def test_cards_show_id_months_citation_keys_and_source_labels(page: Page, lab: Lab) -> None:
    root = show_cards(page, lab, "cards-walk-fixes.ipynb", CODE)
    expect(root.locator(".plc-card")).to_have_count(5, timeout=30_000)
    row = root.locator(".plc-card[data-id='2411.05841']")
    expect(row.locator(".plc-date")).to_have_text("2024-11 (month of its arXiv id)")
    keyed = root.locator(".plc-card", has_text="Sentinel Mixtures for Counting Examples")
    expect(keyed.locator(".plc-key")).to_have_text("key sentinel2017mixture")  # labelled, not id-like
    hostile = root.locator(".plc-card", has_text="A Hostile Key")
    expect(hostile.locator(".plc-key")).to_have_text(f"key {HOSTILE}")
    assert root.locator(".plc-card img, .plc-card script").count() == 0
    sources = root.locator(".plc-chip[data-facet='source']")
    expect(sources).to_have_text(["DailyArXiv (2)", "BibTeX (1)", "RIS (1)"], timeout=10_000)
    years = root.locator(".plc-chip[data-facet='year']")
    expect(years.filter(has_text="2024")).to_have_text("2024 (1)")
    expect(years.filter(has_text="2022")).to_have_text("2022 (1)")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-walk-fixes-light")
    set_theme(page, "Dark")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-walk-fixes-dark")
    set_theme(page, "Light")
