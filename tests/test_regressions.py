"""Failures found along the way (by fuzzing, sweeps and review), pinned so they stay fixed."""

from __future__ import annotations

import time

from conftest import CORPUS, PAGES

import minutes_parser
from minutes_parser.grammar import rules


def test_quadratic_patterns_on_long_whitespace_runs() -> None:
    # DOC_SUFFIX, TRAILING_RESULT and the old TOC-leader regex each took 7-230 s here.
    line = " " * 20_000 + "x"
    start = time.perf_counter()
    rules.split_doc_suffix(line + " 9 KB")
    rules.DOC_SUFFIX.search(line)
    rules.TRAILING_RESULT.search(line)
    rules.strip_leaders(" " * 20_000 + "9")
    assert time.perf_counter() - start < 0.5


def test_repeated_resolutions_merge_in_linear_time() -> None:
    # 60,000 identical one-line resolutions once took minutes (quadratic merge).
    page = ("Agenda item\n\nX\n\n" + "RESOLVED – That the report be noted.\n" * 60_000).encode()
    start = time.perf_counter()
    doc = minutes_parser.parse(page)
    assert time.perf_counter() - start < 30
    assert len(doc.items[0].resolutions) == 60_000


def test_html_with_xml_declaration_parses() -> None:
    # lxml refuses str input that declares an encoding: InfoCouncil front pages start so.
    page = b'<?xml version="1.0" encoding="UTF-8" ?>\n<html><body><h1>Agenda item</h1><h2>Budget</h2><p>RESOLVED that it be noted.</p></body></html>'
    doc = minutes_parser.parse(page, adapter="generic")
    assert doc.items[0].resolutions[0].text == "that it be noted."


def test_printed_minutes_link_is_a_document_not_noise() -> None:
    doc = minutes_parser.parse(PAGES / "moderngov_meeting_constructed.html")
    assert "Printed minutes" in [d.title for d in doc.meetings[0].documents]


def test_calendar_widget_days_are_not_items() -> None:
    # Legistar's month widget printed day numbers 1..31, read as 31 agenda items.
    doc = minutes_parser.parse(
        CORPUS / "legistar" / "nyc_calendar_1.html", url="https://nyc.legistar.com/Calendar.aspx"
    )
    assert doc.items == () and len(doc.meetings) == 40


def test_decision_link_is_not_a_meeting_list() -> None:
    # A "Decided at meeting" link to ieListDocuments once turned a decision page into a list.
    doc = minutes_parser.parse(CORPUS / "moderngov" / "lgsf-fixture_ieDecisionDetails_1.html")
    assert doc.source.page_kind == "decision" and len(doc.items) == 1


def test_unrecognized_page_survives_pickling() -> None:
    import pickle

    error = minutes_parser.UnrecognizedPage("a news article", [("text", 0.1)])
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.scores == error.scores
