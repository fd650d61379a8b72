"""Shared paths and helpers for the tests.

Real third-party pages are read where they live, in ``../shared`` beside this
clone (``corpus/`` hand-labelled, ``raw/`` and ``raw2/`` unlabelled); the
repository keeps no copies of them. Tests that need them skip with a clear
reason when ``../shared`` is absent, and no test module reads them at import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
RAW = SHARED / "raw"
RAW2 = SHARED / "raw2"
SAMPLES = ROOT / "samples"
PAGES = HERE / "pages"
"""Pages the project wrote itself, each with a hand-labelled gold file."""
SAMPLE_GOLD = HERE / "sample_gold"
"""Gold files for the pages in samples/ (kept out of samples/, which users point the CLI at)."""

NO_CORPUS = "../shared/corpus is not beside this clone"
NO_RAW = "../shared/raw is not beside this clone"
NO_RAW2 = "../shared/raw2 is not beside this clone"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=NO_CORPUS)
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason=NO_RAW)


def gold_pairs(root: Path) -> list[tuple[Path, Path]]:
    """(gold file, page file) pairs under ``root``, as the scorer finds them; [] when ``root`` is absent.

    A gold file ``<page>.gold.json`` pairs with the one other file named ``<page>.<ext>`` beside it.
    """
    if not root.is_dir():
        return []
    pairs = []
    for gold in sorted(root.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        pages = [p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")]
        if len(pages) == 1:
            pairs.append((gold, pages[0]))
    return pairs


def sample_pairs() -> list[tuple[Path, Path]]:
    """(gold file, sample page) for every gold file in tests/sample_gold."""
    pairs = []
    for gold in sorted(SAMPLE_GOLD.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        pages = [p for p in SAMPLES.glob(stem + ".*")]
        if len(pages) == 1:
            pairs.append((gold, pages[0]))
    return pairs


def corpus_pairs() -> list[tuple[Path, Path]]:
    """Every labelled page of ``../shared/corpus`` ([] when it is absent)."""
    return gold_pairs(CORPUS)


def page_id(page: Path, root: Path = CORPUS) -> str:
    """A page's id in test names and in ``known_misses.json``: its path below ``root``."""
    return page.relative_to(root).as_posix()


def read_gold(gold: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
    return data


def shared_path(relative: str) -> Path:
    """``../shared/<relative>``, or skip the calling test when it is not there."""
    path = SHARED / relative
    if not path.exists():
        top = relative.split("/", 1)[0]
        reason = f"../shared/{top} is not beside this clone" if not (SHARED / top).is_dir() else ""
        pytest.skip(reason or f"../shared/{relative} is not beside this clone")
    return path


def corpus_page(relative: str) -> Path:
    """``../shared/corpus/<relative>`` (e.g. ``"text/x.txt"``), or skip the calling test."""
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    return shared_path("corpus/" + relative)


def raw_page(relative: str) -> Path:
    """``../shared/raw/<relative>``, or skip the calling test."""
    if not RAW.is_dir():
        pytest.skip(NO_RAW)
    return shared_path("raw/" + relative)


@pytest.fixture()
def corpus() -> Callable[[str], Path]:
    """The :func:`corpus_page` helper as a fixture: ``corpus("seeds/x.txt")`` is a path or a skip."""
    return corpus_page


def params_or_skip(values: list[Any], ids: list[str], reason: str) -> list[Any]:
    """``pytest.param`` list for parametrize; one skipped case with ``reason`` when ``values`` is empty."""
    if not values:
        return [pytest.param(None, id="absent", marks=pytest.mark.skip(reason=reason))]
    return [pytest.param(v, id=i) for v, i in zip(values, ids, strict=True)]
