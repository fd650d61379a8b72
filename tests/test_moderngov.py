"""ModernGov HTML: full pages in ModernGov markup, cross-format agreement, restyling."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, NO_CORPUS, PAGES, SAMPLES, corpus_page, raw_page
from goldscore import compare
from lxml import etree, html

import minutes_parser
from minutes_parser.cli import main

SAMPLE_GOLD = Path(__file__).resolve().parent / "sample_gold"
MEETING_PAGE = SAMPLES / "anytown_ieListDocuments_cabinet-2025-03-11.html"
MEETING_XML_GOLD = SAMPLE_GOLD / "anytown_GetMeeting_cabinet-2025-03-11.gold.json"
# (ModernGov HTML page, the same page as a text capture, the capture's gold): all written for the project.
CROSS = [
    (
        PAGES / "moderngov_mgIssueHistoryHome_library-opening-hours.html",
        SAMPLES / "anytown_issue-history_library-opening-hours.txt",
        SAMPLE_GOLD / "anytown_issue-history_library-opening-hours.gold.json",
    ),
    (
        PAGES / "moderngov_mgAi_healthy-weight.html",
        PAGES / "moderngov_agenda-item_healthy-weight.txt",
        PAGES / "moderngov_agenda-item_healthy-weight.gold.json",
    ),
]


def _facts(doc: minutes_parser.Document) -> list[dict[str, Any]]:
    return [
        {
            "number": item.number,
            "title": item.title,
            "meeting": item.meeting.to_dict() if item.meeting else None,
            "recommendations": [(c.label, c.text) for c in item.recommendations],
            "resolutions": [(c.label, c.text) for c in item.resolutions],
            "actions": [a.owner for a in item.actions],
            "contacts": [(c.name, c.phone) for c in item.contacts],
        }
        for item in doc.items
    ]


@pytest.mark.parametrize(("page", "capture", "gold_path"), CROSS, ids=[c[0].stem for c in CROSS])
def test_moderngov_html_matches_its_text_capture(page: Path, capture: Path, gold_path: Path) -> None:
    from_html = minutes_parser.parse(page)
    from_text = minutes_parser.parse(capture)
    assert from_html.source.adapter == "moderngov" and from_text.source.adapter == "text"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for item in gold["items"]:
        # A capture's title-line report is not an item document (text convention); in HTML it is a
        # link whose place no convention fixes. The documents are compared on each page's own gold.
        item.pop("documents", None)
    assert compare(gold, from_html.to_dict()) == []
    assert _facts(from_html) == _facts(from_text)


def test_meeting_page_agrees_with_its_web_service_gold() -> None:
    gold = json.loads(MEETING_XML_GOLD.read_text(encoding="utf-8"))
    doc = minutes_parser.parse(MEETING_PAGE)
    assert doc.source.page_kind == "meeting"
    gold["meetings"][0].pop("status")  # the page prints it as a label; compared below
    problems = compare({k: v for k, v in gold.items() if k != "items"}, doc.to_dict())
    assert problems == []
    # Items: the same facts, documents aside (the page links the first report from the title).
    for g in gold["items"]:
        g.pop("documents")
    assert compare(gold, doc.to_dict()) == []
    meeting = doc.meetings[0]
    assert meeting.time == "18:00" and meeting.status == "confirmed"
    assert len(meeting.attendance) == 8
    assert meeting.attendance[0].role == "Chair" and meeting.attendance[0].attendance == "present"
    assert meeting.attendance[0].attendance_text == "Present, as expected"
    library = doc.items[3]
    assert [d.title for d in library.documents][1] == "Appendix 1 - Consultation results"
    parks = doc.items[-1]
    assert parks.minutes and "RESOLVED" not in parks.minutes


def test_cli_prints_meeting_with_items(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MEETING_PAGE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meetings"][0]["body"] == "Cabinet"
    assert [i["number"] for i in data["items"]] == ["40", "41", "42", "43", "44"]
    assert all(i["minutes"] for i in data["items"])
    assert len(data["items"][-1]["resolutions"]) == 2


# ---------------------------------------------------------------- restyling
def _restyle(data: bytes, seed: int) -> bytes:
    """Strip or rename every class and wrap the content in extra divs."""
    root = html.document_fromstring(data)
    for index, el in enumerate(root.iter()):
        if not isinstance(el.tag, str) or "class" not in el.attrib:
            continue
        if (index + seed) % 2:
            del el.attrib["class"]
        else:
            el.attrib["class"] = f"theme-{index}"
    body = root.find("body")
    assert body is not None
    wrapper = etree.Element("div", {"class": "new-theme"})
    inner = etree.SubElement(etree.SubElement(wrapper, "div"), "section")
    for child in list(body):
        inner.append(child)
    body.append(wrapper)
    return html.tostring(root, encoding="utf-8")


def _fields(doc: minutes_parser.Document) -> dict[str, Any]:
    data = doc.to_dict()
    return {
        "title": data["title"],
        "meetings": [(m["body"], m["date"], m["location"]) for m in data["meetings"]],
        "items": [
            (
                i["number"],
                i["title"],
                i["meeting"],
                [c["text"] for c in i["recommendations"]],
                [c["text"] for c in i["resolutions"]],
                [a["owner"] for a in i["actions"]],
                [c["name"] for c in i["contacts"]],
                [d["title"] for d in i["documents"]],
            )
            for i in data["items"]
        ],
    }


def _moderngov_pages() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    pages = (
        sorted((CORPUS / "moderngov").glob("*.html")) + sorted(SAMPLES.glob("*.html")) + sorted(PAGES.glob("*.html"))
    )
    found = []
    for page in pages:
        try:
            if minutes_parser.parse(page).source.adapter == "moderngov":
                found.append(page)
        except minutes_parser.ParseError:
            continue
    return found


def test_fields_survive_restyling() -> None:
    pages = _moderngov_pages()
    assert len(pages) >= 8
    same = 0
    report = []
    for path in pages:
        original = _fields(minutes_parser.parse(path))
        for seed in (0, 1):
            restyled = _fields(minutes_parser.parse(_restyle(path.read_bytes(), seed), adapter="moderngov"))
            ok = restyled == original
            same += ok
            report.append(f"{'same' if ok else 'DIFF'} {path.name} (seed {seed})")
    share = same / (2 * len(pages))
    print(f"\nrestyled ModernGov pages with unchanged fields: {same}/{2 * len(pages)} = {share:.0%}")
    print("\n".join(report))
    assert share >= 0.9, "\n".join(report)


def test_decision_page_fields() -> None:
    harrow = minutes_parser.parse(corpus_page("text/harrow_decision-details_public-realm-call-in.txt")).items[0]
    assert harrow.status == "Recommendations approved" and harrow.key_decision is True and harrow.call_in == "No"
    assert harrow.reasons is not None and harrow.reasons.startswith(
        "In accordance with Committee Procedure Rule 46.8.3"
    )
    assert harrow.alternatives == "To amend the decision."
    assert harrow.interests is not None and harrow.interests.startswith("None.")
    assert str(harrow.published) == "2012-10-12"
    purpose = minutes_parser.parse(corpus_page("moderngov/lgsf-fixture_ieDecisionDetails_3.html")).items[0]
    assert purpose.summary == "To seek approval for alternative processing arrangements."
    assert purpose.key_decision is True
    author = minutes_parser.parse(corpus_page("text/northherts_decision-details_os-resolutions.txt")).items[0]
    assert [(c.name, c.role) for c in author.contacts] == [("Hilary Dineen", "Report author")]
    docs = (
        minutes_parser.parse(
            corpus_page("moderngov/lgsf-fixture_ieDecisionDetails_1.html"),
            url="https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=1",
        )
        .items[0]
        .documents
    )
    assert docs[0].url == "https://democracy.example.gov.uk/documents/s7942/polc2 - 23.09.2015.pdf"
    assert (docs[0].format, docs[0].size_bytes) == ("pdf", 119 * 1024)


def test_web_service_meeting_details() -> None:
    doc = minutes_parser.parse(corpus_page("moderngov-xml/gloucester_GetMeeting_7837_1.xml"))
    assert doc.meetings[0].time == "12:30" and doc.meetings[0].status == "confirmed"
    assert doc.meetings[0].status_text == "Confirmed; Special Meeting"
    assert doc.meetings[0].system_id == "7837" and doc.meetings[0].id == "democracy.gloucester.gov.uk/meeting/7837"
    assert doc.meetings[0].url == "https://democracy.gloucester.gov.uk/ieListDocuments.aspx?MId=7837"
    assert [i.system_id for i in doc.items] == ["44461", "44463", "44464", "44555", "44127"]
    assert len(doc.meetings[0].attendance) == 13 and doc.meetings[0].attendance[0].party == "LIBDEM"
    assert [i.declaration_count for i in doc.items] == [0, 0, 0, 0, 0]
    assert doc.items[3].title == "Leader and Cabinet Members' Question Time (15 minutes)"


def test_web_service_councillors_by_ward() -> None:
    people = minutes_parser.parse(raw_page("moderngov-xml/gloucester_GetCouncillorsByWard_1.xml"))
    first = people.people[0]
    assert (first.name, first.ward, first.party) == ("Councillor Andrew Gravells MBE", "Abbeydale", "Conservative")
    assert (
        first.email == "andrew.gravells@gloucestershire.gov.uk"
        and first.photo_url
        and first.photo_url.endswith("bigpic.jpg")
    )


def test_meeting_level_documents_and_attendance() -> None:
    doc = minutes_parser.parse(
        PAGES / "moderngov_meeting_constructed.html",
        url="https://democracy.example.gov.uk/ieListDocuments.aspx?MId=5001",
    )
    meeting = doc.meetings[0]
    assert [d.title for d in meeting.documents] == ["Agenda frontsheet", "Public reports pack", "Printed minutes"]
    assert (
        meeting.documents[2].url
        == "https://democracy.example.gov.uk/documents/g5001/Printed minutes 04th-Mar-2025 14.00 Licensing Committee.pdf"
    )
    assert [(p.name, p.role, p.attendance) for p in meeting.attendance] == [
        ("Councillor Ann Green", "Chair", "present"),
        ("Councillor Bob Grey", "Committee Member", "apologies"),
    ]
    assert [(c.name, c.phone, c.email) for c in meeting.contacts] == [
        ("Sam Taylor", "01632 960123", "sam.taylor@example.gov.uk")
    ]
    assert [d.title for d in doc.items[-1].documents] == ["Licensing Fees 2025/26", "Appendix A - Fee schedule"]
    assert doc.unparsed == ()
