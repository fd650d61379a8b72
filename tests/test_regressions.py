"""Failures found along the way (by fuzzing, sweeps and review), pinned so they stay fixed."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES, SAMPLES, corpus_page
from hypothesis import given
from hypothesis import strategies as st
from scaling import assert_linear

import minutes_parser
from minutes_parser.grammar.wording import NUMBERING, VOTE
from minutes_parser.grammar.wording.documents import DOC_SUFFIX, split_doc_suffix


def test_quadratic_patterns_on_long_whitespace_runs() -> None:
    # DOC_SUFFIX, TRAILING_RESULT and the old TOC-leader regex each took 7-230 s here. Trailing
    # results ("... CARRIED") are now VOTE rules and table-of-contents rows NUMBERING rules: every
    # one of their patterns is run on the same lines.
    def run(n: int) -> None:
        line = " " * n + "x"
        split_doc_suffix(line + " 9 KB")
        DOC_SUFFIX.search(line)
        for rule in VOTE:
            rule.pattern.search(line)
        for rule in NUMBERING:
            rule.pattern.search(" " * n + "9")

    assert_linear(lambda n: n, run, 2_000, "size, vote and numbering patterns on a run of spaces")


def test_repeated_resolutions_merge_in_linear_time() -> None:
    # 60,000 identical one-line resolutions once took minutes (quadratic merge).
    def page(n: int) -> bytes:
        return ("Agenda item\n\nX\n\n" + "RESOLVED – That the report be noted.\n" * n).encode()

    assert len(minutes_parser.parse(page(60_000)).items[0].resolutions) == 60_000
    assert_linear(page, minutes_parser.parse, 2_000, "identical resolutions")


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
        corpus_page("legistar/nyc_calendar_1.html"), url="https://nyc.legistar.com/Calendar.aspx"
    )
    assert doc.items == () and len(doc.meetings) == 40


def test_decision_link_is_not_a_meeting_list() -> None:
    # A "Decided at meeting" link to ieListDocuments once turned a decision page into a list.
    doc = minutes_parser.parse(corpus_page("moderngov/lgsf-fixture_ieDecisionDetails_1.html"))
    assert doc.source.page_kind == "decision" and len(doc.items) == 1


def test_unrecognized_page_survives_pickling() -> None:
    import pickle

    error = minutes_parser.UnrecognizedPage("a news article", [("text", 0.1)])
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.scores == error.scores


# ---------------------------------------------------------------- hostile input (issue 14)
SAMPLE_TEXT = SAMPLES / "anytown_issue-history_library-opening-hours.txt"
RESOLVED_PAGE = b"Agenda item\n\nBudget\n\nRESOLVED that the report be noted.\n"
MODERNGOV_URL = "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=2"


def test_internal_error_is_a_parse_error_that_chains_the_cause() -> None:
    assert issubclass(minutes_parser.InternalError, minutes_parser.ParseError)
    assert "InternalError" in minutes_parser.__all__


def test_r1_lone_surrogate_in_str_input_becomes_replacement_character() -> None:
    doc = minutes_parser.parse("Agenda item\n\nX\n\nRESOLVED that \udc80 be noted.")
    assert doc.items[0].resolutions[0].text == "that \ufffd be noted."
    doc.to_json().encode("utf-8")
    results = list(minutes_parser.parse_many(["Agenda item\n\nX\n\nRESOLVED that \udc80 be noted."]))
    assert results[0].ok


def test_r2_lone_surrogate_escape_in_json_is_scrubbed() -> None:
    page = b'[{"EventId": 1, "EventBodyName": "City \\ud800 Council", "EventDate": "2023-01-05T00:00:00"}]'
    doc = minutes_parser.parse(page)
    assert doc.meetings[0].body == "City \ufffd Council"
    doc.to_json().encode("utf-8")
    pair = minutes_parser.parse(page.replace(b"\\ud800", b"\\ud83d\\ude00"))
    assert pair.meetings[0].body == "City \U0001f600 Council"


class _BytesPath:
    def __fspath__(self) -> bytes:
        return str(SAMPLE_TEXT).encode()


class _RaisingPath:
    def __fspath__(self) -> str:
        raise RuntimeError("no path today")


class _IntPath:
    def __fspath__(self) -> int:
        return 3


def test_r2b_odd_path_likes_url_and_adapter_arguments() -> None:
    assert minutes_parser.parse(_BytesPath()).items  # type: ignore[arg-type]
    with pytest.raises(minutes_parser.ParseError, match="cannot use _RaisingPath as a path"):
        minutes_parser.parse(_RaisingPath())  # type: ignore[arg-type]
    with pytest.raises(minutes_parser.ParseError, match="cannot use _IntPath as a path"):
        minutes_parser.parse(_IntPath())  # type: ignore[arg-type]
    doc = minutes_parser.parse(RESOLVED_PAGE, url=b"https://example.gov.uk/x")  # type: ignore[arg-type]
    assert doc.source.url == "https://example.gov.uk/x"
    doc.to_json()
    with pytest.raises(minutes_parser.ParseError, match="adapter must be"):
        minutes_parser.parse(RESOLVED_PAGE, adapter=["text"])  # type: ignore[arg-type]
    with pytest.raises(minutes_parser.ParseError, match="url must be a str"):
        minutes_parser.parse(RESOLVED_PAGE, url=5)  # type: ignore[arg-type]
    with pytest.raises(minutes_parser.ParseError, match="cannot parse a int"):
        minutes_parser.parse(5)  # type: ignore[arg-type]


def test_r3_one_poisoned_link_does_not_refuse_the_page() -> None:
    page = (PAGES / "moderngov_meeting_constructed.html").read_bytes()
    poisoned = page.replace(b'href="', b'href="http://[x/', 3)
    assert poisoned != page
    doc = minutes_parser.parse(poisoned, url=MODERNGOV_URL)
    assert doc.items and doc.source.adapter == "moderngov"
    urls = [d.url for i in doc.items for d in i.documents] + [d.url for m in doc.meetings for d in m.documents]
    assert all(u is None or "[" not in u for u in urls)


def test_r3_join_url_never_raises() -> None:
    from minutes_parser.urls import join_url

    assert join_url("https://a.gov.uk/x/", "http://[x/report.pdf") == "http://%5Bx/report.pdf"
    assert join_url("http://[::1", "r.pdf") == "r.pdf"
    assert join_url("https://a.gov.uk/x/", "r.pdf") == "https://a.gov.uk/x/r.pdf"
    assert join_url(None, None) is None


@pytest.mark.parametrize("label", ["undefined", "utf-16", "utf-32", "cp037", "utf-7", "no-such-codec", "base64"])
def test_r4_meta_charset_only_ascii_compatible(label: str) -> None:
    page = f'<html><head><meta charset="{label}"></head><body><h1>Agenda item</h1><h2>Caf\u00e9 budget</h2>'
    page += "<p>RESOLVED that it be noted.</p></body></html>"
    doc = minutes_parser.parse(page.encode("utf-8"), adapter="generic")
    assert doc.items[0].title == "Caf\u00e9 budget"


def test_r5_unparseable_url_is_ignored_with_a_warning() -> None:
    page = (PAGES / "moderngov_meeting_constructed.html").read_bytes()
    plain = minutes_parser.parse(page)
    doc = minutes_parser.parse(page, url="http://[::1")
    assert doc.source.adapter == plain.source.adapter == "moderngov"
    assert doc.source.url is None
    assert any("cannot be parsed; ignored" in w for w in doc.warnings)
    forced = minutes_parser.parse(page, url="http://[::1", adapter="moderngov")
    assert forced.items == plain.items


@pytest.mark.parametrize("value", ["5", '"abc"', "[1, 2]", '{"a": 1}', "null"])
def test_r6_legistar_json_wrong_shapes_warn_and_are_skipped(value: str) -> None:
    page = (
        f'{{"EventId": 7, "EventBodyName": "City Council", "EventDate": "2023-01-05T00:00:00", "EventItems": {value}}}'
    )
    doc = minutes_parser.parse(page.encode())
    assert doc.meetings[0].body == "City Council"
    assert doc.items == ()
    if value != "null":
        assert any("EventItems" in w for w in doc.warnings)


def test_r9_absurd_attribute_counts_are_capped_quickly() -> None:
    def page(n: int) -> bytes:
        attributes = b" ".join(b"a%d=1" % i for i in range(n))
        return (
            b"<html><body><p " + attributes + b">x</p><h1>Agenda item</h1><h2>Budget</h2>"
            b"<p>RESOLVED that it be noted.</p></body></html>"
        )

    doc = minutes_parser.parse(page(200_000), adapter="generic")
    assert doc.items[0].resolutions[0].text == "that it be noted."
    assert any("attributes" in w for w in doc.warnings)
    assert_linear(page, lambda data: minutes_parser.parse(data, adapter="generic"), 20_000, "attributes past the cap")


def test_r11_devices_and_fifos_are_refused_not_read(tmp_path: Path) -> None:
    with pytest.raises(minutes_parser.ParseError, match="not a regular file"):
        minutes_parser.parse(Path("/dev/zero"))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(minutes_parser.ParseError, match="not a regular file"):
        minutes_parser.parse(fifo)  # opening it for reading would block: it is refused from its stat
    with pytest.raises(minutes_parser.ParseError, match="no such file"):
        minutes_parser.parse(tmp_path / "missing.html")
    with pytest.raises(minutes_parser.ParseError, match="is a directory"):
        minutes_parser.parse(tmp_path)


def test_r11_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(minutes_parser.MAX_BYTES + 10)  # sparse: nothing is written
    with pytest.raises(minutes_parser.ParseError, match="limit"):
        minutes_parser.parse(big)


def test_r16_a_str_is_never_read_as_a_path(tmp_path: Path) -> None:
    secret = tmp_path / "environ.txt"
    secret.write_text("SECRET_TOKEN=abc123 and more text that must not leak\n" * 3, encoding="utf-8")
    with pytest.raises(minutes_parser.UnrecognizedPage) as info:
        minutes_parser.parse(str(secret))
    assert "SECRET_TOKEN" not in str(info.value)
    assert "pathlib.Path" in str(info.value)
    with pytest.raises(minutes_parser.UnrecognizedPage) as info:
        minutes_parser.parse(secret)
    message = str(info.value)
    assert "more text" not in message  # a short prefix at most
    assert len(message) < 400


def test_r17_content_below_libxml2s_depth_limit_is_kept() -> None:
    page = b"<html><body><h1>Agenda item</h1><h2>Budget</h2>" + b"<font>" * 260
    page += b"<p>RESOLVED that the deep text be noted.</p></body></html>"
    doc = minutes_parser.parse(page, adapter="generic")
    assert doc.items[0].resolutions[0].text == "that the deep text be noted."
    assert any("flattened" in w for w in doc.warnings)


def test_r17_deep_divs_keep_their_text() -> None:
    page = b"<html><body><h1>Agenda item</h1><h2>Budget</h2>" + b"<div>" * 5000
    page += b"RESOLVED that the deep text be noted." + b"</div>" * 5000 + b"</body></html>"
    doc = minutes_parser.parse(page, adapter="generic")
    assert doc.items[0].resolutions[0].text == "that the deep text be noted."


def test_text_node_over_ten_megabytes_is_not_dropped() -> None:
    page = b"<html><body><h1>Agenda item</h1><h2>Budget</h2><p>RESOLVED that it be noted.</p><pre>"
    page += b"x" * (11 * 1024 * 1024) + b"</pre></body></html>"
    doc = minutes_parser.parse(page, adapter="generic")
    assert doc.items[0].resolutions[0].text == "that it be noted."


# ---------------------------------------------------------------- clear errors (issue 12, section 2)
def test_gzip_input_is_inflated() -> None:
    assert minutes_parser.parse(gzip.compress(RESOLVED_PAGE)).items[0].title == "Budget"


def test_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"\0" * (minutes_parser.MAX_BYTES + 1024), compresslevel=9)
    with pytest.raises(minutes_parser.ParseError, match="inflates past"):
        minutes_parser.parse(bomb)


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>RESOLVED that it be noted.</w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (_docx(), "Word document"),
        (b"PK\x03\x04" + b"\x00" * 40, "zip archive"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(range(256)), "JPEG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "legacy Microsoft Office"),
        (bytes(range(1, 32)) * 40, "binary data"),
    ],
)
def test_binary_formats_are_named_and_never_shown(data: bytes, name: str) -> None:
    with pytest.raises(minutes_parser.ParseError) as info:
        minutes_parser.parse(data)
    message = str(info.value)
    assert name in message
    assert not isinstance(info.value, minutes_parser.InternalError)
    assert "\ufffd" not in message and "\\x" not in message


def test_pdf_without_a_pdf_adapter_is_named() -> None:
    with pytest.raises(minutes_parser.ParseError, match="PDF"):
        minutes_parser.parse(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj RESOLVED that it be noted. endobj\n")


def test_a_url_is_not_fetched() -> None:
    url = "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=2&Ver=4"
    with pytest.raises(minutes_parser.ParseError) as info:
        minutes_parser.parse(url)
    assert "does not fetch pages; download it first" in str(info.value)
    assert url in str(info.value)


def test_utf16_without_byte_order_mark_is_still_text() -> None:
    doc = minutes_parser.parse(RESOLVED_PAGE.decode().encode("utf-16-le"))
    assert doc.items[0].title == "Budget"


MEMORY_PROBE = """
import resource, sys
import minutes_parser
data = b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n" + b"a\\n" * 25_000_000
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
doc = minutes_parser.parse(data)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) * 1024 / len(data), len(doc.unparsed[-1].text), doc.coverage, doc.warnings[-1])
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KB on Linux")
def test_r10_text_of_tiny_lines_stays_under_ten_times_its_size() -> None:
    # 50 MB of two-byte lines: 20 MB of them once took 155 bytes of memory per input byte.
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE], capture_output=True, text=True, timeout=300, check=True
    )
    ratio, rest, coverage, warning = result.stdout.split(" ", 3)
    # Measured 6.9x (from 155x): the text, the unread rest and its collapsed copy are each the
    # page's size; the rest is collapsed a megabyte at a time (a substitution over the whole of it
    # kept eight bytes per line in its list of pieces: 10.8x). Issue 14 asks for at most 10x.
    assert float(ratio) < 10
    assert int(rest) > 49_000_000  # the lines past the block limit are kept, not lost
    assert float(coverage) < 0.01
    assert "kept unread in unparsed" in warning


# ---------------------------------------------------------------- nothing silently lost (R20, R21)
LEGISTAR_GRID = """<html><body><table>
<tr><th>Name</th><th>Meeting Date</th><th>Meeting Topic</th><th>Agenda</th></tr>
<tr><td>City Council</td><td>4/16/2024</td><td>Budget hearing on the water fund</td><td><a href="View.ashx?M=A&amp;ID=1">Agenda</a></td></tr>
<tr><td>Planning Commission</td><td>4/18/2024</td><td>Harbor district zoning</td><td>Not available</td></tr>
</table></body></html>"""


def test_r20_grid_columns_no_reader_knows_go_to_unparsed() -> None:
    doc = minutes_parser.parse(LEGISTAR_GRID.encode(), url="https://riverton.legistar.com/Calendar.aspx")
    assert [m.body for m in doc.meetings] == ["City Council", "Planning Commission"]
    unparsed = [u.text for u in doc.unparsed]
    assert "Meeting topic: Budget hearing on the water fund" in unparsed
    assert "Meeting topic: Harbor district zoning" in unparsed
    assert doc.coverage is not None and doc.coverage < 1.0
    # The trace says what the grid reader took and what it left.
    trace = minutes_parser.explain(LEGISTAR_GRID.encode(), url="https://riverton.legistar.com/Calendar.aspx")
    read = [t for t in trace.lines if t.kind == "structure"]
    assert any(t.placed == "meetings" and "Planning Commission" in t.text for t in read)
    assert any(t.placed is None and "Harbor district zoning" in t.text for t in read)


def _healthy_weight() -> str:
    return (PAGES / "moderngov_mgAi_healthy-weight.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda page: page.replace("<body>", "<body><div id='modgov'></div>", 1),  # an empty element with the id first
        lambda page: page.replace("<div", "<p").replace("</div>", "</p>"),  # div restyled as p: the parser closes it at once
        lambda page: page.replace("<body>", "<body><span id='modgov'> </span>", 1),  # only white space in it
    ],
    ids=["empty-id-element", "div-to-p", "blank-id-element"],
)
def test_r21_a_content_area_without_text_is_not_the_content(change: Any) -> None:
    original = minutes_parser.parse(_healthy_weight().encode())
    changed = minutes_parser.parse(change(_healthy_weight()).encode())
    assert changed.source.adapter == "moderngov"
    assert [i.title for i in changed.items] == [i.title for i in original.items]
    assert [r.text for r in changed.items[0].resolutions] == [r.text for r in original.items[0].resolutions]


@pytest.mark.parametrize(
    ("markup", "field", "value"),
    [
        ("<p><div>Decision maker:</div>Cabinet Member for Housing</p>", "meeting.body", "Cabinet Member for Housing"),
        ("<p><div>Decision status:</div><div>Recommendations Approved</div></p>", "status", "Recommendations Approved"),
        ("<p><strong>Date of decision:</strong></p>\n<p>19/10/2015</p>", "meeting.date", "2015-10-19"),
    ],
)
def test_a_label_alone_in_its_box_takes_the_next_box(markup: str, field: str, value: str) -> None:
    page = f"<html><body><h1>Decision details</h1>\n<h2>Tree planting programme</h2>\n{markup}\n<p>Decision:</p>\n<p>To approve the programme.</p></body></html>"
    item = minutes_parser.parse(page.encode(), url="https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=9").items[0]
    found: Any = item
    for part in field.split("."):
        found = getattr(found, part)
    assert str(found) == value


def test_a_lone_label_does_not_take_a_paragraph() -> None:
    long_line = "The decision was taken after consultation with ward members, residents' groups and the local schools, which all supported it."
    page = f"<html><body><h1>Decision details</h1>\n<h2>Tree planting</h2>\n<p><div>Decision maker:</div></p>\n<p>{long_line}</p></body></html>"
    item = minutes_parser.parse(page.encode(), url="https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=9").items[0]
    assert item.meeting is None or item.meeting.body is None


@pytest.mark.parametrize("marker", ["(2)", "b)", "iv."])
def test_a_list_number_in_its_own_box_joins_its_text(marker: str) -> None:
    page = (
        "<html><body><h1>Agenda item</h1>\n<h2>Library opening hours</h2>\n<p>Minutes:</p>\n<p>RESOLVED –</p>\n"
        f"<p><div>{marker}</div>That the Director report the outcome to Cabinet.</p></body></html>"
    )
    doc = minutes_parser.parse(page.encode(), url="https://democracy.example.gov.uk/mgAi.aspx?ID=1")
    resolutions = doc.items[0].resolutions
    assert [(r.label, r.text) for r in resolutions] == [(marker.strip("()."), "That the Director report the outcome to Cabinet.")]
    # Without the join the marker was a clause of its own or text of its own.
    assert doc.unparsed == ()


@pytest.mark.parametrize("kind_line", ["Decision details", "Agenda item", "Issue - meetings"])
def test_a_page_kind_heading_is_not_the_title(kind_line: str) -> None:
    page = f"<html><body><main><h1>{kind_line}</h1><h2>Parking permits for key workers</h2><p>RESOLVED that the scheme be approved.</p></main></body></html>"
    doc = minutes_parser.parse(page.encode())
    assert doc.title == "Parking permits for key workers"


@pytest.mark.parametrize("heading", ["Additional documents:", "Supporting documents:", "Background papers:"])
def test_r18_decisions_after_a_documents_heading_are_kept(heading: str) -> None:
    page = (
        "Agenda item\n\nBudget monitoring report\n\nMinutes:\n\nThe committee considered the report.\n\n"
        f"{heading}\n\nReport PDF 120 KB\n\nRESOLVED that the report be noted.\n\nRESOLVED that the forecast be approved.\n"
    )
    doc = minutes_parser.parse(page)
    assert [r.text for r in doc.items[0].resolutions] == ["that the report be noted.", "that the forecast be approved."]


@pytest.mark.parametrize(
    "clause",
    [
        "that the minutes of the meeting held on 12 March 2024 be approved as a correct record.",
        "that the minutes of the meeting held on Tuesday 5th November 2024 be confirmed.",
        "that the notes of the meeting held on 3/9/2024 be agreed and signed by the Chair.",
    ],
)
def test_r19_a_resolution_naming_an_earlier_meeting_is_not_the_meeting(clause: str) -> None:
    page = f"Agenda item\n\nMinutes of the previous meeting\n\nMinutes:\n\nRESOLVED {clause}\n"
    doc = minutes_parser.parse(page)
    assert [r.text for r in doc.items[0].resolutions] == [clause]
    assert all(m.date is None for m in doc.meetings)


@pytest.mark.parametrize(
    "layout",
    [
        "<h2>Meeting Detail</h2><div><span>Town Board</span><span>October Town Board Meeting</span></div>"
        "<div>October 8, 2025, 6:30 pm</div><div>Municipal Office Building</div>"
        "<h3>Agenda</h3><a href='/files/oct2025-agenda.pdf'>Oct2025 agenda.pdf</a>"
        "<h3>Minutes</h3><a href='/files/2025-10-08.pdf'>2025 10 08.pdf</a>",
        "<h1>Village Board of Trustees</h1><p>Regular Meeting</p><p>Tuesday, March 4, 2025 at 7:00 PM</p>"
        "<p><strong>Agenda</strong></p><ul><li><a href='docs/agenda-2025-03-04.pdf'>Agenda (PDF)</a></li></ul>"
        "<p><strong>Minutes</strong></p><ul><li><a href='docs/minutes-2025-03-04.pdf'>Approved minutes (PDF)</a></li></ul>",
    ],
    ids=["detail-divs", "headings-and-lists"],
)
def test_a_meeting_page_with_only_its_details_and_documents_is_read(layout: str) -> None:
    # A small town's meeting page: the meeting's name, date and place, and its agenda and minutes files.
    doc = minutes_parser.parse(f"<html><body><main>{layout}</main></body></html>".encode())
    assert doc.meetings and doc.meetings[0].date is not None
    assert len(doc.meetings[0].documents) == 2


def test_a_dated_news_page_with_one_document_link_is_still_refused() -> None:
    page = (
        "<html><body><article><h1>Council to debate parking charges</h1><p>Published March 4, 2025</p>"
        "<p>Councillors will discuss the plans next week. Residents say the charges are unfair.</p>"
        "<p><a href='/files/parking-consultation.pdf'>Read the consultation (PDF)</a></p></article></body></html>"
    )
    with pytest.raises(minutes_parser.UnrecognizedPage):
        minutes_parser.parse(page.encode())


@pytest.mark.parametrize(
    "sentence",
    [
        "The minutes of the Parish Council Meeting held on 9th September 2014 were amended and signed as a true record.",
        "Minutes of the meeting held on 9 September 2014 were approved. Prop. DD, 2nd BB, All in favour.",
        "The minutes of the last meeting held on Tuesday 9th September 2014 had been circulated and were agreed.",
    ],
)
def test_r19_a_sentence_about_earlier_minutes_does_not_date_the_meeting(sentence: str) -> None:
    # Unnumbered opening business, as parish minutes print it before their numbered items.
    page = (
        "WEREFORD PARISH COUNCIL\n\nMinutes of the Ordinary Parish Council Meeting\n\n11th November 2014 at 7.30pm\n\n"
        "Present: Cllr Jo Bruce (Chair), Cllr Dave Deighton\n\nThe Chair welcomed all and accepted apologies.\n\n"
        f"{sentence}\n\n6. Correspondence\n\nA letter from the County Council was noted.\n\n"
        "7. Planning\n\nRESOLVED that no objection be raised to application 14/01234/F.\n\n"
        "8. Finance\n\nThe accounts were approved.\n"
    )
    doc = minutes_parser.parse(page)
    assert [str(m.date) for m in doc.meetings] == ["2014-11-11"]


@given(st.lists(st.sampled_from(["a", "b", " ", "\n", "\t", "\u00a0", "\u00e9", "e\u0301", "\u200b"]), max_size=80).map("".join))
def test_collapsing_long_text_piece_by_piece_equals_collapsing_it_whole(text: str) -> None:
    import minutes_parser.blocks as blocks

    saved = blocks.CLEAN_CHUNK
    blocks.CLEAN_CHUNK = 5  # pieces of a few characters: every kind of boundary is met
    try:
        assert blocks.clean_large(text) == blocks.clean(text)
    finally:
        blocks.CLEAN_CHUNK = saved
