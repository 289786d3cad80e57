"""Title-only bullets written carelessly (issue 12; our own file, made-up titles): a title broken over two lines
(the second at the margin) and bullets glued onto the line before ("…Images* Next Title"). Before: the broken titles
were cut at the line end and the glued bullets lost (8 of 14 in the session 12 round's list); now each title whole."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

LIST = """# Widget papers
## widget2020
* Learning Meta Widget Recognition in Unseen Domains
* Interpreting the Latent Space of Gadgets for Semantic Widget Editing
* Rotate-and-Render: Unsupervised Photorealistic Widget Rotation
from Single-View Gadgets* WidgetMe: Realistically Renderable 3D Widget Reconstruction
* Deep Widget Non-Rigid Multi-View Stereo
* Towards High-Fidelity 3D Widget Reconstruction from In-the-Wild Gadgets Using
Graph Convolutional Networks* Uncertainty-Aware Mesh Decoder for High Fidelity Widgets
## widget2019
* Learning to Regress 3D Widget Shape and Expression
from a Gadget without 3D Supervision
* Self-Supervised Adaptation of High-Fidelity Widget Models for
Monocular Gadget Tracking* WVF-Net: Multi-View 3D Widget Morphable Model Regression
"""

# emphasis is no glued bullet: "*Title* by Ada" stays one item
EMPHASIS = """* *Sparse Widget Routing* by Ada Quill
* *Dense Gadget Maps* by Bo Renn
"""


def _titles(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [p.title for p in paperlab.load(path)]


def test_wrapped_and_glued_bullets(tmp_path: Path) -> None:
    assert _titles(tmp_path, LIST) == [
        "Learning Meta Widget Recognition in Unseen Domains",
        "Interpreting the Latent Space of Gadgets for Semantic Widget Editing",
        "Rotate-and-Render: Unsupervised Photorealistic Widget Rotation from Single-View Gadgets",
        "WidgetMe: Realistically Renderable 3D Widget Reconstruction",
        "Deep Widget Non-Rigid Multi-View Stereo",
        "Towards High-Fidelity 3D Widget Reconstruction from In-the-Wild Gadgets Using Graph Convolutional Networks",
        "Uncertainty-Aware Mesh Decoder for High Fidelity Widgets",
        "Learning to Regress 3D Widget Shape and Expression from a Gadget without 3D Supervision",
        "Self-Supervised Adaptation of High-Fidelity Widget Models for Monocular Gadget Tracking",
        "WVF-Net: Multi-View 3D Widget Morphable Model Regression",
    ]


def test_emphasis_is_no_glued_bullet(tmp_path: Path) -> None:
    titles = _titles(tmp_path, EMPHASIS)
    assert len(titles) == 2 and titles[0].startswith("Sparse Widget Routing") and titles[1].startswith("Dense Gadget")
