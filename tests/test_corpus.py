"""Every hand-labelled page in tests/corpus parses to what its gold file says."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from conftest import CORPUS, PAGES, SHARED, gold_pages
from goldscore import compare

import minutes_parser

# Pages whose gold the parser does not yet reach, with the reason. Strict
# xfail: when one starts passing, the test fails until it is removed here.
KNOWN_MISSES: dict[str, str] = {}

PAIRS = gold_pages()


def _id(pair: tuple[Path, Path]) -> str:
    return str(pair[1].relative_to(CORPUS))


CASES = [
    pytest.param(pair, id=_id(pair), marks=[pytest.mark.xfail(reason=KNOWN_MISSES[_id(pair)], strict=True)])
    if _id(pair) in KNOWN_MISSES
    else pytest.param(pair, id=_id(pair))
    for pair in PAIRS
]


@pytest.mark.parametrize("pair", CASES)
def test_gold_page(pair: tuple[Path, Path]) -> None:
    gold_path, page_path = pair
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    try:
        result: dict | BaseException = minutes_parser.parse(page_path.read_bytes(), url=gold.get("url")).to_dict()
    except minutes_parser.InternalError:
        raise
    except minutes_parser.ParseError as exc:
        result = exc
    problems = compare(gold, result)
    assert not problems, "\n".join(problems)


OWN = gold_pages(PAGES)


@pytest.mark.parametrize("pair", OWN, ids=[str(p[1].relative_to(PAGES)) for p in OWN])
def test_constructed_page(pair: tuple[Path, Path]) -> None:
    gold = json.loads(pair[0].read_text(encoding="utf-8"))
    try:
        result: dict | BaseException = minutes_parser.parse(pair[1].read_bytes(), url=gold.get("url")).to_dict()
    except minutes_parser.InternalError:
        raise
    except minutes_parser.ParseError as exc:
        result = exc
    problems = compare(gold, result)
    assert not problems, "\n".join(problems)


def test_infocouncil_votes_recorded() -> None:
    doc = minutes_parser.parse(
        PAGES / "infocouncil_minutes_constructed.html", url="https://x.infocouncil.biz/Open/m.htm"
    )
    carried, lost = doc.items[0].votes[0], doc.items[1].votes[0]
    assert (carried.mover, carried.seconder, carried.result) == ("Cr Kevin Beatty", "Cr Jenny Weaver", "CARRIED")
    assert (lost.mover, lost.seconder, lost.result) == ("Cr Jamie Jennings", "Cr Ian Gosper", "LOST")
    assert lost.motion == "That Council refuse the request."


def test_corpus_has_every_format() -> None:
    formats = {pair[1].parent.name for pair in PAIRS}
    assert {"seeds", "text", "moderngov", "moderngov-xml", "legistar", "legistar-api", "cmis", "infocouncil"} <= formats
    assert len(PAIRS) >= 59


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not beside this clone")
def test_copies_equal_shared_corpus() -> None:
    # ../shared/corpus grows (new formats, new pages, edited notes and manifests); every page and gold file kept
    # here must match its original.
    shared = SHARED / "corpus"
    mine = {p.relative_to(CORPUS) for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in (".md", ".tsv")}
    theirs = {p.relative_to(shared) for p in shared.rglob("*") if p.is_file()}
    assert mine <= theirs, f"only here: {sorted(mine - theirs)}"
    for rel in sorted(mine):
        assert filecmp.cmp(CORPUS / rel, shared / rel, shallow=False), f"{rel} differs from ../shared/corpus"


CUT_OFF = [
    "text/aberdeen_meeting_committee-may-2013.txt",
    "text/coventry_meeting_cabinet-oct-2018.txt",
    "text/stockport_meeting_bramhall-area-committee.txt",
    "text/wilmot_escribe-minutes_council-may-2024.txt",
]
COMPLETE = [
    "seeds/bradford_issue-history_ofsted-monitoring.txt",
    "seeds/bradford_agenda-item_ilacs-send.txt",
    "text/trafford_issue-meetings_minutes.txt",
    "cmis/birmingham_meeting-summary_1.html",
]


@pytest.mark.parametrize("name", CUT_OFF)
def test_capture_cut_off_mid_page_warns(name: str) -> None:
    doc = minutes_parser.parse(CORPUS / name)
    assert doc.items, "parses what it has"
    assert any("cut off" in w for w in doc.warnings)


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_page_does_not_warn(name: str) -> None:
    assert not any("cut off" in w for w in minutes_parser.parse(CORPUS / name).warnings)


def test_cmis_documents_panel_documents_belong_to_the_meeting() -> None:
    doc = minutes_parser.parse(
        PAGES / "cmis" / "birmingham_meeting-detail-fragment_1.html",
        url="https://birmingham.cmis.uk.com/birmingham/Meetings.aspx",
    )
    titles = [d.title for d in doc.meetings[0].documents]
    assert titles == ["Final Planning Minutes 16042026", "Final Agenda Reports - 9th July 2026"]
    assert doc.meetings[0].documents[0].url == "https://birmingham.cmis.uk.com/Birmingham/Document.ashx?id=abc123"


def test_attendance_from_labels_and_lists() -> None:
    wilmot = minutes_parser.parse(CORPUS / "text" / "wilmot_escribe-minutes_council-may-2024.txt").meetings[0]
    present = [p.name for p in wilmot.attendance if p.attendance == "present"]
    assert present[0] == "Mayor N. Salonen" and len(present) == 6
    staff = [(p.name, p.role) for p in wilmot.attendance if p.attendance == "in attendance"]
    assert staff[1] == ("C. Catania", "Director of Community Services") and len(staff) == 13
    pdf = minutes_parser.parse(PAGES / "council_minutes_pdf-text.txt").meetings[0]
    assert [(p.name, p.role) for p in pdf.attendance] == [
        ("A Smith", "Chair"),
        ("B Jones", None),
        ("C Brown", None),
        ("D White", None),
    ]
