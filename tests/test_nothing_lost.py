"""Nothing is silently lost: every word a reader sees on a page ends up somewhere the user can see it.

For every labelled real page (``../shared/corpus``, skipped when absent) and
every page the project wrote, the page's visible text is extracted here,
independently of the library (lxml's own text of the ``<body>``, JSON string
values, PDFium's plain text), and its words are compared with the library's
account of the page:

- the Document's fields, ``unparsed`` and ``warnings`` (:meth:`Document.to_dict`);
- the trace (:func:`minutes_parser.explain`), which reports every token the
  grammar was given and where it went, including labels consumed as structure
  ("Decision maker:") and navigation chrome reported as such ("View directions",
  "Back to top").

A word of the page found in neither is lost. Each page may lose at most
:data:`LOST_TOLERANCE` of its words. The independent extraction leaves out what
HTML itself marks as not being content: scripts, styles, ``<nav>``, ``<header>``,
``<footer>``, form controls, ARIA ``navigation``/``banner``/``contentinfo``
regions and hidden elements. Dates and times are compared by value: an ISO
date in the output stands for the ways a page prints it ("Tuesday 8th April
2025", "08/04/2025").
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NO_CORPUS, PAGES, gold_pairs, page_id, params_or_skip, read_gold, sample_pairs
from corpusrun import scored_pairs
from lxml import etree, html

import minutes_parser

LOST_TOLERANCE = 0.02
"""Share of a page's words that may be missing from the output and the trace: a link's
file-size decoration ("PDF 119 KB"), a placeholder cell ("Not available"), a
printed form of a number the output keeps as a value. Lost sentences exceed it."""

STRUCTURED_SUFFIXES = frozenset({".json", ".xml"})
"""Answers of web services: their values repeat (a title as item title and matter name) and
their machine values (ids, flags, timestamps, row versions, links) are not text a reader
sees, so only values that are prose (words with a space between) are compared, each word once."""

_WORD = re.compile(r"\w+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_TIME = re.compile(r"\b(\d{2}):(\d{2})\b")
_NOT_CONTENT = ("script", "style", "noscript", "nav", "header", "footer", "select", "button", "option", "template")
_NOT_SHOWN = etree.XPath(
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @hidden"
    " or contains(translate(@style, ' ', ''), 'display:none')]"
)


def words(text: str) -> list[str]:
    """Lower-case words of ``text``."""
    return _WORD.findall(text.lower())


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def _html_text(markup: str) -> str:
    root = html.document_fromstring(markup)
    body = root.find("body")
    if body is None:
        body = root
    etree.strip_elements(body, *_NOT_CONTENT, etree.Comment, with_tail=False)
    for el in _NOT_SHOWN(body):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    return " ".join(body.itertext())


def _fragment_text(value: str) -> str:
    """A service value's text; values that carry HTML (ModernGov's minutes fields) are read as HTML."""
    if "<" in value and ">" in value:
        try:
            return " ".join(html.fragment_fromstring(value, create_parent="div").itertext())
        except etree.ParserError:
            return value
    return value


def _is_prose(value: str) -> bool:
    return " " in value.strip() and "://" not in value


def page_words(page: Path, data: bytes) -> Counter[str]:
    """The page's visible words, extracted without the library's help."""
    if page.suffix == ".json":
        values = strings(json.loads(data))
        return Counter({w for v in values if _is_prose(v) for w in words(v)})
    if page.suffix == ".xml":
        values = (
            _fragment_text(el.text or "")
            for el in etree.fromstring(data).iter()
            if isinstance(el.tag, str) and "label" not in el.tag.lower()  # a field's label, not its value
        )
        return Counter({w for v in values if _is_prose(v) for w in words(v)})
    if page.suffix == ".pdf":
        pdfium = pytest.importorskip("pypdfium2")
        pdf = pdfium.PdfDocument(data)
        try:
            return Counter(w for p in pdf for w in words(p.get_textpage().get_text_range()))
        finally:
            pdf.close()
    if page.suffix in {".html", ".htm"}:
        return Counter(words(_html_text(data.decode("utf-8", "replace"))))
    return Counter(words(minutes_parser.Page(data).text))


def _date_words(text: str) -> Iterator[str]:
    """Words of the ways a page prints the ISO dates and times in ``text``."""
    for y, m, d in _ISO_DATE.findall(text):
        try:
            day = datetime.date(int(y), int(m), int(d))
        except ValueError:
            continue
        month = calendar.month_name[day.month].lower()
        weekday = calendar.day_name[day.weekday()].lower()
        suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
        yield from (y, y[2:], m, str(day.month), d, str(day.day), f"{day.day}{suffix}", month, month[:3], month[:4])
        yield from (weekday, weekday[:3], f"{day.day}{month[:3]}", f"{day.day}{month}")
    for hh, mm in _ISO_TIME.findall(text):
        hour = int(hh)
        twelve = str(hour % 12 or 12)
        half = "pm" if hour >= 12 else "am"
        yield from (hh, mm, twelve, str(hour), half, f"{twelve}{half}", f"{mm}{half}", f"{twelve}{mm}{half}")


def _size_words(value: Any) -> Iterator[str]:
    """Words of the ways a page prints the document sizes in ``value`` ("119 KB", "1.2 MB")."""
    if isinstance(value, dict):
        size = value.get("size_bytes")
        if isinstance(size, int):
            kb, mb = size / 1024, size / 1024**2
            yield from ("kb", "mb", str(round(kb)), str(int(kb)), f"{mb:.1f}".split(".")[0], f"{mb:.1f}".split(".")[1])
            yield from (f"{round(kb)}kb", f"{mb:.1f}mb".split(".")[1], f"{mb:.1f}mb".split(".")[0])
        for item in value.values():
            yield from _size_words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _size_words(item)


def account_words(doc: minutes_parser.Document, trace: minutes_parser.Trace | None) -> Counter[str]:
    """Words of the library's account of a page: the Document, and the tokens its trace reports."""
    data = doc.to_dict()
    text = " ".join(strings(data))
    found = Counter(words(text))
    found.update(_date_words(text))
    found.update(_size_words(data))
    if trace is not None:
        traced = " ".join(line.text for line in trace.lines)
        found.update(words(traced))
    return found


def lost_words(page: Path, url: str | None) -> tuple[int, Counter[str]] | None:
    """How many words the page shows, and those neither the output nor the trace accounts for.

    None when the page is refused (not a democracy page).
    """
    data = page.read_bytes()
    try:
        doc = minutes_parser.parse(data, url=url)
    except minutes_parser.UnrecognizedPage:
        return None
    trace = minutes_parser.explain(data, url=url)
    shown = page_words(page, data)
    found = account_words(doc, trace)
    if page.suffix in STRUCTURED_SUFFIXES:
        found = Counter(set(found))
    return sum(shown.values()), shown - found


CORPUS_PAIRS = scored_pairs()
OWN_PAIRS = gold_pairs(PAGES) + sample_pairs()


def _check(gold_path: Path, page: Path) -> None:
    result = lost_words(page, read_gold(gold_path).get("url"))
    if result is None:
        return
    total, lost = result
    share = sum(lost.values()) / total if total else 0.0
    assert share <= LOST_TOLERANCE, (
        f"{share:.1%} of {total} words lost (tolerance {LOST_TOLERANCE:.0%}): {lost.most_common(25)}"
    )


@pytest.mark.parametrize("pair", params_or_skip(CORPUS_PAIRS, [page_id(p[1]) for p in CORPUS_PAIRS], NO_CORPUS))
def test_nothing_lost_on_real_pages(pair: tuple[Path, Path]) -> None:
    _check(*pair)


@pytest.mark.parametrize("pair", OWN_PAIRS, ids=[p[1].name for p in OWN_PAIRS])
def test_nothing_lost_on_pages_of_our_own(pair: tuple[Path, Path]) -> None:
    _check(*pair)


def test_a_lost_paragraph_is_seen() -> None:
    # The check itself: a page whose account misses a paragraph fails it.
    page = "Agenda item\n\nParking review\n\nRESOLVED that the review be approved.\n"
    doc = minutes_parser.parse(page)
    found = account_words(doc, None)
    shown = Counter(words(page + " The committee also discussed the lighting of the riverside path at length."))
    lost = shown - found
    assert sum(lost.values()) / sum(shown.values()) > LOST_TOLERANCE
    assert {"riverside", "lighting"} <= set(lost)
