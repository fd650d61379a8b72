"""Page furniture and page kinds: what a page says about itself rather than its meeting.

``NOISE`` rules recognise lines that carry no content: page numbers, table
rules, and the wording of web-page controls (skip links, "back to top",
"Loading ..."), which are the same on every site. ``PAGE_KIND`` rules recognise
a header naming what the page is ("Agenda item", "Decision details",
"Minutes of ...").
"""

from __future__ import annotations

import re

from ..ruler import Rule, Ruler

_I = re.IGNORECASE

NOISE = Ruler(
    "noise",
    [
        Rule(
            "page-number",
            """A page number or page count printed on its own: "Page 3 of 4", "- 3 -", "3 of 12",
            "Page 17", "You are on page 1 of 2".""",
            re.compile(
                r"^(?:(?:you\s+are\s+on\s+)?page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s+of\s+\d{1,4})\s*$", _I
            ),
            examples=("Page 3 of 4", "- 3 -", "3 of 12", "Page 17", "You are on page 1of 2"),
            counter=("Page 3 of the report sets out the options",),
        ),
        Rule(
            "table-rule",
            """Table borders and cell separators left by a flattened table: "|", "---|---|", "||||".""",
            re.compile(r"^[|:\-\u2013\u2014\s_=]{1,400}$"),
            examples=("|", "---|---|---", "||||||", "______"),
            counter=("- Councillor Baker",),
            accept=lambda m, text: {} if ("|" in text or len(text.strip()) >= 3) else None,
        ),
        Rule(
            "list-header",
            """Column headers of an agenda table flattened to a line: "No. Item", "Items",
            "Item Title Page", "Order of Business Page No.".""",
            re.compile(
                r"^(?:no\.?\s*(?:\|\s*)?item(?:s)?|items?|agenda\s+items|number\s+item|item\s+(?:no\.?\s+)?(?:title|agenda\s+item|details)(?:\s+(?:page|status|details))*|(?:order\s+of\s+business|item|business)\s+page(?:\s*no\.?)?|page\s+no\.?|page)\s*(?:\|[\s|]*)?$",
                _I,
            ),
            examples=("No. Item", "Items", "Order of Business Page No.", "Item Title Page", "No. | Item | ||||"),
            counter=("Items for decision were listed",),
        ),
    ],
)
"""Lines that carry no content."""

PAGE_KIND = Ruler(
    "page_kind",
    [
        Rule("agenda-item", "A single agenda item's page.", re.compile(r"^agenda\s+item$", _I), examples=("Agenda item",), data={"page_kind": "agenda_item"}),
        Rule(
            "issue-meetings",
            "An issue's history: the meetings that took it.",
            re.compile(r"^issue\s*-\s*(?:meetings|items\s+at\s+meetings)$|^issue\s+(?:details|history)$", _I),
            examples=("Issue - meetings", "Issue details"),
            data={"page_kind": "issue_history"},
        ),
        Rule("issue-decisions", "An issue's decisions.", re.compile(r"^issue\s*-\s*decisions$", _I), examples=("Issue - decisions",), data={"page_kind": "issue_decisions"}),
        Rule(
            "decision-details",
            "One decision's record.",
            re.compile(r"^(?:decision\s+details|record\s+of\s+(?:executive\s+|delegated\s+|officer\s+)?decisions?|decision\s+notice)$", _I),
            examples=("Decision details", "Record of decision"),
            data={"page_kind": "decision"},
        ),
        Rule(
            "meeting-agenda",
            "A meeting's page: its agenda, decisions and minutes.",
            re.compile(
                r"^(?:agenda(?:,\s*decisions)?(?:\s+and\s+(?:draft\s+)?(?:minutes|decisions))?|agendas?,\s+reports\s+and\s+minutes|meeting\s+documents|notice\s+of\s+meeting:?|(?:open\s+|draft\s+|confirmed\s+|unconfirmed\s+)?minutes|(?:a\s+g\s+e\s+n\s+d\s+a)|business)$",
                _I,
            ),
            examples=("Agenda and minutes", "Agenda, decisions and minutes", "Notice of meeting", "OPEN MINUTES", "Meeting documents"),
            counter=("Agenda item",),
            data={"page_kind": "meeting"},
        ),
        Rule(
            "meeting-minutes-title",
            "A title naming a meeting's minutes or agenda: \"Council Meeting Minutes\", \"Committee of the Whole Minutes\".",
            re.compile(r"^(?:.{3}|.{3,79}?\S)\s+(?:meeting\s+)?(?:minutes|agenda)$", _I),
            examples=("Council Meeting Minutes", "Committee of the Whole Minutes", "Ordinary Meeting Minutes"),
            counter=("How to find our minutes and agendas online today",),
            data={"page_kind": "meeting"},
            accept=lambda m, text: {} if len(text.split()) <= 10 else None,
        ),
        Rule(
            "decision-list",
            "A list of decisions.",
            re.compile(r"^(?:delegated|officer|executive)\s+decisions$|^decisions\s+published$", _I),
            examples=("Delegated decisions", "Officer decisions"),
            data={"page_kind": "decision_list"},
        ),
        Rule(
            "meeting-list",
            """A list of meetings: "Browse meetings", "Meetings", "Upcoming Meetings", "Meeting
            calendar"; with the list's year and the kind of meetings: "Cumulative Past Meetings and
            Agendas - 2018", "2018 CUMULATIVE LIST OF PAST CITY COUNCIL MEETING AGENDAS", "Council
            meeting dates 2024".""",
            re.compile(
                r"^(?:browse\s+meetings?|meetings|meetings?\s+(?:list|calendar)|calendar)$"
                r"|^(?:(?:19|20)\d\d\s+)?(?:(?:cumulative|complete|full)\s+)?(?:list\s+of\s+)?(?:past|previous|upcoming|future|forthcoming|scheduled)\s+"
                r"(?:[\w&'-]+\s+){0,4}(?:meetings|meeting\s+(?:agendas|minutes|documents))(?:\s+(?:and\s+)?(?:agendas|minutes|documents))*(?:\s*(?:[-\u2013(,]\s*)?(?:19|20)\d\d\)?)?$"
                r"|^(?:[\w&'-]+\s+){0,4}meeting\s+(?:schedule|calendar|dates)(?:\s*(?:[-\u2013(,]\s*)?(?:19|20)\d\d\)?)?$",
                _I,
            ),
            examples=(
                "Browse meetings",
                "Meetings",
                "Upcoming Meetings",
                "Cumulative Past Meetings and Agendas - 2018",
                "2018 CUMULATIVE LIST OF PAST CITY COUNCIL MEETING AGENDAS",
                "Council meeting dates 2024",
                "Previous Planning Committee meetings",
            ),
            counter=("Council Meeting", "Past decisions of the meeting", "Meeting documents"),
            data={"page_kind": "meeting_list"},
        ),
    ],
)
"""Header lines naming what the page is."""
