"""Every hand-labelled page parses to what its gold file says.

The labelled corpus is read where it lives, in ``../shared/corpus`` (ids are the
page's path below it); pages the parser does not yet get right are listed in
``tests/known_misses.json`` and held to strict xfail, and each corpus folder's
F1 under the official scorer must stay at or above the floor stored there
(``python tests/update_known_misses.py`` rewrites both). The project's own
pages in ``tests/pages`` must all be right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import (
    CORPUS,
    NO_CORPUS,
    PAGES,
    corpus_page,
    corpus_pairs,
    gold_pairs,
    page_id,
    params_or_skip,
    raw_page,
    read_gold,
    sample_pairs,
)
from corpusrun import folder_f1, folder_of, folders, load_known, pdf_enabled, problems, scorer
from goldscore import compare

import minutes_parser

KNOWN = load_known()
"""tests/known_misses.json: a small file of the project's own, safe to read at import."""


def _case(pair: tuple[Path, Path]) -> object:
    pid = page_id(pair[1])
    marks = []
    if folder_of(pair[1]) == "pdf" and not pdf_enabled():
        marks.append(pytest.mark.skip(reason="no pdf adapter is registered"))
    elif pid in KNOWN["pages"]:
        reason = KNOWN["pages"][pid]
        raises = minutes_parser.InternalError if reason.startswith("raised InternalError") else AssertionError
        marks.append(pytest.mark.xfail(reason=reason, raises=raises, strict=True))
    return pytest.param(pair, id=pid, marks=marks)


PAIRS = corpus_pairs()
CASES = [_case(pair) for pair in PAIRS] or params_or_skip([], [], NO_CORPUS)


@pytest.mark.parametrize("pair", CASES)
def test_gold_page(pair: tuple[Path, Path]) -> None:
    gold_path, page = pair
    found = problems(gold_path, page)
    if found and found[0].startswith("raised InternalError"):
        gold = read_gold(gold_path)
        minutes_parser.parse(page.read_bytes(), url=gold.get("url"))  # re-raise the bug itself
    assert not found, "\n".join(found)


FOLDERS = folders()


@pytest.mark.parametrize("folder", params_or_skip(FOLDERS, FOLDERS, NO_CORPUS))
def test_folder_f1_stays_above_its_floor(folder: str) -> None:
    if folder == "pdf" and not pdf_enabled():
        pytest.skip("no pdf adapter is registered")
    if scorer() is None:
        pytest.skip("../shared/eval/score.py is not beside this clone")
    floor = KNOWN["floors"].get(folder)
    assert floor is not None, f"no floor for {folder}/ in tests/known_misses.json: run tests/update_known_misses.py"
    f1 = folder_f1(folder)
    assert f1 >= floor, f"{folder}/ F1 {f1:.4f} fell below its floor {floor}"


def test_known_misses_name_existing_pages() -> None:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    ids = {page_id(page) for _, page in PAIRS}
    stale = sorted(set(KNOWN["pages"]) - ids)
    assert not stale, f"known_misses.json lists pages that are not in the corpus: {stale}"


OWN = gold_pairs(PAGES)
SAMPLED = sample_pairs()


@pytest.mark.parametrize(
    "pair",
    [pytest.param(p, id=f"pages/{p[1].name}") for p in OWN]
    + [pytest.param(p, id=f"samples/{p[1].name}") for p in SAMPLED],
)
def test_constructed_page(pair: tuple[Path, Path]) -> None:
    gold = read_gold(pair[0])
    try:
        result: dict | BaseException = minutes_parser.parse(pair[1].read_bytes(), url=gold.get("url")).to_dict()
    except minutes_parser.InternalError:
        raise
    except minutes_parser.ParseError as exc:
        result = exc
    found = compare(gold, result)
    assert not found, "\n".join(found)


def test_infocouncil_votes_recorded() -> None:
    doc = minutes_parser.parse(
        PAGES / "infocouncil_minutes_constructed.html",
        url="https://anytown.infocouncil.biz/Open/2020/08/OC_25082020_MIN.htm",
    )
    carried, lost = doc.items[0].votes[0], doc.items[1].votes[0]
    assert (carried.mover, carried.seconder, carried.result) == ("Cr Alan Reed", "Cr Beth Morley", "CARRIED")
    assert (lost.mover, lost.seconder, lost.result) == ("Cr Colin Ashdown", "Cr Dana Price", "LOST")
    assert lost.motion == "That Council refuse the request."


def test_corpus_has_every_format() -> None:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    formats = {folder_of(pair[1]) for pair in PAIRS}
    assert {"seeds", "text", "moderngov", "moderngov-xml", "legistar", "legistar-api", "cmis", "infocouncil"} <= formats
    assert len(PAIRS) >= 59


# Pages written for raw files (not in the labelled corpus): labels kept here, pages read from ../shared/raw.
RAW_GOLD = Path(__file__).resolve().parent / "raw_gold"
RAW_LABELLED = sorted(RAW_GOLD.rglob("*.gold.json"))


@pytest.mark.parametrize("gold_path", RAW_LABELLED, ids=[p.relative_to(RAW_GOLD).as_posix() for p in RAW_LABELLED])
def test_labelled_raw_page(gold_path: Path) -> None:
    stem = gold_path.name[: -len(".gold.json")]
    folder = gold_path.parent.relative_to(RAW_GOLD).as_posix()
    page = raw_page(f"{folder}/{stem}.html")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found = compare(gold, minutes_parser.parse(page, url=gold.get("url")).to_dict())
    assert not found, "\n".join(found)


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
    doc = minutes_parser.parse(corpus_page(name))
    assert doc.items, "parses what it has"
    assert any("cut off" in w for w in doc.warnings)


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_page_does_not_warn(name: str) -> None:
    assert not any("cut off" in w for w in minutes_parser.parse(corpus_page(name)).warnings)


def test_cmis_documents_panel_documents_belong_to_the_meeting() -> None:
    doc = minutes_parser.parse(
        raw_page("cmis/birmingham_meeting-detail-fragment_1.html"),
        url="https://birmingham.cmis.uk.com/birmingham/Meetings.aspx",
    )
    titles = [d.title for d in doc.meetings[0].documents]
    assert titles == ["Final Planning Minutes 16042026", "Final Agenda Reports - 9th July 2026"]
    assert doc.meetings[0].documents[0].url == "https://birmingham.cmis.uk.com/Birmingham/Document.ashx?id=abc123"


def test_attendance_from_labels_and_lists() -> None:
    wilmot = minutes_parser.parse(corpus_page("text/wilmot_escribe-minutes_council-may-2024.txt")).meetings[0]
    present = [p.name for p in wilmot.attendance if p.attendance == "present"]
    assert present[0] == "Mayor N. Salonen" and len(present) == 6
    staff = [(p.name, p.role) for p in wilmot.attendance if p.attendance == "in attendance"]
    assert staff[1] == ("C. Catania", "Director of Community Services") and len(staff) == 13


def test_attendance_from_a_present_list_over_two_lines() -> None:
    pdf = minutes_parser.parse(PAGES / "council_minutes_pdf-text.txt").meetings[0]
    assert [(p.name, p.role) for p in pdf.attendance] == [
        ("A Smith", "Chair"),
        ("B Jones", None),
        ("C Brown", None),
        ("D White", None),
    ]
