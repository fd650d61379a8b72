"""Hostile input: mutated real pages, deep nesting, NUL bytes, wrong charsets, huge pages.

Only a Document or a ParseError may come out, in time proportional to size.
Hypothesis runs are bounded (examples and deadline) to keep CI within minutes.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest
from conftest import PAGES, SAMPLES, corpus_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scaling import assert_linear

import minutes_parser
import minutes_parser.grammar
from minutes_parser import Document, InternalError, ParseError
from minutes_parser.grammar.wording import all_rules
from minutes_parser.grammar.wording.lookalike import LOOKALIKE

# Real pages (read from ../shared/corpus, skipped when it is absent) and pages the project wrote.
REAL = {
    "text": "seeds/bradford_issue-history_ofsted-monitoring.txt",
    "moderngov": "moderngov/lgsf-fixture_ieDecisionDetails_1.html",
    "moderngov-xml": "moderngov-xml/manchester_GetMeeting_1.xml",
    "legistar-api": "legistar-api/nyc_eventitems_1.json",
    "cmis": "cmis/birmingham_meeting-summary_1.html",
}
OWN = {
    "moderngov-page": SAMPLES / "anytown_ieListDocuments_cabinet-2025-03-11.html",
    "infocouncil": PAGES / "infocouncil_minutes_constructed.html",
}


@functools.cache
def _read(path: Path) -> bytes:
    return path.read_bytes()


def page_bytes(name: str) -> bytes:
    """The page's bytes; skips the test when a real page's ../shared/corpus is absent."""
    return _read(OWN[name] if name in OWN else corpus_page(REAL[name]))


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def outcome(data: bytes, **kwargs: str) -> object:
    try:
        return minutes_parser.parse(data, **kwargs)
    except InternalError:
        raise  # a bug, not an answer
    except ParseError as exc:
        return exc


def _mutate(data: bytes, kind: str, where: int, junk: bytes) -> bytes:
    where = where % (len(data) + 1)
    if kind == "truncate":
        return data[:where]
    if kind == "delete-tag":
        start = data.find(b"<", where)
        end = data.find(b">", start)
        return data if start < 0 or end < 0 else data[:start] + data[end + 1 :]
    if kind == "unclose":
        start = data.find(b"</", where)
        end = data.find(b">", start)
        return data if start < 0 or end < 0 else data[:start] + data[end + 1 :]
    if kind == "nul":
        return data[:where] + b"\x00" * 5 + data[where:]
    if kind == "charset":
        return (
            b'<?xml version="1.0" encoding="utf-16"?>' + data
            if data.startswith(b"<")
            else data.decode("utf-8", "replace").encode("cp1252", "replace")
        )
    return data[:where] + junk + data[where:]


@pytest.mark.parametrize("name", sorted({*REAL, *OWN}))
@FUZZ
@given(
    kind=st.sampled_from(["truncate", "delete-tag", "unclose", "nul", "charset", "insert"]),
    where=st.integers(min_value=0, max_value=10**6),
    junk=st.binary(max_size=64),
)
def test_mutated_real_pages(name: str, kind: str, where: int, junk: bytes) -> None:
    result = outcome(_mutate(page_bytes(name), kind, where, junk))
    assert isinstance(result, Document | ParseError)


@pytest.mark.parametrize(
    "adapter", ["text", "moderngov", "moderngov-xml", "legistar", "legistar-api", "cmis", "infocouncil", "generic"]
)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_every_adapter_forced_on_arbitrary_bytes(adapter: str, data: bytes) -> None:
    assert isinstance(outcome(data, adapter=adapter), Document | ParseError)


@pytest.mark.parametrize("adapter", ["moderngov", "generic", "legistar", "infocouncil", "cmis"])
def test_ten_thousand_deep_nesting(adapter: str) -> None:
    def page(depth: int) -> bytes:
        return b"<html><body>" + b"<div>" * depth + b"Minutes: RESOLVED that it be noted." + b"</div>" * depth + b"</body></html>"

    assert isinstance(outcome(page(10_000), adapter=adapter), Document | ParseError)
    assert_linear(page, lambda data: outcome(data, adapter=adapter), 1_000, f"{adapter} on nested elements")


@pytest.mark.slow
def test_fifty_megabyte_html_page_in_linear_time() -> None:
    row = "<p>RESOLVED – That the report be noted and the Committee agrees the recommendations.</p>\n"
    head = "<html><body><h1>Agenda item</h1><h2>Budget</h2>"
    small = (head + row * (5 * 1024 * 1024 // len(row)) + "</body></html>").encode()
    large = (head + row * (50 * 1024 * 1024 // len(row)) + "</body></html>").encode()
    t0 = time.perf_counter()
    small_result = outcome(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    large_result = outcome(large)
    t_large = time.perf_counter() - t0
    assert isinstance(small_result, Document | ParseError) and isinstance(large_result, Document | ParseError)
    assert t_large < 20 * max(t_small, 0.05), (t_small, t_large)


# Hostile lines as (head, repeated unit, tail): built at two sizes, a linear pattern's time per
# character stays flat, a quadratic one's grows with the size.
ADVERSARIAL: list[tuple[str, str, str]] = [
    ("", "a ", ""),
    ("", "(", ""),
    ("", "1.", ""),
    ("", "RESOLVED ", ""),
    ("Meeting: 01/01/2020 - ", "x", ""),
    ("Moved by Councillor ", "Ab ", ""),
    ("Contact: ", "Jane Smith, ", ""),
    ("", " ", "x"),
    ("", " ", "9"),
    ("", "9", ""),
    ("ACTION: ", "-", ""),
    ("", "A", " to action"),
    ("Decision of the ", "Cabinet ", ""),
    ("", "Cr Ab ", "seconded"),
    ("", ". ", "1"),
    ("0", " 1", ""),
    ("", "x@", ""),
]
LINE_UNITS = 2_000
"""Repeats of a hostile line's unit at the smaller size (the larger is ten times that)."""


def _line(shape: tuple[str, str, str], n: int) -> str:
    head, unit, tail = shape
    return head + unit * n + tail


def grammar_patterns() -> list[re.Pattern[str]]:
    """Every compiled regex of the grammar: module constants of minutes_parser.grammar (wording included)
    and minutes_parser.dates, and every wording rule's pattern."""
    modules = [importlib.import_module("minutes_parser.dates")]
    for info in pkgutil.walk_packages(minutes_parser.grammar.__path__, "minutes_parser.grammar."):
        modules.append(importlib.import_module(info.name))
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    for rule in [rule for _, rule in all_rules()] + list(LOOKALIKE):
        found[(rule.pattern.pattern, rule.pattern.flags)] = rule.pattern
        found[(rule.searcher.pattern, rule.searcher.flags)] = rule.searcher  # the guarded form searches use
    return list(found.values())


def test_regexes_run_in_linear_time_on_adversarial_lines() -> None:
    patterns = grammar_patterns()
    assert len(patterns) > 30
    for shape in ADVERSARIAL:
        for pattern in patterns:

            def run(line: str, pattern: re.Pattern[str] = pattern) -> None:
                pattern.search(line)
                pattern.match(line)

            assert_linear(lambda n, shape=shape: _line(shape, n), run, LINE_UNITS, f"{pattern.pattern[:60]!r} on {shape!r}")


def test_adversarial_lines_through_the_whole_grammar() -> None:
    def page(n: int) -> bytes:
        return ("Agenda item\n\nTitle\n\n" + "\n".join(_line(shape, n) for shape in ADVERSARIAL)).encode()

    assert isinstance(outcome(page(LINE_UNITS * 10), adapter="text"), Document | ParseError)
    assert_linear(page, lambda data: outcome(data, adapter="text"), LINE_UNITS // 2, "the grammar on hostile lines")


def test_many_actions_documents_and_contacts_stay_linear() -> None:
    block = (
        "RESOLVED – That item {n} be approved. ACTION: Officer {n}\n"
        "Report {n} pdf icon PDF {n} KB\n"
        "(Jane Smith{n} - 01274 4{n:05d})\n"
        "Clerk to action the letter {n}.\n"
    )

    def page(count: int) -> bytes:
        return ("Agenda item\n\nA long item\n\n" + "".join(block.format(n=n) for n in range(count))).encode()

    small, large = page(2_000), page(20_000)
    t0 = time.perf_counter()
    small_doc = minutes_parser.parse(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    large_doc = minutes_parser.parse(large)
    t_large = time.perf_counter() - t0
    assert len(large_doc.items[0].actions) > len(small_doc.items[0].actions) >= 2_000
    assert t_large < 25 * max(t_small, 0.02), (t_small, t_large)
