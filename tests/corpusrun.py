"""Running the parser over the labelled corpus, shared by the corpus tests and ``update_known_misses.py``.

``known_misses.json`` holds, for ``../shared/corpus``:

- ``pages``: page id (path below the corpus) -> the first problem line, for every page the
  parser does not yet get right. The corpus test marks these strict xfail.
- ``floors``: corpus folder -> the lowest F1 (official scorer) the folder may fall to: the F1
  measured when the file was written, minus 0.005.

Regenerate it with ``python tests/update_known_misses.py`` after a change that moves the figures.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import types
from pathlib import Path
from typing import Any

from conftest import CORPUS, SHARED, corpus_pairs, page_id, read_gold
from goldscore import compare

import minutes_parser

KNOWN_MISSES = Path(__file__).resolve().parent / "known_misses.json"
SCORER = SHARED / "eval" / "score.py"
FLOOR_MARGIN = 0.005


def pdf_enabled() -> bool:
    """Whether a "pdf" adapter is registered (the pdf/ folder is scored only then)."""
    return "pdf" in minutes_parser.adapter_names()


def folder_of(page: Path) -> str:
    """The corpus folder a page sits in ("text", "seeds", "moderngov" ...)."""
    return page.relative_to(CORPUS).parts[0]


def scored_pairs() -> list[tuple[Path, Path]]:
    """Corpus pairs that are scored here: all of them, the pdf/ folder only with a pdf adapter."""
    return [pair for pair in corpus_pairs() if folder_of(pair[1]) != "pdf" or pdf_enabled()]


@functools.cache
def run_page(page: Path, url: str | None) -> dict[str, Any] | minutes_parser.ParseError:
    """The page's ``to_dict()``, or the ParseError it raised (an InternalError included)."""
    try:
        return minutes_parser.parse(page.read_bytes(), url=url).to_dict()
    except minutes_parser.ParseError as exc:
        return exc


def problems(gold_path: Path, page: Path) -> list[str]:
    """What differs between the parser's answer and the page's gold (tests/goldscore.py)."""
    gold = read_gold(gold_path)
    return compare(gold, run_page(page, gold.get("url")))


@functools.lru_cache(maxsize=1)
def scorer() -> types.ModuleType | None:
    """``../shared/eval/score.py`` imported as a module, or None when it is absent."""
    if not SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("shared_eval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folder_f1(folder: str) -> float:
    """The folder's overall F1 as the official scorer computes it (every field of every page)."""
    score = scorer()
    assert score is not None, "../shared/eval/score.py is absent"
    tally = score.Tally()
    for gold_path, page in corpus_pairs():
        if folder_of(page) != folder:
            continue
        gold = read_gold(gold_path)
        fmt = gold.get("format") or page.parent.name
        score.score_page(tally, fmt, gold, run_page(page, gold.get("url")))
    return float(tally.prf(tally.total())[2])


def folders() -> list[str]:
    """Corpus folders holding gold files, sorted."""
    return sorted({folder_of(page) for _, page in corpus_pairs()})


def load_known() -> dict[str, Any]:
    """``known_misses.json`` (empty sections when it does not exist yet)."""
    if not KNOWN_MISSES.is_file():
        return {"pages": {}, "floors": {}}
    data: dict[str, Any] = json.loads(KNOWN_MISSES.read_text(encoding="utf-8"))
    return data


def floor_of(f1: float) -> float:
    """The floor stored for a measured F1: 0.005 below it, rounded down to 4 places."""
    return max(0.0, math.floor((f1 - FLOOR_MARGIN) * 10_000) / 10_000)


def measure() -> dict[str, Any]:
    """The current misses and floors, in the shape of ``known_misses.json``."""
    misses = {}
    for gold_path, page in scored_pairs():
        found = problems(gold_path, page)
        if found:
            misses[page_id(page)] = found[0][:200]
    floors = {}
    if scorer() is not None:
        for folder in folders():
            if folder == "pdf" and not pdf_enabled():
                continue
            floors[folder] = floor_of(folder_f1(folder))
    return {"pages": dict(sorted(misses.items())), "floors": floors}
