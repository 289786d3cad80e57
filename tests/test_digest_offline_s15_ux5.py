"""``paperlab digest CONFIG --offline`` without a response cache (a researcher's morning, session 15): the help
said "rebuild from the response cache only", but with no ``cache_dir`` in the configuration nothing was ever
cached, so the offline run listed every keyword's "offline and not in the cache" as if an earlier online run had
missed them. Now it says at once that no cache is set and how to set one (exit code 2, a usage error); with a
cache that holds none of the answers, the error says to run online once with it.

Configuration: our own two-keyword TOML written here; no network is asked (offline).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main
from paperlab.digests.run import digest
from paperlab.errors import FetchError, UsageError

CONFIG = 'title = "ASR digest"\nkeywords = ["speech recognition", "tonal languages"]\n'


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "digest.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_offline_without_a_cache_says_how_to_set_one(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(config), "--offline"]) == 2
    err = capsys.readouterr().err
    assert "none is set: give cache_dir in the configuration (or --cache-dir DIR" in err
    assert "not in the cache" not in err and len(err.strip().splitlines()) == 1
    with pytest.raises(UsageError, match="cache_dir"):
        digest(config, offline=True)


def test_offline_with_an_empty_cache_says_to_fill_it(config: Path, tmp_path: Path) -> None:
    cache = tmp_path / "digest-cache"
    with pytest.raises(FetchError, match="offline and not in the cache") as failed:
        digest(config, offline=True, cache_dir=cache)
    assert f"the cache ({cache}) holds none of these answers: run the digest online once with it" in str(failed.value)
