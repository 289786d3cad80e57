"""Cards of papers whose sources carry markup and odd fields, in a real browser (walkthrough 9: #2, #3, #11):
a CSL-JSON abstract with JATS markup reads as text (no "jats", no "Abstract" heading); a DailyArXiv row with a
translated abstract shows the English one, its page label "📄 Paper Details" is no tag chip or facet, and its
"Ada Byron et al." byline says "et al."; an editors-only BibTeX book shows "Ada Example, Bo Sample (eds.)"; an
arXiv entry with ``primaryclass = {cs}`` has no "cs" chip; a hostile abstract stays text.

Data: our own CSL-JSON item, BibTeX and DailyArXiv table, written by the notebook cell.
Screenshots: test-artifacts/cards-markup-fixes-{light,dark}.png.
"""

from __future__ import annotations

import json

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

pytestmark = pytest.mark.browser

CSL = [
    {
        "id": "toy2021",
        "type": "article-journal",
        "title": "<i>In vitro</i> folding of toy proteins",
        "author": [{"given": "Ada", "family": "Example"}],
        "issued": {"date-parts": [[2021, 7, 15]]},
        "abstract": "<jats:title>Abstract</jats:title><jats:p>Toy proteins fold into <jats:italic>shapes</jats:italic>."
        "</jats:p><jats:p>&lt;img src=x onerror=alert(1)&gt; stays text.</jats:p>",
    }
]
BIB = r"""@book{edited, title = {Toy Essays on Folding}, editor = {Example, Ada and Sample, Bo}, year = {2001}}
@article{bare, title = {Bare Archive Names Are No Categories}, author = {Cy Writer}, eprint = {2101.00001},
  archiveprefix = {arXiv}, primaryclass = {cs}}
"""
README = """# Daily Papers

Last update: 2026-07-17

## 📄 Paper Details

### Magnets

| **#** | **Title** | **Abstract** | **Date** | **Authors** |
| --- | --- | --- | --- | --- |
| 1 | **[Spin Waves in Thin Films of a Toy Magnet](https://arxiv.org/abs/2511.00001v1)** | <details><summary>EN</summary><p>We model spin waves in a toy magnet.</p></details><details><summary>中文</summary><p>我们在玩具磁体中模拟自旋波。</p></details> | 2026-07-15 | Ada Byron et al. |
"""

CODE = f"""from pathlib import Path
import paperlab
Path('refs.json').write_text({json.dumps(CSL)!r})
Path('refs.bib').write_text({BIB!r})
Path('README.md').write_text({README!r})
lib = paperlab.load('refs.json', 'refs.bib', 'README.md')
w = lib.cards(height=1200)
w"""


def test_cards_show_text_not_markup_and_bylines_say_et_al_and_eds(page: Page, lab: Lab) -> None:
    root = show_cards(page, lab, "cards-markup-fixes.ipynb", CODE)
    expect(root.locator(".plc-card")).to_have_count(4, timeout=30_000)
    csl = root.locator(".plc-card", has_text="In vitro folding of toy proteins")
    expect(csl.locator(".plc-snippet")).to_contain_text("Toy proteins fold into shapes.")  # no "Abstract" heading
    csl.locator(".plc-abstract-toggle").click()
    csl = root.locator(".plc-card", has_text="In vitro folding of toy proteins")
    expect(csl.locator(".plc-abstract")).to_contain_text("Toy proteins fold into shapes.")
    expect(csl.locator(".plc-abstract")).to_contain_text("<img src=x onerror=alert(1)> stays text.")
    assert "jats" not in csl.inner_text() and "Abstract Toy" not in csl.inner_text()
    assert root.locator(".plc-card img, .plc-card script").count() == 0
    readme = root.locator(".plc-card", has_text="Spin Waves in Thin Films")
    expect(readme.locator(".plc-authors")).to_have_text("Ada Byron et al.")
    expect(readme.locator(".plc-snippet")).to_have_text("We model spin waves in a toy magnet.")
    assert "中文" not in readme.inner_text() and "玩具" not in readme.inner_text()
    expect(readme.locator(".plc-tag", has_text="Magnets")).to_have_count(1)
    assert root.locator(".plc-tag", has_text="Paper Details").count() == 0
    tags = root.locator(".plc-chip[data-facet='tag']")
    expect(tags).to_have_text(["Magnets (1)"])
    edited = root.locator(".plc-card", has_text="Toy Essays on Folding")
    expect(edited.locator(".plc-authors")).to_have_text("Ada Example, Bo Sample (eds.)")
    bare = root.locator(".plc-card", has_text="Bare Archive Names")
    expect(bare.locator(".plc-authors")).to_have_text("Cy Writer")
    assert bare.locator(".plc-tag").filter(has_text="cs").count() == 0
    assert root.locator(".plc-chip[data-facet='category']").count() == 0
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-markup-fixes-light")
    set_theme(page, "Dark")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-markup-fixes-dark")
    set_theme(page, "Light")
