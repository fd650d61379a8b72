"""Pages that once parsed "successfully" into wrong or empty results without a word (issue 12, section 1).

Each is read where it lives in ../shared/raw and skipped when that is absent.
Rule: a recognised page that yields nothing it should warns, and ``coverage``
counts what grids placed as it counts what the grammar placed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import raw_page

import minutes_parser


def raw(name: str) -> Path:
    """``../shared/raw/<name>``, or skip the test when it is not there."""
    return raw_page(name)


def test_infocouncil_year_view_lists_its_meetings() -> None:
    doc = minutes_parser.parse(
        raw("infocouncil/lane_cove_meeting-list-year-2023_1.html"), url="https://lanecove.infocouncil.biz/?year=2023"
    )
    assert doc.source.page_kind == "meeting_list"
    assert len(doc.meetings) >= 20
    council = doc.meetings[1]
    assert (council.body, council.date, council.time, council.location) == (
        "Ordinary Council",
        dt.date(2023, 12, 7),
        "19:00",
        "Council Chambers",
    )
    assert council.documents[0].url == (
        "https://lanecove.infocouncil.biz/RedirectToDoc.aspx?URL=Open/2023/12/CNL_07122023_AGN_AT_WEB.htm"
    )
    assert doc.coverage is not None and doc.coverage > 0.9
    assert not doc.warnings


def test_forced_legistar_api_on_a_text_page_warns_with_zero_coverage() -> None:
    doc = minutes_parser.parse(b"Agenda item\n\nBudget\n\nRESOLVED that it be noted.\n", adapter="legistar-api")
    assert doc.items == () and doc.meetings == ()
    assert doc.coverage == 0.0
    assert any("no Legistar Web API records" in w for w in doc.warnings)


def test_forced_adapter_that_finds_nothing_warns() -> None:
    doc = minutes_parser.parse(b'{"EventId": 1}', adapter="moderngov")
    assert any("found no meetings, items, people or bodies" in w for w in doc.warnings)


def test_cmis_month_view_without_a_year_says_its_dates_are_empty() -> None:
    doc = minutes_parser.parse(raw("cmis/birmingham_calendar-month-printer_1.html"))
    assert [m.body for m in doc.meetings][:2] == ["Licensing Sub-Committee A", "Licensing Sub-Committee B"]
    assert all(m.date is None for m in doc.meetings)
    assert any("without a year" in w and "Monday, 8 June" in w for w in doc.warnings)
    assert doc.coverage is not None and doc.coverage > 0.3  # the meeting links count as placed


def test_cmis_list_view_dates_are_read_and_counted() -> None:
    doc = minutes_parser.parse(raw("cmis/birmingham_meeting-calendar-listview_1.html"))
    assert doc.meetings[0].date == dt.date(2026, 7, 9)
    assert not doc.warnings


@pytest.mark.parametrize("city", ["chicago", "nyc", "la-metro"])
def test_legistar_sponsor_column_is_not_the_meeting_body(city: str) -> None:
    doc = minutes_parser.parse(
        raw(f"legistar/{city}_legislation_1.html"), url=f"https://{city}.legistar.com/Legislation.aspx"
    )
    assert len(doc.items) >= 50
    bodies = {i.meeting.body for i in doc.items if i.meeting and i.meeting.body}
    assert not any(b.isdigit() for b in bodies), bodies  # Chicago's sponsor column holds ward numbers


def test_legistar_landing_page_is_not_a_silent_empty_meeting() -> None:
    doc = minutes_parser.parse(raw("legistar/chicago-park-district_guide_1.html"))
    if doc.meetings:
        assert all(m.body is None and m.date is None for m in doc.meetings)
    assert any("it may not be a page this adapter reads" in w for w in doc.warnings)


def test_pages_with_content_do_not_get_the_empty_warning() -> None:
    for name in ("legistar/nyc_calendar_1.html", "cmis/birmingham_meeting-summary_1.html"):
        doc = minutes_parser.parse(raw(name))
        assert not any("may not be a page this adapter reads" in w for w in doc.warnings), name
