"""Session 18 (FX3): a speaker-first talk bullet's closing title is found in time linear in the bullet's length (a
lazy search from every separator to the end took seconds on one long bullet of a 72 KB page), and still the same
titles as before."""

from __future__ import annotations

import time

from paperlab.sources._schedule_speakers import speaker_bullets


def test_long_bullets_are_read_in_linear_time() -> None:
    bullet = "- Ada Quill (Widget U): " + " - *x*" * 3000 + " tail words\n"
    start = time.process_time()
    assert speaker_bullets(bullet * 2) == []
    assert time.process_time() - start < 2.0  # 15 s before


def test_speaker_first_talks_keep_their_titles() -> None:
    text = (
        "# Invited talks\n\n"
        "- [Ada Quill](https://x.example/adaq), Widget Lab of [Gadget U](https://gadget.example): "
        "[**_Sparse widget rings_**](./rings.pdf)\n"
        "- Bo Renn (Gadget Institute) — *Routing gadgets on widget graphs*\n"
        "- Cy Dale, Sprocket University: [Counting sprockets at scale](./sprockets.pdf)\n"
    )
    assert speaker_bullets(text) == [
        (3, "", "Sparse widget rings", ["Ada Quill"]),
        (4, "", "Routing gadgets on widget graphs", ["Bo Renn"]),
        (5, "", "Counting sprockets at scale", ["Cy Dale"]),
    ]
