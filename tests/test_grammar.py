"""The shared grammar's rules, on real pages where they occur and on short cases."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import corpus_page

import minutes_parser
from minutes_parser.dates import find_date, find_time
from minutes_parser.grammar.clauses import Para, split_clauses
from minutes_parser.grammar.wording import SECTION
from minutes_parser.grammar.wording.contacts import label_contacts, paren_contacts
from minutes_parser.grammar.wording.documents import split_doc_suffix


def _item(name: str, index: int = 0) -> minutes_parser.AgendaItem:
    return minutes_parser.parse(corpus_page(name)).items[index]


def heading(line: str) -> tuple[str, str] | None:
    """(section, rest) of the first SECTION rule that reads ``line`` as a heading, or None."""
    found = SECTION.first(line)
    return None if found is None else (found[1]["section"], found[1]["rest"])


def test_nested_sub_clauses_stay_in_parent() -> None:
    item = _item("text/northherts_decision-details_os-resolutions.txt")
    assert [c.label for c in item.resolutions] == ["1", "2", "3", "4"]
    assert "(i) All Resolutions" in item.resolutions[1].text and "(ii) for future" in item.resolutions[1].text


def test_stem_before_numbered_clauses_is_not_a_clause() -> None:
    item = _item("text/sheffield_agenda-item_work-programme.txt")
    assert [c.label for c in item.resolutions] == ["1", "2", "3"]
    assert not any("note that" in c.text for c in item.resolutions)


def test_resolution_in_decision_and_minutes_counts_once() -> None:
    item = _item("seeds/bradford_issue-history_ofsted-monitoring.txt")
    assert len(item.resolutions) == 1 and len(item.actions) == 1 and len(item.contacts) == 1
    assert item.actions[0].text == "That the contents of Document “AK” be noted."


def test_same_decision_twice_in_one_block_is_kept_twice() -> None:
    text = "Agenda item\n\nPlanning\n\nMinutes:\n\nApplication A. Unanimously AGREED to recommend APPROVAL\n\nApplication B. Unanimously AGREED to recommend APPROVAL\n"
    item = minutes_parser.parse(text).items[0]
    assert [c.text for c in item.resolutions] == ["to recommend APPROVAL", "to recommend APPROVAL"]


def test_decision_inside_narrative() -> None:
    text = "Agenda item\n\nBudget\n\nMinutes:\n\nAfter discussion it was RESOLVED that the report be noted.\n\nMembers then left.\n"
    item = minutes_parser.parse(text).items[0]
    assert [c.text for c in item.resolutions] == ["that the report be noted."]
    assert item.minutes is not None and "Members then left." in item.minutes


def test_lower_case_resolved_in_narrative_is_not_a_decision() -> None:
    text = "Agenda item\n\nBudget\n\nMinutes:\n\nThe matter was resolved at the previous meeting and noted.\n"
    assert minutes_parser.parse(text).items[0].resolutions == ()


@pytest.mark.parametrize(
    ("line", "section", "rest"),
    [
        ("Resolved–", "resolutions", ""),
        ("RESOLVED that the report be noted.", "resolutions", "that the report be noted."),
        ("RESOLVED: (Unanimously)", "resolutions", ""),
        ("The Committee resolved:-", "resolutions", ""),
        ("It was agreed that X be done.", "resolutions", "that X be done."),
        ("AGREED – That Y.", "resolutions", "That Y."),
        ("Cabinet agreed the following:", "resolutions", ""),
        ("DECISION MADE:", "decision", ""),
        ("Recommended –", "recommendations", ""),
        ("Recommendation(s):", "recommendations", ""),
        ("Minutes:", "minutes", ""),
        ("Supporting documents:", "documents", ""),
        ("Reasons for the decision:", "reasons", ""),
        ("Alternative options considered:", "alternatives", ""),
    ],
)
def test_headings_by_meaning(line: str, section: str, rest: str) -> None:
    # Section names of the redesigned grammar: "resolutions" is what the old grammar called "resolved".
    assert heading(line) == (section, rest)


@pytest.mark.parametrize("line", ["Recommendations Tracker", "Decision Maker: Cabinet", "MINUTES", "Decision details"])
def test_not_headings(line: str) -> None:
    assert heading(line) is None


def test_clause_labels() -> None:
    paras = [Para(t, i) for i, t in enumerate(["(1) A.", "(2) B:", "(i) sub", "(ii) sub", "(3) C.", "a) D"])]
    clauses = split_clauses(paras)
    assert [c.label for c in clauses] == ["1", "2", "3"]
    assert clauses[1].text == "B: (i) sub (ii) sub a) D" or clauses[2].text.endswith("a) D")


def test_contacts() -> None:
    (irfan,) = paren_contacts("(Irfan Alam - 01274 432904)")
    assert (irfan.name, irfan.phone) == ("Irfan Alam", "01274 432904")
    jill, yusuf = paren_contacts("(Jill Bell / Yusuf Patel - 01274 434580 434579)")
    assert (jill.phone, yusuf.phone) == ("01274 434580", "01274 434579")
    (jane,) = label_contacts("Jane Smith, Democratic Services, 01234 567890, jane.smith@x.gov.uk")
    assert (jane.name, jane.role, jane.phone, jane.email) == (
        "Jane Smith",
        "Democratic Services",
        "01234 567890",
        "jane.smith@x.gov.uk",
    )
    (paul,) = label_contacts("Head of Life Opportunities - Paul Price")
    assert paul.name == "Paul Price" and paul.role == "Head of Life Opportunities"


def test_document_lines() -> None:
    assert split_doc_suffix("Minutes pdf icon PDF 50 KB") == ("Minutes", "pdf", 51200)
    assert split_doc_suffix("Appendix A PDF 1.5 MB")[2] == int(1.5 * 1024 * 1024)
    assert split_doc_suffix("A title") == ("A title", None, None)


def test_dates_day_first_and_times() -> None:
    assert find_date("Meeting: 07/01/2020 - Executive") == dt.date(2020, 1, 7)
    assert find_date("1/31/2019", month_first=True) == dt.date(2019, 1, 31)
    assert find_date("Date :-2011/12/14") == dt.date(2011, 12, 14)
    assert find_time("Tuesday, 27 July 2021 7.00 pm") == "19:00"
    assert find_time("10.30 am") == "10:30"


def test_tally_line_is_a_vote_not_a_clause() -> None:
    text = (
        "Agenda item\n\nLand at Mill Lane\n\nMinutes:\n\nRESOLVED:\n\n"
        "That planning permission be granted.\n\n(Voting: 7 for, 2 against, 1 abstention)\n"
    )
    item = minutes_parser.parse(text).items[0]
    assert [c.text for c in item.resolutions] == ["That planning permission be granted."]
    vote = item.votes[0]
    assert (vote.for_count, vote.against_count, vote.abstain_count) == (7, 2, 1)
    assert vote.motion == "That planning permission be granted."


def test_moved_and_seconded_in_a_sentence() -> None:
    text = (
        "Agenda item\n\nBudget\n\nMinutes:\n\n"
        "It was moved by Councillor Ann Green and seconded by Councillor Bob Grey that the budget be approved.\n\nCARRIED\n"
    )
    item = minutes_parser.parse(text).items[0]
    vote = item.votes[0]
    assert (vote.mover, vote.seconder, vote.result) == ("Councillor Ann Green", "Councillor Bob Grey", "CARRIED")
    assert [c.text for c in item.resolutions] == ["that the budget be approved."]


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Cabinet is recommended to:", "to:"),
        ("The Board is asked to note the report.", "to note the report."),
        ("It is recommended that the report be noted", "that the report be noted"),
    ],
)
def test_report_recommendation_wordings(line: str, rest: str) -> None:
    assert heading(line) == ("recommendations", rest)


def test_lead_in_then_lettered_recommendations() -> None:
    text = "Agenda item\n\nAnnual report\n\nCabinet is recommended to:\n\n(a) note the annual report; and\n\n(b) approve the action plan.\n"
    item = minutes_parser.parse(text).items[0]
    assert [(c.label, c.text) for c in item.recommendations] == [
        ("a", "note the annual report; and"),
        ("b", "approve the action plan."),
    ]


def test_issue_history_with_and_without_item_numbers() -> None:
    text = (
        "Issue - meetings\n\nBudget Monitoring\n\n"
        "Meeting: 14/01/2021 - Overview and Scrutiny Committee\n\nMinutes:\n\nRESOLVED: That the report be noted.\n\n"
        "Meeting: 02/02/2021 - Cabinet (Item 45)\n\n45 Budget Monitoring pdf icon PDF 200 KB\n\n"
        "Decision:\n\nRESOLVED: That the budget position be noted.\n"
    )
    first, second = minutes_parser.parse(text).items
    assert (first.number, first.meeting and first.meeting.body) == (None, "Overview and Scrutiny Committee")
    assert (second.number, second.title, second.meeting and second.meeting.body) == (
        "45",
        "Budget Monitoring",
        "Cabinet",
    )
    assert [c.text for c in second.resolutions] == ["That the budget position be noted."]


def test_meeting_line_on_an_agenda_item_page() -> None:
    text = "Agenda item\n\nBudget 2021/22\n\nMeeting: 03/02/2021 - Council (Item 45)\n\nMinutes:\n\nRESOLVED: That the budget be approved.\n"
    item = minutes_parser.parse(text).items[0]
    assert (item.number, item.meeting and item.meeting.body, str(item.meeting and item.meeting.date)) == (
        "45",
        "Council",
        "2021-02-03",
    )


# ---------------------------------------------------------------- agendas printed in parts
def test_roman_parts_with_lettered_business_are_items() -> None:
    text = (
        "CITY COUNCIL\n\nREGULAR MEETING AGENDA\n\nTuesday, March 4, 2025\n\n"
        "I. CALL TO ORDER\n\nII. CONSENT CALENDAR\n\n"
        "a) 25-0101 APPROVAL OF WARRANTS\n\nRecommendation: Approve the warrant register.\n\n"
        "b) 25-0102 STREET LIGHT CONTRACT\n\nRecommendation: Award the contract to Lumen Co.\n\n"
        "III. ADJOURNMENT\n"
    )
    items = minutes_parser.parse(text).items
    assert [(i.number, i.title) for i in items] == [
        ("I", "CALL TO ORDER"),
        ("II", "CONSENT CALENDAR"),
        ("II.a", "APPROVAL OF WARRANTS"),
        ("II.b", "STREET LIGHT CONTRACT"),
        ("III", "ADJOURNMENT"),
    ]
    assert [c.text for c in items[3].recommendations] == ["Award the contract to Lumen Co."]


def test_capital_letter_parts_with_numbered_business() -> None:
    text = (
        "BOARD OF COMMISSIONERS\n\nREGULAR MEETING AGENDA\n\nJanuary 27, 2026 at 10:00 AM\n\n"
        "A. Roll Call\n\nB. Public Comment\n\nC. Items for Approval\n\n"
        "1. Approval of the fleet replacement plan\n\n2. Approval of the paving contract\n\nD. Adjournment\n"
    )
    items = minutes_parser.parse(text).items
    assert [i.number for i in items] == ["A", "B", "C", "C.1", "C.2", "D"]


def test_roll_call_numbers_are_item_numbers() -> None:
    text = (
        "MINUTES\n\nCITY COUNCIL\n\nMarch 3, 2025\n\n"
        "25-0210 1. ROLL CALL: Present: Ames, Baker, Cruz.\n\n"
        "25-0211 2. APPROVING AGENDA. Moved by Baker to adopt. Motion Carried 3-0.\n\n"
        "25-0212 3. City Clerk to issue licenses. Moved by Cruz, seconded by Ames, to adopt; carried 2-1\n"
    )
    items = minutes_parser.parse(text).items
    assert [(i.number, i.title) for i in items] == [
        ("25-0210", "ROLL CALL"),
        ("25-0211", "APPROVING AGENDA"),
        ("25-0212", "City Clerk to issue licenses"),
    ]
    assert [c.text for c in items[1].resolutions] == ["to adopt."]
    vote = items[2].votes[0]
    assert (vote.mover, vote.seconder, vote.outcome, vote.for_count, vote.against_count) == ("Cruz", "Ames", "carried", 2, 1)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Invocation – Commissioner Sue Leggett", "Invocation"),
        ("Pledge of Allegiance – Vice Chairman, Wayne Outlaw", "Pledge of Allegiance"),
        ("Harbour Update- Harbour Master Ng reported that the dredging was finished in May.", "Harbour Update"),
        ("Legislative Updates – N/A", "Legislative Updates – N/A"),
        ("Monthly Report – December 2021", "Monthly Report – December 2021"),
    ],
)
def test_title_cut_before_a_presenter_or_a_minute_after_a_dash(line: str, title: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(line)[0] == title


def test_meeting_list_with_the_year_in_its_heading() -> None:
    text = (
        "Upcoming Meetings - 2026\n\n"
        "TUESDAY, JANUARY 13 – CITY COUNCIL MEETING, 7:00 PM (Council Chambers)\n\n"
        "Wednesday 21 January – Planning Committee (Committee Room 2)\n\n"
        "MONDAY, FEBRUARY 2 – PARKS BOARD, 6:30 PM\n"
    )
    doc = minutes_parser.parse(text)
    assert doc.source.page_kind == "meeting_list"
    assert [(m.body, str(m.date), m.time, m.location) for m in doc.meetings] == [
        ("CITY COUNCIL MEETING", "2026-01-13", "19:00", "Council Chambers"),
        ("Planning Committee", "2026-01-21", None, "Committee Room 2"),
        ("PARKS BOARD", "2026-02-02", "18:30", None),
    ]


@pytest.mark.parametrize(
    ("line", "mover", "for_count"),
    [("Prop. IP, 2nd GL, all in favour.", "IP", None), ("Proposed RD, seconded AK, 3 in favour, 1 abstention", "RD", 3)],
)
def test_one_line_parish_vote_records_the_decision_above(line: str, mover: str, for_count: int | None) -> None:
    text = f"Agenda item\n\nBus shelter\n\nIt was RESOLVED to repair the bus shelter.\n\n{line}\n"
    item = minutes_parser.parse(text).items[0]
    assert [c.text for c in item.resolutions] == ["to repair the bus shelter."]
    vote = item.votes[0]
    assert (vote.mover, vote.outcome, vote.for_count, vote.motion) == (mover, "carried", for_count, "to repair the bus shelter.")


FILLER = "Members discussed the matter at some length and asked officers a number of questions about the detail."


@pytest.mark.parametrize(
    ("items", "before"),
    [
        ([("1", "Apologies for Absence", "There were apologies from Mr Hale."), ("2", "Declarations of Interest", "Mrs Ward declared an interest in item 4.")], "Present: A. Hale (Chair) B. Ward and C. Lee"),
        ([("4", "Minutes", "The minutes of the meeting held on 3rd May were approved."), ("5", "Budget Monitoring", "The Treasurer presented the report.")], "In attendance: the Clerk"),
        ([("12", "Highways Update", "The County Councillor reported on the resurfacing works."), ("13", "Planning Applications", "No objections were raised to application 24/0113.")], "Present: Cllr J. Moss (Chairman), Cllr P. Reed and the Clerk"),
    ],
)
def test_flattened_page_title_runs_into_its_first_paragraph(items: list[tuple[str, str, str]], before: str) -> None:
    # Printed minutes flattened onto one line: "2. Declarations of Interest 2.1 Mrs Ward declared ..."
    body = " ".join(f"{n}. {title} {n}.1 {text} {FILLER} {n}.2 {FILLER}" for n, title, text in items)
    page = f"Minutes of the meeting of the Parish Council held on 4th June 2024 {before} {body}\n"
    doc = minutes_parser.parse(page)
    assert [(i.number, i.title) for i in doc.items] == [(n, title) for n, title, _ in items]


@pytest.mark.parametrize(
    ("line", "title", "rest"),
    [
        ("Adoption of Agenda: a) Motion to adopt the agenda as circulated.", "Adoption of Agenda", "a) Motion to adopt the agenda as circulated."),
        ("Correspondence: (1) Letter from the County Council on winter gritting.", "Correspondence", "(1) Letter from the County Council on winter gritting."),
        ("Finance: i. Payments for approval were listed.", "Finance", "i. Payments for approval were listed."),
        ("Call to Order: Mayor Hughes assumed the Chair and called the meeting to order at 7 pm.", "Call to Order", "Mayor Hughes assumed the Chair and called the meeting to order at 7 pm."),
        ("Open Forum: Two residents addressed Council about the proposed skate park on Hill Road.", "Open Forum", "Two residents addressed Council about the proposed skate park on Hill Road."),
        ("Clerk's Report: The Clerk circulated the report and highlighted the changes to the precept.", "Clerk's Report", "The Clerk circulated the report and highlighted the changes to the precept."),
    ],
)
def test_heading_colon_then_parts_or_narrative(line: str, title: str, rest: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(line) == (title, rest)


@pytest.mark.parametrize(
    "title",
    ["Revised Agenda", "Report of the Planning Officer: Appeals Lodged", "Items for Information: Correspondence Received"],
)
def test_short_capitalised_text_after_a_colon_stays_in_the_title(title: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(title) == (title, "")


@pytest.mark.parametrize(
    ("before", "first"),
    [
        ("Crawford", "Call to Order: Mayor Hughes assumed the Chair."),
        ("Cllr P. Reed", "Apologies: None were received."),
        ("the Clerk (R. Mole)", "Declarations of Interest: Cllr Reed declared an interest in item 5."),
    ],
)
def test_flattened_numbered_heading_with_a_colon_after_a_name(before: str, first: str) -> None:
    # "... Present: ... Crawford 1. Call to Order: Mayor ...": no sentence end before the number.
    page = (
        f"Minutes of the meeting of the Parish Council held on 4th June 2024 Present: Cllr J. Moss (Chairman), {before} "
        f"1. {first} {FILLER} 2. Planning: The Clerk reported three applications. {FILLER} RESOLVED that no objections "
        f"be raised. {FILLER} 3. Finance: Payments were approved. {FILLER} {FILLER}\n"
    )
    doc = minutes_parser.parse(page)
    assert [(i.number, i.title) for i in doc.items] == [("1", first.split(":")[0]), ("2", "Planning"), ("3", "Finance")]


@pytest.mark.parametrize(
    ("line", "title", "rest"),
    [
        ("Paving Improvements in Carman Estates Plat Moved by Hensley to adopt. Motion Carried 7-0.", "Paving Improvements in Carman Estates Plat", "Moved by Hensley to adopt. Motion Carried 7-0."),
        ("Douglas Avenue Intersection Improvements - P.G. Construction, Inc. Moved Hensley to adopt. Motion Carried 6-1.", "Douglas Avenue Intersection Improvements - P.G. Construction, Inc", "Moved Hensley to adopt. Motion Carried 6-1."),
        ("Purchase of two gritting vehicles MOVED by Councillor Dale to approve the purchase.", "Purchase of two gritting vehicles", "MOVED by Councillor Dale to approve the purchase."),
    ],
)
def test_title_then_the_motion_on_it(line: str, title: str, rest: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(line) == (title, rest)


@pytest.mark.parametrize("title", ["Letter from residents moved to the next meeting", "Items removed and moved to a later agenda", "Motion to rescind"])
def test_a_title_that_mentions_moving_is_not_cut(title: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(title) == (title, "")


def _letter_qualities(lead: str) -> tuple[float, float]:
    """Segmentation quality of the "A." and "B." lines of a page whose "A." follows ``lead``."""
    from minutes_parser.blocks import Block
    from minutes_parser.grammar.lexer import lex
    from minutes_parser.grammar.segment import _quality

    lines = [
        "3. Approval of Resolutions",
        lead,
        "A. RESOLUTION (2024-11) Accept the state grant for school travel programs.",
        "B. RESOLUTION (2024-12) Authorize a contract for lead hazard control.",
    ]
    lexed = lex([Block(kind="para", text=t, line=n + 1) for n, t in enumerate(lines)])
    found = {c.number: _quality(c, lexed, frozenset())[0] for c in lexed.candidates if c.number in ("A", "B")}
    return found["A"], found["B"]


@pytest.mark.parametrize("group", ["REGULAR ACTIONS OF THE BOARD:", "CONSENT CALENDAR ITEMS:", "ITEMS FOR DECISION BY THE COMMITTEE:"])
def test_a_capital_group_heading_with_a_colon_is_no_lead_in(group: str) -> None:
    a, b = _letter_qualities(group)
    assert abs(a - b) < 0.5


@pytest.mark.parametrize("lead", ["The Board considered the following resolutions:", "Members agreed the actions set out below:"])
def test_a_sentence_lead_in_marks_a_list(lead: str) -> None:
    a, b = _letter_qualities(lead)
    assert a < b - 1.0


@pytest.mark.parametrize("group", ["REGULAR ACTIONS OF THE BOARD:", "CONSENT CALENDAR ITEMS:", "ITEMS FOR DECISION BY THE COMMITTEE:"])
def test_lettered_items_under_a_capital_group_heading_with_a_colon(group: str) -> None:
    page = (
        "AGENDA\n\nRegular Meeting of the Board of Health\n\nWednesday, May 15, 2024 at 9:00 a.m.\n\n"
        "1. Call to Order.\n\n2. Roll Call.\n\n3. Approval of Resolutions:\n\n"
        f"{group}\n\n"
        "A. RESOLUTION (2024-11) Accept the state grant for school travel programs.\n\n"
        "B. RESOLUTION (2024-12) Authorize a contract for lead hazard control.\n\n"
        "C. RESOLUTION (2024-13) Renew the clinic lease for two years.\n\n"
        "4. Motion to adjourn the meeting.\n"
    )
    doc = minutes_parser.parse(page)
    titles = [i.title for i in doc.items]
    assert "RESOLUTION (2024-11) Accept the state grant for school travel programs." in titles
    assert "RESOLUTION (2024-12) Authorize a contract for lead hazard control." in titles


LONG_FILLER = " ".join(["The Clerk reported on the correspondence received since the last meeting."] * 8)


@pytest.mark.parametrize(
    ("run", "piece"),
    [
        ("1359 MINUTES OF THE LAST MEETING RESOLVED: The minutes were confirmed.", "RESOLVED: The minutes were confirmed."),
        ("12 BUDGET 2025/26 RESOLVED that the budget be approved.", "RESOLVED that the budget be approved."),
        ("7 FOOTPATH REPAIRS RESOLVED – The quote from Smith Ltd be accepted.", "RESOLVED – The quote from Smith Ltd be accepted."),
    ],
)
def test_flattened_capital_title_then_resolved(run: str, piece: str) -> None:
    from minutes_parser.grammar.lexer import split_long

    assert any(p.startswith(piece) for p in split_long(f"{LONG_FILLER} {run} {LONG_FILLER}"))


@pytest.mark.parametrize(
    "run",
    [
        "1360 MATTERS ARISING FROM THE MINUTES OF 19 JULY 2017 There were none.",
        "44 CORRECTIONS TO THE MINUTES OF THE LAST MEETING None were raised.",
        "9 ITEMS FROM the minutes of the Planning Committee were noted.",
    ],
)
def test_minutes_of_after_the_is_no_new_piece(run: str) -> None:
    from minutes_parser.grammar.lexer import split_long

    pieces = split_long(f"{LONG_FILLER} {run} {LONG_FILLER}")
    assert any(p.startswith(run.split(" ", 1)[0] + " ") and "MINUTES OF" in p.upper() for p in pieces)


@pytest.mark.parametrize(
    ("run", "head", "starts"),
    [
        ("the report of 1358 DECLARATIONS OF INTEREST Members declared none.", "1358 DECLARATIONS", True),
        ("the Chair 5 APOLOGIES FOR ABSENCE None were received.", "5 APOLOGIES", True),
        ("the meeting held on 12 DECEMBER 2024 was noted.", "12 DECEMBER", False),
        ("the minutes of 3 JULY were signed.", "3 JULY", False),
    ],
)
def test_a_number_before_capitals_starts_a_piece_unless_it_is_a_date(run: str, head: str, starts: bool) -> None:
    from minutes_parser.grammar.lexer import split_long

    pieces = split_long(f"{LONG_FILLER} {run} {LONG_FILLER}")
    assert any(p.startswith(head) for p in pieces) == starts


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("MATTERS ARISING FROM THE MINUTES OF 19 JULY 2017 There were no matters arising.", "MATTERS ARISING FROM THE MINUTES OF 19 JULY 2017"),
        ("ANNUAL MEETING OF 4 MAY 2024 The date was agreed by members.", "ANNUAL MEETING OF 4 MAY 2024"),
        ("BUDGET SETTING FOR 1 APRIL 2025 The Clerk presented the figures.", "BUDGET SETTING FOR 1 APRIL 2025"),
    ],
)
def test_a_capital_title_may_end_with_a_date(text: str, title: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(text)[0] == title


def _agenda(part: str, entries: list[str]) -> str:
    body = "\n".join(f"{e}\nRecommendation: Approve as presented." for e in entries)
    return (
        "CITY OF WILLOW CREEK\nCITY COUNCIL AGENDA\nTUESDAY, NOVEMBER 22, 2022\n7:00 PM\n\n"
        f"1. CALL TO ORDER\n2. ROLL CALL\n3. PUBLIC COMMENT\n{part}\n"
        "Matters listed here are routine and are acted upon by one motion.\n"
        f"{body}\n5. COUNCIL REPORTS\n6. ADJOURNMENT\n"
    )


@pytest.mark.parametrize(
    ("part", "entries", "numbers"),
    [
        ("4. CONSENT CALENDAR", ["A. APPROVAL OF MINUTES OF NOVEMBER 8, 2022", "B. DEMANDS AND WARRANTS OF NOVEMBER 2022", "C. TREASURER'S REPORT"], ["4.A", "4.B", "4.C"]),
        ("4. NEW BUSINESS", ["a. Award of the street sweeping contract", "b. Purchase of two patrol vehicles"], ["4.a", "4.b"]),
        ("4. CONSENT CALENDAR", ["4.A City Council Minutes – November 14, 2022", "4.B Demand List", "4.C Investment Statement – October 2022"], ["4.A", "4.B", "4.C"]),
    ],
)
def test_lettered_business_under_a_numbered_part_heading(part: str, entries: list[str], numbers: list[str]) -> None:
    doc = minutes_parser.parse(_agenda(part, entries))
    found = [i.number for i in doc.items]
    assert found == ["1", "2", "3", "4", *numbers, "5", "6"]
    assert all(len(i.recommendations) == 1 for i in doc.items if i.number in numbers)


def test_one_lettered_entry_under_a_part_heading_is_its_detail() -> None:
    doc = minutes_parser.parse(_agenda("4. MINUTES", ["A) Open Council Meeting held 2022 November 8"]))
    assert [i.number for i in doc.items] == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize(
    ("head", "time"),
    [
        ("CITY OF WILLOW CREEK\nCITY COUNCIL AGENDA\nTUESDAY, NOVEMBER 22, 2022\n7:00 PM\n", "19:00"),
        ("CITY OF WILLOW CREEK\nREGULAR MEETING OF THE CITY COUNCIL\nMonday, March 6, 2023\n6:30 p.m.\nCouncil Chambers\n", "18:30"),
        ("ASHCOMBE PARISH COUNCIL\nMINUTES\nTuesday 7th March 2023\nat 7.30pm\n", "19:30"),
    ],
)
def test_a_time_alone_under_the_date_of_a_stacked_header(head: str, time: str) -> None:
    page = head + "\n1. CALL TO ORDER\n2. ROLL CALL\n3. PUBLIC COMMENT\n4. ADJOURNMENT\n"
    assert minutes_parser.parse(page).meetings[0].time == time


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("2.7 21-024 Amendment to the Self-Service Luggage Cart Agreement", "2.7", "Amendment to the Self-Service Luggage Cart Agreement"),
        ("3. 9665 WILSHIRE BOULEVARD – Development Plan Review", "3", "9665 WILSHIRE BOULEVARD – Development Plan Review"),
        ("25. $125,000 in grant funding for the library", "25", "$125,000 in grant funding for the library"),
    ],
)
def test_item_lines_with_a_file_number_an_address_or_an_amount(line: str, number: str, title: str) -> None:
    from minutes_parser.grammar.wording import NUMBERING

    found = NUMBERING.first(line)
    assert found is not None and found[1]["number"] == number and found[1]["title"] == title


@pytest.mark.parametrize(
    ("line", "title", "rest"),
    [
        ("Election of Chairman It was proposed and seconded that Cllr Lee should remain as Chairman.", "Election of Chairman", "It was proposed and seconded that Cllr Lee should remain as Chairman."),
        ("Planning Applications The Clerk reported three applications had been received.", "Planning Applications", "The Clerk reported three applications had been received."),
        ("Highways Members noted the resurfacing of Church Lane.", "Highways", "Members noted the resurfacing of Church Lane."),
    ],
)
def test_title_case_title_running_into_its_minute(line: str, title: str, rest: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(line) == (title, rest)


@pytest.mark.parametrize(
    "line",
    ["Friends of The Park Members were pleased with the work done.", "Report of the Clerk", "Annual Report of The Trust was received by the council today"],
)
def test_title_case_lines_that_are_no_run_in(line: str) -> None:
    from minutes_parser.grammar.lexer import split_title

    assert split_title(line) == (line, "")


def test_a_sentence_opening_with_a_subject_is_not_a_run_in_title() -> None:
    from minutes_parser.grammar.lexer import split_title

    line = "The County Councillor reported on the resurfacing works."
    assert split_title(line)[0] != "The County"


REGISTER = """MINUTES
TOWNSHIP OF LAKEVIEW
Tuesday, December 4, 2018
A regular meeting of the Township of Lakeview Council was held on Tuesday, December 4, 2018.
Present: Mayor Tom Reed, Councillors Ann Lowe, Tim Marsh and James Hart.
Disclosure of pecuniary interest: None.
R2018-200 J. Hart, A. Lowe: THAT we pass By-Law Number 2018-41, being a By-law to appoint a Deputy Mayor.
Read a first, second and third time and passed this 4th day of December, 2018. Carried.
R2018-201 J. Hart, A. Lowe: That the minutes of the meeting held November 20, 2018 be adopted as published. Carried.
R2018-202 T. Marsh/A. Lowe: That the request for a fee waiver be granted. Defeated.
R2018-203 T. Marsh, A. Lowe: That this meeting adjourn at 8:15 p.m. Carried.
"""


def test_a_register_of_numbered_resolutions_with_their_movers() -> None:
    # Ontario township minutes: each line a resolution, its number, mover and seconder, motion and result.
    doc = minutes_parser.parse(REGISTER)
    assert [i.number for i in doc.items] == ["R2018-200", "R2018-201", "R2018-202", "R2018-203"]
    assert [(v.mover, v.seconder, v.outcome) for i in doc.items for v in i.votes] == [
        ("J. Hart", "A. Lowe", "carried"),
        ("J. Hart", "A. Lowe", "carried"),
        ("T. Marsh", "A. Lowe", "lost"),
        ("T. Marsh", "A. Lowe", "carried"),
    ]
    assert [r.text for r in doc.items[1].resolutions] == ["That the minutes of the meeting held November 20, 2018 be adopted as published."]
    assert doc.items[2].resolutions == ()  # a defeated motion is no resolution


@pytest.mark.parametrize(
    ("moved", "seconded", "resolved", "mover", "seconder"),
    [
        ("Proposed by Councillor Keary;", "Seconded by Councillor Collins (M);", "And Resolved:", "Councillor Keary", "Councillor Collins (M)"),
        ("Moved by Cr Smith", "Seconded by Cr Jones", "RESOLVED", "Cr Smith", "Cr Jones"),
        ("Proposed by Cllr Hale", "Seconded by Cllr Shaw", "AND AGREED", "Cllr Hale", "Cllr Shaw"),
    ],
)
def test_movers_then_the_decision_make_one_carried_vote(moved: str, seconded: str, resolved: str, mover: str, seconder: str) -> None:
    page = (
        "Minutes of the meeting of Ashford Parish Council held on 13th May 2025\n\n"
        "Present: Councillors Collins, Hale, Keary and Ward.\n\n1. Adoption of Minutes\n\n"
        f"{moved}\n\n{seconded}\n\n{resolved}\n\nThat the draft minutes be adopted and signed.\n\n"
        "2. Correspondence\n\nA letter was noted.\n"
    )
    item = minutes_parser.parse(page).items[0]
    assert [(v.mover, v.seconder, v.outcome) for v in item.votes] == [(mover, seconder, "carried")]
    assert [r.text for r in item.resolutions] == ["That the draft minutes be adopted and signed."]


def _taken_out_of_order(form: str) -> str:
    body = "The item was discussed by members at some length."
    titles = {1: "Apologies", 2: "Minutes", 3: "Finance", 4: "Highways", 5: "Planning", 6: "Correspondence", 7: "Allotments", 8: "Notice of Motion on Speed Limits", 9: "Close"}
    order = [1, 2, 3, 4, 8, 5, 6, 7, 9]
    page = "Minutes of the meeting of Ashford Parish Council held on 13th May 2025\n\nPresent: Councillors Collins, Hale and Ward.\n\n"
    for n in order:
        lead = "It was agreed that item 8 would be taken next.\n\n" if n == 8 else ""
        page += lead + form.format(n=n, title=titles[n]) + f"\n\n{body}\n\n"
    return page


@pytest.mark.parametrize("form", ["{n}.\n\n{title}", "{n}. {title}", "{n} {title}"], ids=["number-alone", "number-title", "number-space-title"])
def test_an_item_taken_out_of_order_is_an_item(form: str) -> None:
    doc = minutes_parser.parse(_taken_out_of_order(form))
    assert [i.number for i in doc.items] == ["1", "2", "3", "4", "8", "5", "6", "7", "9"]


def test_a_numbered_paragraph_is_not_taken_for_a_missing_item() -> None:
    page = _taken_out_of_order("{n}. {title}").replace(
        "8. Notice of Motion on Speed Limits\n\nThe item was discussed by members at some length.",
        "8. The Clerk reported that the grant had been received and would be spent on the play area.",
    )
    assert "8" not in [i.number for i in minutes_parser.parse(page).items]


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        ("ADVISORY BOARD ON\nALCOHOL AND DRUG PROGRAMS", "ADVISORY BOARD ON ALCOHOL AND DRUG PROGRAMS"),
        ("CITY COUNCIL AND\nHOUSING AUTHORITY", "CITY COUNCIL AND HOUSING AUTHORITY"),
        ("WILLOW CREEK CITY COUNCIL\nAND SUCCESSOR AGENCY", "WILLOW CREEK CITY COUNCIL AND SUCCESSOR AGENCY"),
    ],
)
def test_a_body_wrapped_over_two_lines_of_a_title_block(lines: str, body: str) -> None:
    page = f"AGENDA\n{lines}\nThursday, August 27, 2020 4:30 PM\n\n1. CALL TO ORDER\n2. ROLL CALL\n3. PUBLIC COMMENT\n4. ADJOURNMENT\n"
    assert minutes_parser.parse(page).meetings[0].body == body


def _parts_agenda(form: str) -> str:
    entry = lambda n, title: form.format(n=n, title=title)  # noqa: E731
    return "\n".join(
        [
            "CITY OF WILLOW CREEK", "CITY COUNCIL AGENDA", "WEDNESDAY, DECEMBER 14, 2022 6:30 PM", "",
            "CALL TO ORDER:", "ROLL CALL:", "PUBLIC HEARINGS:",
            entry(1, "ADOPTION OF THE 2022 BUILDING CODES"), "City Council to hold a public hearing and adopt the ordinance.",
            "CONSENT CALENDAR:",
            entry(1, "APPROVAL OF WARRANTS"), "City Council to approve the warrants.",
            entry(2, "TREASURER'S REPORT"), "City Council to receive and file.",
            "GENERAL BUSINESS:",
            entry(1, "ASSEMBLY BILL 361 FINDINGS"), "City Council to adopt the findings.",
            entry(2, "ARTERIAL SYSTEM FINANCING PROGRAM ANNUAL REVIEW"), "City Council to receive and file the review.",
            "ADJOURNMENT:", "",
        ]
    )


@pytest.mark.parametrize("form", ["{n}. {title}", "{n}) {title}", "{n} {title}"])
def test_numbers_starting_again_under_each_part(form: str) -> None:
    doc = minutes_parser.parse(_parts_agenda(form))
    assert [(i.number, i.title) for i in doc.items] == [
        ("1", "ADOPTION OF THE 2022 BUILDING CODES"),
        ("1", "APPROVAL OF WARRANTS"),
        ("2", "TREASURER'S REPORT"),
        ("1", "ASSEMBLY BILL 361 FINDINGS"),
        ("2", "ARTERIAL SYSTEM FINANCING PROGRAM ANNUAL REVIEW"),
    ]


def test_clauses_under_a_capital_heading_inside_an_item_stay_clauses() -> None:
    page = (
        "Minutes of the meeting of the Planning Committee held on 3 May 2024\n\nPresent: Councillors Hale, Ward and Lee.\n\n"
        "1. Apologies\n\nNone were received.\n\n2. Land at Mill Lane\n\nThe Committee considered the report.\n\n"
        "RECOMMENDATIONS:\n\n1. That the application be approved.\n\n2. That the conditions be as set out in the report.\n\n"
        "3. Appeals\n\nThe list of appeals was noted.\n\n4. Close\n\nThe meeting closed at 8pm.\n"
    )
    assert [i.number for i in minutes_parser.parse(page).items] == ["1", "2", "3", "4"]


_TITLE_BLOCK_ITEMS = "\n\n1. CALL TO ORDER\n2. ROLL CALL\n3. PUBLIC COMMENT\n4. ADJOURNMENT\n"


@pytest.mark.parametrize(
    ("block", "body"),
    [
        # the roster of members, each with a role, between the body and the date
        (
            "Regular Meeting Agenda\nCity Council\nAnna Reyes - Mayor\nTom Okafor - Mayor Pro Tem\nLi Chen - Council Member\n"
            "Sam Ward - Council Member\nWednesday, March 3, 2021 7:00 p.m.",
            "City Council",
        ),
        # the roster with the role first
        ("AGENDA\nPLANNING COMMISSION\nChairman Ruth Ellis\nCommissioner Dev Patel\nCommissioner Joan Hart\nMay 4, 2022", "PLANNING COMMISSION"),
        # the venue's three lines between the body and the date
        ("AGENDA\nHARBOUR ADVISORY BOARD\nCouncil Chambers\n101 Main Street\nRiverton, California 90210\nNOVEMBER 10, 2022", "HARBOUR ADVISORY BOARD"),
    ],
    ids=["roster-role-after", "roster-role-first", "venue-lines"],
)
def test_a_title_block_body_above_its_roster_or_venue(block: str, body: str) -> None:
    assert minutes_parser.parse(block + _TITLE_BLOCK_ITEMS).meetings[0].body == body


@pytest.mark.parametrize(
    "body",
    ["RIVERTON LIBRARY COMMISSION", "Village Hall Management Committee", "Unified School Board"],
)
def test_a_body_whose_name_holds_a_place_word_is_a_body(body: str) -> None:
    page = f"AGENDA\n{body}\nThursday, September 3, 2020\n5:00 p.m.\nMain Library, 12 Elm Street" + _TITLE_BLOCK_ITEMS
    assert minutes_parser.parse(page).meetings[0].body == body


@pytest.mark.parametrize("kind", ["Virtual Meeting", "HYBRID MEETING", "Zoom Meeting"])
def test_how_a_meeting_is_held_is_not_its_body(kind: str) -> None:
    page = f"AGENDA\nTuesday, January 12, 2021 6:00 p.m.\n{kind}" + _TITLE_BLOCK_ITEMS
    assert minutes_parser.parse(page).meetings[0].body is None


@pytest.mark.parametrize(
    "second",
    [
        "In response to the provincial orders, the meeting was held at the Community Centre and streamed online.",
        "In line with the guidance, members attended in person at the Village Hall.",
        "At the request of the Chair, the public gallery in Room 3 was opened.",
    ],
)
def test_a_meeting_sentence_ends_at_its_full_stop(second: str) -> None:
    page = (
        f"MINUTES\n\nA regular meeting of the Riverton Township Council was held on Tuesday, 16 November 2021. {second}\n\n"
        "1. Call to Order\n\nThe Mayor called the meeting to order.\n\n2. Adjournment\n\nThe meeting closed at 8pm.\n"
    )
    meeting = minutes_parser.parse(page).meetings[0]
    assert meeting.body == "Riverton Township Council"
    assert meeting.location is None or not meeting.location.lower().startswith(("response", "line", "the request"))


@pytest.mark.parametrize(
    "below",
    [
        "Written comments may be sent to the City Clerk's Office by noon.",
        "Please contact the Town Hall reception to request a copy.",
        "Members of the public will be admitted to the Council Chamber gallery.",
    ],
)
def test_a_sentence_about_a_place_below_the_date_is_not_the_venue(below: str) -> None:
    page = f"AGENDA\nRegular Meeting of the City Council\nCity Council Chambers\n31 Oak Street\nWEDNESDAY, DECEMBER 14, 2022 6:30 p.m.\n{below}" + _TITLE_BLOCK_ITEMS
    assert minutes_parser.parse(page).meetings[0].location == "City Council Chambers, 31 Oak Street"


@pytest.mark.parametrize(
    "lines",
    ["Council Chamber, 12th Floor,\nCity Administration Building,", "Main Hall,\nCivic Centre,", "Room 4,\nCounty Offices,"],
)
def test_venue_lines_ending_with_commas_join_with_one(lines: str) -> None:
    page = f"AGENDA\nPLANNING COMMISSION\nSeptember 29, 2022 at 9:00 A.M.\n{lines}\n202 C Street" + _TITLE_BLOCK_ITEMS
    location = minutes_parser.parse(page).meetings[0].location
    assert location is not None and ",," not in location and location.endswith("202 C Street")


@pytest.mark.parametrize("heading", ["PLANNING COMMISSIONERS", "Committee Members:", "BOARD MEMBERS"])
def test_a_roster_heading_is_not_the_body(heading: str) -> None:
    page = (
        f"PLANNING COMMISSION AGENDA\nSeptember 29, 2022 at 9:00 A.M.\nCouncil Chamber\n{heading}\n"
        "\u2022 William Hale \u2013 Chair \u2022 Kelly Moore - Vice-Chair\n\u2022 Dennis Ota \u2022 Ted Mills" + _TITLE_BLOCK_ITEMS
    )
    assert minutes_parser.parse(page).meetings[0].body == "PLANNING COMMISSION"


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("PROCEEDINGS AT MEETING OF RIVERTON CITY AND COUNTY COUNCIL", "RIVERTON CITY AND COUNTY COUNCIL"),
        ("Proceedings of the Monthly Meeting of the Northvale Area Committee", "Northvale Area Committee"),
        ("Summary of the Regular Meeting of the Westbrook Town Council", "Westbrook Town Council"),
    ],
)
def test_the_document_kind_before_a_body_is_not_part_of_it(heading: str, body: str) -> None:
    page = f"{heading}\nTuesday, 13 May 2025 at 9.30 a.m.\n\n1. Adoption of Minutes\n\nThe minutes were adopted.\n\n2. Correspondence\n\nNoted.\n"
    assert minutes_parser.parse(page).meetings[0].body == body


def _stacked_agenda(first: str, second: str) -> str:
    return (
        "CITY COUNCIL AGENDA\nTuesday, January 10, 2023 6:00 PM\n\nI. CALL TO ORDER\n\nII. CONSENT CALENDAR\n\n"
        "a) 23-0033 WAIVE READING IN FULL OF ALL ORDINANCES\n(City Clerk Jane Roe)\n"
        "Recommendation: Staff recommends City Council waive reading in full.\n\n"
        f"{first}\n{second}\n"
        "Recommendation: Staff recommends City Council approve the item.\n\nIII. ADJOURNMENT\n"
    )


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        ("b) REPORT CITY COUNCIL MEETING MINUTES", "23-0021 (City Clerk Jane Roe)", "CITY COUNCIL MEETING MINUTES"),
        ("b) REPORT AWARD OF PROFESSIONAL SERVICES AGREEMENTS FOR", "23-0002 ON-CALL PLAN CHECKING SERVICES", "AWARD OF PROFESSIONAL SERVICES AGREEMENTS FOR ON-CALL PLAN CHECKING SERVICES"),
        ("b) ORDINANCE AMENDING THE MUNICIPAL CODE", "2022-0417 RELATING TO TEMPORARY SIGNS", "AMENDING THE MUNICIPAL CODE RELATING TO TEMPORARY SIGNS"),
        ("b) RESOLUTION OF NECESSITY FOR THE HALE AVENUE EXTENSION", "(Public Works Director Sam Lee)", "RESOLUTION OF NECESSITY FOR THE HALE AVENUE EXTENSION"),
    ],
    ids=["type-over-number", "title-wrapped-beside-number", "year-file-number", "no-file-number"],
)
def test_a_matter_type_stacked_over_its_file_number(first: str, second: str, title: str) -> None:
    doc = minutes_parser.parse(_stacked_agenda(first, second))
    assert [i.title for i in doc.items if i.number and i.number.endswith(".b")] == [title]


@pytest.mark.parametrize(
    ("sub", "steps"),
    [
        ("a) WRITTEN COMMUNICATION", ["1. IN PERSON - Council Chambers", "2. ZOOM - join online", "3. PHONE - call the toll free line"]),
        ("A. ORAL COMMUNICATIONS", ["1) In person at the podium", "2) By video conference", "3) By telephone"]),
        ("(a) PUBLIC COMMENT CARDS", ["1. Complete a speaker card", "2. Hand it to the Clerk", "3. Wait to be called"]),
    ],
)
def test_instructions_after_a_sub_items_recommendation_do_not_hide_it(sub: str, steps: list[str]) -> None:
    page = "\n".join(
        [
            "CITY COUNCIL AGENDA", "Tuesday, January 10, 2023 6:00 PM", "", "I. CALL TO ORDER", "",
            "II. PUBLIC PARTICIPATION", "", sub, "Recommendation: Staff recommends City Council receive and file the communication.", "",
            "The public may address the Council as follows:", *steps, "", "III. ADJOURNMENT", "",
        ]
    )
    titles = [i.title for i in minutes_parser.parse(page).items]
    assert sub.split(None, 1)[1] in titles


@pytest.mark.parametrize(
    ("first", "second", "main"),
    [
        ("5:00 PM - CLOSED SESSION", "6:00 PM - OPEN SESSION", ["I. CALL TO ORDER", "II. PLEDGE OF ALLEGIANCE", "III. ADJOURNMENT"]),
        ("CLOSED SESSION AGENDA", "REGULAR SESSION - 7:00 PM", ["1. CALL TO ORDER", "2. PUBLIC HEARINGS", "3. ADJOURNMENT"]),
        ("Closed Session - 5:30 p.m.", "Open Session - 7 p.m.", ["A. CALL TO ORDER", "B. CONSENT CALENDAR", "C. ADJOURNMENT"]),
    ],
)
def test_the_business_of_an_earlier_session_is_items(first: str, second: str, main: list[str]) -> None:
    page = "\n".join(
        [
            "CITY COUNCIL AGENDA", "Tuesday, January 10, 2023", "", first, "CALL TO ORDER", "The Mayor will call the meeting to order.",
            "ROLL CALL", "The Clerk will call the roll.",
            "PUBLIC COMMENTS ON CONFIDENTIAL MATTERS", "Members of the public may address the Council on closed session items.",
            "RECESS TO CLOSED SESSION (The Council will reconvene in open session at the end)", "", second, *main, "",
        ]
    )
    titles = [i.title for i in minutes_parser.parse(page).items]
    assert titles[:4] == ["CALL TO ORDER", "ROLL CALL", "PUBLIC COMMENTS ON CONFIDENTIAL MATTERS", "RECESS TO CLOSED SESSION (The Council will reconvene in open session at the end)"]
    assert len(titles) == 4 + len(main)


def test_session_times_in_a_title_block_are_not_sessions_with_business() -> None:
    page = "\n".join(
        [
            "AGENDA", "A REGULAR MEETING OF THE RIVERTON CITY COUNCIL", "5:30 p.m. Closed Session", "7:00 p.m. Regular Business",
            "December 12, 2022", "The City complies with the Americans with Disabilities Act and will make reasonable arrangements.",
            "Materials related to any items on this agenda are available for public inspection at City Hall.",
            "PUBLIC COMMENT PROCESS", "Each member of the public may speak for a total of five minutes on any action item.",
            "NOTICE", "If you challenge any action of the City Council in court, you may be limited to raising those issues.",
            "CLOSED SESSION", "1. CALL MEETING TO ORDER", "2. ROLL CALL", "3. PUBLIC COMMENTS", "4. ADJOURNMENT", "",
        ]
    )
    assert [i.number for i in minutes_parser.parse(page).items] == ["1", "2", "3", "4"]


@pytest.mark.parametrize("stray", ["99. YouTube Live Streaming Channel: Click here.", "12. Press the star key to be heard.", "7. Cable channel listings follow."])
def test_numbers_start_again_under_a_part_only_after_a_run_from_one(stray: str) -> None:
    page = "\n".join(
        [
            "PARKS AND RECREATION BOARD AGENDA", "NOVEMBER 10, 2022 6:00 P.M.", "Meeting broadcast: Local Cable: Spectrum Channel 6 or Uverse Channel",
            stray, "BOARD COMMENTS (including reports on liaison assignments):", "NEW BUSINESS",
            "1. Golf Course Annual Report", "The Board will receive a report.", "2. Tennis Center Annual Report", "The Board will receive a report.",
            "3. Park Patrol Report", "The Board will receive a report.", "",
        ]
    )
    assert [i.number for i in minutes_parser.parse(page).items] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("parent", "letters"),
    [
        ("7. Resolution Ordering Construction of the following:", ("(A)", "(B)")),
        ("7. Approving Private Construction Contracts for the following:", ("A.", "B.")),
        ("7. Communications from the following, submitting resignations:", ("a)", "b)")),
    ],
)
def test_an_entry_without_a_roll_call_number_that_introduces_lettered_ones_is_an_item(parent: str, letters: tuple[str, str]) -> None:
    page = "\n".join(
        [
            "SUMMARY OF RIVERTON CITY COUNCIL MEETING", "MONDAY, MAY 9, 2005 4:30 P.M.", "",
            "Present: Mayor Hale, Council Members Ames, Brook, Cole, Dunn, Ellis and Ford.", "",
            "05-1105 5. Approving the consent agenda. Moved by Ames to adopt. Motion Carried 7-0.",
            "05-1106 6. City Clerk to issue cigarette permits. Moved by Ames to adopt. Motion Carried 7-0.",
            parent,
            f"05-1107 {letters[0]} Main Street Bridge Rehabilitation - Receiving of Bids. Moved by Ames to adopt. Motion Carried 7-0.",
            f"05-1108 {letters[1]} Elm Street Resurfacing - Receiving of Bids. Moved by Ames to adopt. Motion Carried 7-0.",
            "05-1109 8. Approving claims. Moved by Ames to adopt. Motion Carried 7-0.", "",
        ]
    )
    items = minutes_parser.parse(page).items
    assert [i.number for i in items] == ["05-1105", "05-1106", None, "05-1107", "05-1108", "05-1109"]
    assert items[2].title == parent.split(" ", 1)[1].rstrip(":")


@pytest.mark.parametrize(
    ("before", "last", "steps"),
    [
        (["J. CALL TO ORDER", "K. PUBLIC HEARINGS"], "L. ADJOURNMENT TO NOVEMBER 23, 2022",
         ["1. To watch the meeting only, use the live stream.", "2. Familiarize yourself with the video application.", "3. Join the meeting before it starts."]),
        (["IX. CALL TO ORDER", "X. PUBLIC HEARINGS"], "XI. ADJOURN", ["a) Speakers must state their names.", "b) Comments are limited to three minutes.", "c) Signs are not permitted."]),
        (["I. CALL TO ORDER", "II. PUBLIC HEARINGS"], "III. CLOSE OF MEETING", ["A. Dial the number shown on the screen.", "B. Enter the meeting code.", "C. Press star nine to speak."]),
    ],
)
def test_numbered_lists_after_the_adjournment_are_not_its_business(before: list[str], last: str, steps: list[str]) -> None:
    page = "\n".join(
        ["PLANNING COMMISSION AGENDA", "Wednesday, November 9, 2022 6:00 PM", "", *before, "", last, "", "PARTICIPATION OPTIONS", *steps, ""]
    )
    items = minutes_parser.parse(page).items
    assert [i.title for i in items][-1] == last.split(" ", 1)[1]
    assert all("." not in (i.number or "") for i in items)


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        ("Tuesday, January 26, 2021 7:00 PM Remote Meeting: live web stream | Cable Channel 15 | video call details are listed below", "2021-01-26", "19:00"),
        ("Monday, 3 May 2021 at 6.30pm Remote meeting held on video conference, streamed on the Council's channel for members of the public", "2021-05-03", "18:30"),
        ("Wednesday March 9, 2022 5:30 p.m. Council Chambers and online through the Town website, with public comment by telephone as listed", "2022-03-09", "17:30"),
    ],
)
def test_a_dateline_with_more_after_its_time(line: str, date: str, time: str) -> None:
    page = f"Notice and Agenda\nCity Council\n{line}\n\n1. CALL TO ORDER\n2. ROLL CALL\n3. PUBLIC COMMENT\n4. ADJOURNMENT\n"
    meeting = minutes_parser.parse(page).meetings[0]
    assert (str(meeting.date), meeting.time) == (date, time)


@pytest.mark.parametrize("post", ["Meetings Administrator.", "Committee Clerk", "Board Secretary"])
def test_an_officers_post_under_a_signature_is_not_the_body(post: str) -> None:
    page = f"Yours faithfully,\nJane Doyle,\n{post}\nAGENDA\nMonday, 26 May 2025 at 3pm\n\n1. Minutes\n2. Correspondence\n3. Any Other Business\n"
    assert minutes_parser.parse(page).meetings[0].body is None


@pytest.mark.parametrize("form", ["{p}{n}. {title}", "{p}{n} {title}", "{p}{n}: {title}"])
def test_codes_numbered_within_lettered_parts(form: str) -> None:
    entry = lambda p, n, title: form.format(p=p, n=n, title=title)  # noqa: E731
    page = "\n".join(
        [
            "CITY COUNCIL AGENDA", "Tuesday, January 12, 2021 5:00 p.m.", "",
            "A. Call To Order", "B. Roll Call", "C. Consent Calendar",
            entry("C", 1, "Accept the City Council meeting minutes for December 8, 2020"),
            entry("C", 2, "Adopt a resolution approving the annual audit"),
            entry("C", 3, "Authorize the City Manager to sign a lease for the library annex"),
            "D. Public Hearing", entry("D", 1, "Consider the final approvals for the community campus project"),
            "E. Regular Business", entry("E", 1, "Amend the budget for the current fiscal year"),
            entry("E", 2, "Provide direction on the annual priority setting process"),
            "F. Adjournment", "",
        ]
    )
    numbers = [i.number for i in minutes_parser.parse(page).items]
    assert numbers == ["A", "B", "C", "C1", "C2", "C3", "D", "D1", "E", "E1", "E2", "F"]


def _wrapped_codes(word: str, first: int, names: list[str]) -> tuple[str, list[str]]:
    """An ordinance title adopting codes, each cited as "(WORD n COUNTY ... CODE)", wrapped so that
    every line after the first opens with the number of the citation the previous line opened."""
    lines = [f"{first + k} COUNTY {name} CODE), THE STATE {names[k + 1]} CODE ({word}" for k, name in enumerate(names[:-1])]
    lines.append(f"{first + len(names) - 1} COUNTY {names[-1]} CODE)")
    return f"ADOPTING BY REFERENCE THE STATE {names[0]} CODE ({word}", lines


_CODES = ["BUILDING", "ELECTRICAL", "PLUMBING", "MECHANICAL", "RESIDENTIAL", "GREEN BUILDING", "FIRE"]


@pytest.mark.parametrize(
    ("cut", "rest"),
    [
        _wrapped_codes("TITLE", 26, _CODES),
        _wrapped_codes("CHAPTER", 14, _CODES),
        _wrapped_codes("DIVISION", 40, _CODES[:5]),
    ],
    ids=["title", "chapter", "division"],
)
def test_a_number_after_a_bracket_left_open_is_not_an_item(cut: str, rest: list[str]) -> None:
    page = "\n".join(
        [
            "CITY COUNCIL AGENDA", "Tuesday, November 8, 2022 7:00 PM", "", "1. PUBLIC COMMENT", "2. CONSENT CALENDAR",
            "A. Approval of the warrant register", "Recommendation: Approve the register.",
            f"B. Consideration of an ordinance {cut}", *rest, "Recommendation: Adopt the ordinance.", "",
            "3. MATTERS FROM CITY MANAGER", "4. MATTERS FROM CITY COUNCIL", "5. ADJOURNMENT", "",
        ]
    )
    numbers = [i.number for i in minutes_parser.parse(page).items]
    assert numbers == ["1", "2", "2.A", "2.B", "3", "4", "5"]


@pytest.mark.parametrize(
    "guide",
    [
        ["1. State your name and address.", "2. Organization you represent, if any."],
        ["1. Turn off your mobile phone.", "2. Wait until you are called by the Chair."],
        ["1. Fill in your speaker card.", "2. Hand your card to the Clerk before the item."],
    ],
)
def test_instructions_to_the_reader_are_not_items(guide: list[str]) -> None:
    page = "\n".join(
        [
            "PLANNING COMMISSION REGULAR MEETING", "AGENDA", "Thursday, November 10, 2022", "1:30 p.m.", "",
            "GUIDE FOR PERSONS INTENDING TO SPEAK", *guide, "", "CONSENT CALENDAR",
            "1. CONSIDERATION OF MINUTES - Minutes of the meeting of October 27, 2022.",
            "2. RESOLUTION OF THE PLANNING COMMISSION CONTINUING TO AUTHORIZE MEETINGS BY TELECONFERENCE PURSUANT TO "
            "GOVERNMENT CODE SECTION 54953(e) AND MAKING FINDINGS REGARDING THE SAME - The resolution keeps virtual meetings in place.",
            "3. 125 MAIN STREET Conditional Use Permit", "4. Current Planning Projects List", "",
        ]
    )
    titles = [i.title for i in minutes_parser.parse(page).items]
    assert titles[0] == "CONSIDERATION OF MINUTES" and len(titles) == 4
    assert titles[1].endswith("MAKING FINDINGS REGARDING THE SAME")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("H. RESOLUTION (2024-12) Renew contract with Riverton Mutual Insurance Company for", "life insurance coverage from April 1, 2024 through March 31, 2026"),
        ("H. Approval of the lease of the former library building to the Riverton Arts Trust and", "the grant of a licence for the car park"),
        ("H. Award of the contract for the resurfacing of Mill Lane to", "a local contractor at a cost not exceeding $250,000"),
    ],
)
def test_a_title_cut_after_a_connective_runs_on(first: str, second: str) -> None:
    page = "\n".join(
        [
            "BOARD OF HEALTH AGENDA", "Wednesday, March 27, 2024 9:00 AM", "", "F. RESOLUTION (2024-10) Contract for school health services",
            "G. RESOLUTION (2024-11) Contract for laboratory testing", first, second, "I. ADJOURNMENT", "",
        ]
    )
    titles = [i.title for i in minutes_parser.parse(page).items]
    assert f"{first[3:]} {second}" in titles


_SHORT_MINUTES = "\n\n1. Apologies\n\nNone were received.\n\n2. Close\n\nThe meeting closed at 9pm.\n"


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        ("A meeting of the Parish Council was held on Monday 15 April 2024 at the Village Hall. Councillor Hale was in the chair.", "Village Hall"),
        ("A meeting of the Town Council was held in the Guildhall, Westbury on 3 May 2024. The Mayor presided.", "Guildhall, Westbury"),
        ("A meeting of the Parish Council was held at the Town Hall on Fri. March 8, 2024 at 7pm.", "Town Hall"),
    ],
)
def test_a_venue_ends_with_its_sentence_not_before(sentence: str, location: str) -> None:
    assert minutes_parser.parse("MINUTES\n\n" + sentence + _SHORT_MINUTES).meetings[0].location == location


@pytest.mark.parametrize("cut", ["12 Main St.", "Committee Room No.", "the Hall, Dr."])
def test_an_abbreviation_does_not_end_a_meeting_sentence(cut: str) -> None:
    page = f"MINUTES\n\nMinutes of the Planning Committee held at {cut}\n4, Springfield, on Monday, 4 March 2024 at 7 p.m.\n" + _SHORT_MINUTES
    meeting = minutes_parser.parse(page).meetings[0]
    assert (str(meeting.date), meeting.time) == ("2024-03-04", "19:00")


@pytest.mark.parametrize("body", ["LARCH COUNTY COMMISSIONERS", "ELM VILLAGE TRUSTEES", "BOARD OF ADVISORS"])
def test_bodies_named_for_their_members_are_bodies(body: str) -> None:
    page = f"AGENDA\n{body}\nMonday, March 4, 2024 7:00 p.m.\n\n1. CALL TO ORDER\n2. ROLL CALL\n3. PUBLIC COMMENT\n4. ADJOURNMENT\n"
    assert minutes_parser.parse(page).meetings[0].body == body


def test_entries_that_carry_their_own_file_numbers_are_not_stacked() -> None:
    page = (
        "SUMMARY OF THE RIVERTON CITY COUNCIL MEETING\nMonday, March 4, 2024 7:00 p.m.\n\nPresent: Council Members Ames, Brook and Cole.\n\n"
        "24-0101 RESOLUTION APPROVING THE ANNUAL BUDGET\n24-0102 ORDINANCE AMENDING THE ZONING CODE\n24-0103 REPORT ON STREET LIGHTING\n"
    )
    titles = [i.title for i in minutes_parser.parse(page).items]
    assert titles == ["RESOLUTION APPROVING THE ANNUAL BUDGET", "ORDINANCE AMENDING THE ZONING CODE", "REPORT ON STREET LIGHTING"]


def test_a_meeting_closed_to_the_public_keeps_its_business() -> None:
    page = (
        "CITY COUNCIL AGENDA\nTuesday, January 10, 2023 6:00 PM\n\n1. CALL TO ORDER\n2. MEETING CLOSED TO THE PUBLIC:\n"
        "a. Conference with legal counsel on existing litigation\nb. Conference with labor negotiators\n3. ADJOURNMENT\n"
    )
    assert [i.number for i in minutes_parser.parse(page).items] == ["1", "2", "2.a", "2.b", "3"]


@pytest.mark.parametrize(
    ("venue", "kind"),
    [
        (["City Hall", "12 Valley Drive", "Riverton, CA 90254"], "Regular Meeting Agenda"),
        (["Council Chamber", "Civic Centre, London Road"], "AGENDA"),
        (["Town Hall", "4 Market Square"], "Notice and Agenda"),
    ],
)
def test_a_venue_above_the_page_kind_line_and_the_date(venue: list[str], kind: str) -> None:
    page = "\n".join(["City of Riverton", *venue, kind, "Tuesday, January 10, 2023", "5:00 PM", "City Council", "", "1. CALL TO ORDER", "2. ROLL CALL", "3. PUBLIC COMMENT", "4. ADJOURNMENT", ""])
    assert minutes_parser.parse(page).meetings[0].location == ", ".join(venue)
