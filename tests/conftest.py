"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


PAGES = HERE / "pages"


def gold_pages(root: Path = CORPUS) -> list[tuple[Path, Path]]:
    """(gold file, page file) pairs under ``root`` (tests/corpus by default)."""
    pairs = []
    for gold in sorted(root.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        pages = [p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")]
        if len(pages) == 1:
            pairs.append((gold, pages[0]))
    return pairs
