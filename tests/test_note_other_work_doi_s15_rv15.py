"""A note citing a related work's DOI, as PubMed writes it ("N1  - Erratum in: J Widget. 2021;3:4. doi: 10.…",
"Comment on: …", "Retraction in: …"), gives the record no DOI (session 15, review RV15): since fefdf1c a RIS note's
labelled DOI is the record's, and the erratum's DOI was taken; a note that is the DOI ("doi: 10.…") still gives it.
Our own small RIS file with CRLF line ends, written in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from paperlab.sources.ris import read_ris

_RIS = (
    "TY  - JOUR\r\nTI  - Lantern Microscopy in Deep Tissue\r\nAU  - Quill, Ada\r\nPY  - 2020\r\n"
    "N1  - Erratum in: J Widget Optics. 2021;3(2):4. doi: 10.5555/widget.err.2021\r\nER  - \r\n"
    "TY  - JOUR\r\nTI  - Folded Kernels for Tissue Clearing\r\nAU  - Renn, Bo\r\nPY  - 2019\r\n"
    "N1  - Comment on: Widget Rev. 2018;1:2. doi:10.5555/widget.c.2018\r\nER  - \r\n"
    "TY  - JOUR\r\nTI  - Sparse Lanterns for Night Vision\r\nAU  - Sato, Kei\r\nPY  - 2021\r\n"
    "N1  - doi: 10.5555/widget.own.2021\r\nER  - \r\n"
)


def test_a_note_citing_a_related_works_doi_gives_no_doi(tmp_path: Path) -> None:
    path = tmp_path / "pubmed.ris"
    path.write_bytes(_RIS.encode())
    got = {p.title: p.doi for p in read_ris(path)}
    assert got == {
        "Lantern Microscopy in Deep Tissue": None,
        "Folded Kernels for Tissue Clearing": None,
        "Sparse Lanterns for Night Vision": "10.5555/widget.own.2021",
    }
