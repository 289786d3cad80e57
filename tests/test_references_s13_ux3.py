"""A reference is the whole input (the side panel's Add box, ``Library.get``, the store): "1412.6980import os" (a
paste that ran into the next line) was read as 1412.6980 and added; now it names nothing and the server answers a
clear error naming what was expected. Spaces around it, ``arXiv:``, its category, a final full stop and URLs ending in
the id still work. Papers come from our own arXiv API answers in tests/data/app/ (fixtures of tests/test_server.py).
"""

from __future__ import annotations

import pytest
from test_server import api, jp_server_config, pages, store  # noqa: F401  (fixtures)

from paperlab.identifiers import parse_reference
from paperlab.library import Library
from paperlab.paper import Paper

pytest_plugins = ["pytest_jupyter.jupyter_server"]
pytestmark = pytest.mark.filterwarnings("error::jupyter_server.utils.JupyterServerAuthWarning")

WHOLE = [
    "1412.6980",
    "  1412.6980v9  ",
    "arXiv:1412.6980",
    "arxiv: 1412.6980v2",
    "arXiv:1412.6980 [cs.LG]",
    "arXiv:1412.6980.",
    "https://arxiv.org/abs/1412.6980v9",
    "https://arxiv.org/pdf/1412.6980v9.pdf",
    "http://export.arxiv.org/abs/1412.6980?context=cs",
    "arxiv.org/html/1412.6980v2/",
    "https://huggingface.co/papers/1412.6980",
]
JUNK = [
    "1412.6980import os",
    "1412.6980 import os",
    "see 1412.6980",
    "x1412.6980",
    "1412.6980, 1312.6114",
    "https://arxiv.org/abs/1412.6980 and more",
    "arXiv:1412.6980 (Kingma and Ba)",
]


@pytest.mark.parametrize("text", WHOLE)
def test_the_whole_input_as_an_arxiv_reference(text):
    assert parse_reference(text).arxiv_id == "1412.6980"
    lib = Library([Paper("Adam: A Method for Stochastic Optimization", arxiv_id="1412.6980")])
    assert lib.get(text) is lib[0]


@pytest.mark.parametrize("text", JUNK)
def test_an_id_with_other_text_around_it_names_nothing(text):
    assert parse_reference(text).arxiv_id is None
    lib = Library([Paper("Adam: A Method for Stochastic Optimization", arxiv_id="1412.6980")])
    assert lib.get(text) is None


def test_old_style_ids_and_arxiv_dois_still_read():
    assert parse_reference("https://arxiv.org/abs/math.GT/0309136v2.").arxiv_id == "math.GT/0309136"
    assert parse_reference("astro-ph/0601001v1").arxiv_id == "astro-ph/0601001"
    assert parse_reference("10.48550/arXiv.1412.6980").arxiv_id == "1412.6980"
    assert parse_reference("10.48550/arXiv.1412.6980 x").arxiv_id is None


async def test_the_panels_add_box_refuses_junk_around_an_id(api, store):  # noqa: F811
    store.create_list("default")
    code, err = await api("POST", "lists", "default", "entries", body={"ref": "2202.12139import os"})
    assert code == 400 and err["code"] == "invalid"  # bad input, not a missing paper (it was a 404 in session 13)
    assert err["message"].startswith("'2202.12139import os' holds the arXiv id 2202.12139 with other text around it")
    assert "give the id alone. Expected e.g. '2503.14895'" in err["message"]
    assert store.reading_list("default").ids() == []
    code, entry = await api("POST", "lists", "default", "entries", body={"ref": " arXiv:2202.12139. "})
    assert code == 201 and entry["paper"]["id"] == "2202.12139"  # stored: no fetch
