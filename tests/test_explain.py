"""``minutes_parser.explain``: a trace for every page, covering every line of a text capture.

Every labelled corpus page (``../shared/corpus``, skipped when absent) and every
page the project wrote (``tests/pages``, ``samples``) explains without an
exception, except ``UnrecognizedPage`` on pages whose gold says they are not
democracy pages; the trace renders as text; and for a text capture every
non-empty line of the page appears in the trace's token lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NO_CORPUS, PAGES, SAMPLES, gold_pairs, page_id, params_or_skip, read_gold, sample_pairs
from corpusrun import folder_of, pdf_enabled, scored_pairs

import minutes_parser
from minutes_parser.blocks import clean

CORPUS_PAIRS = [pair for pair in scored_pairs() if folder_of(pair[1]) != "pdf" or pdf_enabled()]
OWN_PAIRS = gold_pairs(PAGES) + sample_pairs()
"""Pages the project wrote: tests/pages, and the samples with their gold in tests/sample_gold."""


def explain_or_refusal(gold_path: Path, page: Path) -> minutes_parser.Trace | None:
    """The page's trace; None when it is refused and its gold says it should be."""
    gold = read_gold(gold_path)
    try:
        trace = minutes_parser.explain(page.read_bytes(), url=gold.get("url"))
    except minutes_parser.UnrecognizedPage:
        if gold.get("error") == "UnrecognizedPage":
            return None
        raise
    assert isinstance(trace.render(), str)
    return trace


@pytest.mark.parametrize("pair", params_or_skip(CORPUS_PAIRS, [page_id(p[1]) for p in CORPUS_PAIRS], NO_CORPUS))
def test_explain_every_corpus_page(pair: tuple[Path, Path]) -> None:
    explain_or_refusal(*pair)


@pytest.mark.parametrize("pair", OWN_PAIRS, ids=[p[1].name for p in OWN_PAIRS])
def test_explain_every_page_of_our_own(pair: tuple[Path, Path]) -> None:
    explain_or_refusal(*pair)


def test_explain_has_a_page_for_every_page_file_of_our_own() -> None:
    # Every page in tests/pages and samples has a gold file, so the test above reaches it.
    pages = {p for p in PAGES.iterdir() if p.is_file() and not p.name.endswith((".gold.json", ".md"))}
    pages |= {p for p in SAMPLES.iterdir() if p.is_file() and p.suffix != ".md"}
    assert pages == {page for _, page in OWN_PAIRS}


def text_lines(page: Path) -> set[int]:
    """1-based numbers of the page's non-empty lines, counted as the text adapter counts them."""
    text = minutes_parser.Page(page.read_bytes()).text
    numbers = set()
    number = 0
    for piece in text.split("\n"):
        for raw in piece.splitlines() or [""]:
            number += 1
            if clean(raw):
                numbers.add(number)
    return numbers


TEXT_PAIRS = [pair for pair in CORPUS_PAIRS + OWN_PAIRS if pair[1].suffix == ".txt"]


@pytest.mark.parametrize(
    "pair",
    params_or_skip(
        TEXT_PAIRS,
        [page_id(p[1]) if p in CORPUS_PAIRS else f"own/{p[1].name}" for p in TEXT_PAIRS],
        NO_CORPUS,
    ),
)
def test_trace_covers_every_line_of_a_text_capture(pair: tuple[Path, Path]) -> None:
    trace = explain_or_refusal(*pair)
    if trace is None:
        return
    seen = {t.line for t in trace.lines if t.line is not None}
    missing = sorted(text_lines(pair[1]) - seen)
    assert not missing, f"lines with no token in the trace: {missing[:20]}"
