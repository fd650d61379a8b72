"""Cost per megabyte stays flat as pages grow: ratios of sizes, never wall-clock limits.

Each test parses a real page (or real minutes text) grown by repeating its
records, at two sizes ten times apart, and compares the time per megabyte of
the larger with that of the smaller. Timings are the best of several runs, so a
busy machine slows both sizes alike; the factor allowed is generous because
only a super-linear path (a cost that grows with the square of the size) can
multiply the time per megabyte at ten times the size. The figures against the
targets are in ``bench/run.py`` and ``docs/performance.md``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from conftest import SAMPLES

import minutes_parser
from minutes_parser.decode import parse_html

RUNS = 5
"""Timings per size; the best is kept (noise only ever adds time)."""
FACTOR = 2.5
"""Largest allowed ratio of time per MB at ten times the size to time per MB at the smaller size.

Linear code measures 0.9-1.3 on the development machine; a quadratic path measures
about 10 and a path quadratic in a bounded window (a comparison with up to 200 others)
several times at these sizes."""


def _per_megabyte(make: Callable[[int], bytes], copies: int, parse: Callable[[bytes], object]) -> float:
    data = make(copies)
    parse(data)  # anything compiled or cached on first use is not timed
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        parse(data)
        best = min(best, time.perf_counter() - start)
    return best / (len(data) / 1e6)


def _ratio(make: Callable[[int], bytes], small: int, parse: Callable[[bytes], object] = minutes_parser.parse) -> float:
    return _per_megabyte(make, small * 10, parse) / _per_megabyte(make, small, parse)


def _meeting_page(copies: int) -> bytes:
    """A ModernGov meeting page (``samples/``) with its agenda rows repeated."""
    text = (SAMPLES / "anytown_ieListDocuments_cabinet-2025-03-11.html").read_text(encoding="utf-8")
    start = text.index("<tr>", text.index('id="mgItemTable"'))
    start = text.index("<tr>", start + 1)  # the first item row, after the header row
    end = text.index("</table>", start)
    return (text[:start] + text[start:end] * copies + text[end:]).encode("utf-8")


def _calendar_page(copies: int) -> bytes:
    """A Legistar-style calendar grid: a header row, then dated meeting rows with document links."""
    row = (
        '<tr class="rgRow"><td><a href="DepartmentDetail.aspx?ID=1">Committee on Finance</a></td>'
        "<td>1/31/2019</td><td>10:00 AM</td><td>Council Chambers - City Hall<br>Jointly with Budget</td>"
        '<td><a href="MeetingDetail.aspx?ID=7">Meeting&nbsp;details</a></td>'
        '<td><a href="View.ashx?M=A&amp;ID=7">Agenda</a></td><td><a href="View.ashx?M=M&amp;ID=7">Minutes</a></td></tr>\n'
    )
    page = (
        '<html><head><title>Calendar</title></head><body><div id="ctl00_divMiddle">'
        '<table class="rgMasterTable"><thead><tr><th>Name</th><th>Meeting Date</th><th>Meeting Time</th>'
        "<th>Meeting Location</th><th>Meeting Details</th><th>Agenda</th><th>Minutes</th></tr></thead><tbody>"
        + row * copies
        + "</tbody></table></div></body></html>"
    )
    return page.encode("utf-8")


def _councillors(copies: int) -> bytes:
    """A ModernGov web-service GetCouncillorsByWard answer with its councillor records repeated."""
    record = (
        "<councillor><councillorid>32276</councillorid><fullusername>Councillor Sharon Connor</fullusername>"
        "<photosmallurl>http://example.org/small.jpg</photosmallurl><photobigurl>http://example.org/big.jpg</photobigurl>"
        "<politicalpartytitle>Labour Party</politicalpartytitle><districttitle> </districttitle>"
        "<representing> </representing><keyposts>Cabinet Member</keyposts>"
        "<workaddress><line1>Cunard Buildings</line1><line2>Water Street</line2><postcode>L3 1QB</postcode>"
        "<phone>0151 233 0420</phone><email>someone@example.org</email></workaddress><homeaddress> </homeaddress>"
        "</councillor>\n"
    )
    body = "".join(
        f"<ward><wardtitle>Ward {n}</wardtitle><councillors>{record * 3}</councillors></ward>\n" for n in range(copies)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<councillorsbyward><wards>{body}</wards></councillorsbyward>'.encode()
    )


def _minutes_text(copies: int) -> bytes:
    """Minutes text (the captured issue history in ``samples/``) repeated."""
    text = (SAMPLES / "anytown_issue-history_library-opening-hours.txt").read_bytes()
    return (text + b"\n\n") * copies


def _long_tags(copies: int) -> bytes:
    """Tags of 900 attributes each (just under the cap, so every one is read to its end)."""
    tag = "<p " + " ".join(f'a{i}="{i}"' for i in range(900)) + ">Agenda item</p>\n"
    return ("<html><body>" + tag * copies + "</body></html>").encode("utf-8")


def test_meeting_page_cost_per_megabyte_is_flat() -> None:
    assert _ratio(_meeting_page, 10) < FACTOR


def test_calendar_grid_cost_per_megabyte_is_flat() -> None:
    assert _ratio(_calendar_page, 200) < FACTOR


def test_web_service_records_cost_per_megabyte_is_flat() -> None:
    assert _ratio(_councillors, 30) < FACTOR


def test_long_tag_scan_cost_per_megabyte_is_flat() -> None:
    def parse(data: bytes) -> object:
        return parse_html(data.decode("utf-8"))

    assert _ratio(_long_tags, 20, parse) < FACTOR


@pytest.mark.slow
def test_minutes_text_cost_per_megabyte_is_flat() -> None:
    assert _ratio(_minutes_text, 6) < FACTOR
