"""What a printed document (a PDF's text) says it is: minutes, an agenda, an agenda pack, a notice.

Web pages name their kind in a header line ("Agenda item", "Issue - meetings");
printed documents say it in their title block and in how their later pages
open. These rules read those words; :func:`..kinds.printed_kind` weighs them.
"""

from __future__ import annotations

import re

from ..ruler import Rule, Ruler

_I = re.IGNORECASE

PRINTED = Ruler(
    "printed",
    [
        Rule(
            "notice",
            """A notice that a meeting will not be held as planned, or is held in private: "NOTICE OF
            CANCELLATION", "The meeting is cancelled", "Notice of closed meeting", "Notice of
            adjournment".""",
            re.compile(r"\b(?:cancel+(?:ed|ation)|notice\s+of\s+(?:adjournment|cancel|closed|special)|adjourned\s+meeting|closed\s+meeting)", _I),
            examples=("NOTICE OF CANCELLATION", "The meeting is cancelled.", "Notice of Closed Meeting", "Notice of Adjournment"),
            counter=("Notice of meeting",),
            search=True,
        ),
        Rule(
            "minutes-approval",
            """An item about earlier minutes, which does not make the document minutes: "Approval of
            Minutes", "To confirm the minutes of the previous meeting", "Minutes of the last
            meeting".""",
            re.compile(r"\b(?:approv\w*|adopt\w*|confirm\w*|previous)\b.{0,30}\bminutes\b|\bminutes\s+of\s+the\s+(?:previous|last)\b", _I),
            examples=("Approval of Minutes", "To confirm the minutes of the meeting held on 3 May", "Minutes of the previous meeting"),
            counter=("MINUTES",),
            search=True,
        ),
        Rule(
            "minutes-title",
            """A title saying the document (or the part of a pack that starts here) is minutes:
            "MINUTES", "Draft Minutes of the Planning Committee", "Summary of the Regular Meeting",
            "Meeting Report".""",
            re.compile(r"^\W*(?:draft\s+|unapproved\s+|approved\s+|summary\s+)?minutes\b|\bmeeting\s+report\b|^\W*summary\s+of\b.{0,60}\bmeeting\b", _I),
            examples=("MINUTES", "Draft Minutes of the Planning Committee", "Summary of the Regular Meeting of the City Council", "COUNCIL MEETING REPORT"),
            counter=("Agenda",),
            search=True,
        ),
        Rule(
            "agenda-title",
            """A title or summons saying the document is an agenda: "AGENDA", "Notice of Meeting",
            "A meeting ... will be held", "Summons to attend".""",
            re.compile(r"\bagenda\b|\bwill\s+be\s+held\b|\bsummons\b|\bnotice\s+of\s+meeting\b", _I),
            examples=("REGULAR MEETING AGENDA", "Notice of Meeting", "A meeting of the Council will be held on", "SUMMONS"),
            counter=("Minutes of the meeting",),
            search=True,
        ),
        Rule(
            "attendance-opening",
            """A page that opens with who was present, as minutes do: "PRESENT:", "Members present",
            "In attendance".""",
            re.compile(r"^(?:present|members\s+present|in\s+attendance)\b", _I),
            examples=("PRESENT: Councillors A, B and C", "Members Present", "In attendance: the Clerk"),
            counter=("Presentation by the Chief Executive",),
        ),
        Rule(
            "session-heading",
            """A heading naming one session of a meeting held in several, with or without its time:
            "5:00 PM - CLOSED SESSION", "OPEN SESSION - 6:00 PM", "Closed Session Agenda", "7.00 p.m.
            Regular Session". An agenda may list each session's business under its own heading.""",
            re.compile(
                r"^(?:\d{1,2}(?:[:.]\d{2})?\s*+[ap]\.?\s?m\.?\s*+(?:[-\u2013\u2014:]\s*+)?)?(?:closed|open|regular|special|study|executive|public)\s++session"
                r"(?:\s++agenda)?(?:\s*+(?:[-\u2013\u2014:]\s*+)?\d{1,2}(?:[:.]\d{2})?\s*+[ap]\.?\s?m\.?)?\s*+:?$",
                _I,
            ),
            examples=("5:00 PM - CLOSED SESSION", "OPEN SESSION - 6:00 PM", "Closed Session Agenda", "7.00 p.m. Regular Session"),
            counter=("RECESS TO CLOSED SESSION", "Closed session items will be heard first"),
        ),
        Rule(
            "adjournment",
            """The item that closes the meeting: "ADJOURNMENT", "Adjourn", "ADJOURNMENT TO November 23,
            2022", "Close of Meeting". What a document prints after it (how to join online, codes of
            conduct) is not its business; an adjournment to a closed session is.""",
            re.compile(
                r"^\W*(?:adjournment|adjourn|close\s+of\s+(?:the\s+)?meeting\b|meeting\s+closed?\W*$)\b(?!\s+(?:to|into)\s+(?:a\s+|the\s+)?closed\s+session)",
                _I,
            ),
            examples=("ADJOURNMENT", "Adjourn", "ADJOURNMENT TO November 23, 2022", "Close of Meeting"),
            counter=("ADJOURN TO CLOSED SESSION TO DISCUSS THE FOLLOWING:", "Adjourned items from the last meeting", "MEETING CLOSED TO THE PUBLIC:"),
        ),
    ],
)
"""Rules a printed document's kind is read from."""
