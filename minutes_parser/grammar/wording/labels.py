"""Label/value lines: "Decision Maker: Cabinet", "Date: 7 May", "Venue : Town Hall", "Present:".

Each label is one rule built from the wordings that name it. A label's value
may be empty (the value is on the following lines). Two labels on one line
("Date: Tuesday, 2 Feb 2021 Time: 7:00 PM") give both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..ruler import Rule, Ruler

_I = re.IGNORECASE
_SEP = r"\s*(?::-|:|\|)\s*"

LABELS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    # key, phenomenon, wordings (regex fragments), examples
    ("maker", "Who took a decision.", (r"decision\s+(?:maker|taker|taken\s+by)",), ("Decision Maker: Cabinet", "Decision Taken By: CABINET MEMBER FOR Housing")),
    ("decision_status", "A decision's status.", (r"decision\s+status",), ("Decision status: For Determination",)),
    ("key", "Whether it is a key decision.", (r"is\s+key\s+decision\??", r"key\s+decision\??"), ("Is Key decision?: No",)),
    ("call_in", "Whether and until when a decision can be called in for scrutiny.", (r"is\s+subject\s+to\s+call[\s-]?in\??", r"subject\s+to\s+call[\s-]?in", r"call[\s-]?in\s+deadline"), ("Is subject to call in?: Yes", "Subject to Call-in :-Yes")),
    ("published", "When a decision was published.", (r"publication\s+date", r"date\s+of\s+publication", r"notice\s+of\s+proposed\s+decision\s+first\s+published"), ("Publication date: 03/04/2019",)),
    ("decided", "When a decision was taken.", (r"date\s+of\s+decision", r"decision\s+date"), ("Date of decision: 18/04/2017",)),
    ("decided_at", "The meeting that took a decision.", (r"decided\s+at\s+meeting",), ("Decided at meeting: 18/04/2017 - Cabinet",)),
    ("effective", "When a decision takes effect.", (r"effective\s+from", r"decision\s+to\s+take\s+effect(?:\s+at\s+end\s+of)?"), ("Effective from: 26/04/2017",)),
    ("author", "Who wrote the report.", (r"report\s+author", r"lead\s+officer", r"author"), ("Report author: Mike Neville",)),
    ("contact", "An officer to contact.", (r"contact(?:\s+officer|\s+details|\s+person)?", r"enquiries\s+to", r"please\s+ask\s+for", r"officer"), ("Contact: Jane Smith, 01234 567890", "Contact Officer :-Colin Sweeney")),
    ("wards", "The wards or divisions a decision affects.", (r"wards?\s+affected", r"ward\(s\)\s+affected"), ("Wards affected: (All Wards);",)),
    ("meta", "Forward-plan and record fields that are neither meeting nor decision text.", (r"decision\s+type", r"reason\s+key", r"open/exempt", r"decision\s+due", r"lead\s+(?:member|director)", r"department", r"comment", r"category", r"cabinet\s+member", r"portfolio(?:\s+holder)?", r"meeting\s*#", r"mtg\s+no", r"consultation\s+with\s+ward\s+members?", r"applicant", r"agent", r"related\s+meeting"), ("Decision type: Key", "Lead director: Damien Wilson", "Meeting #:")),
    ("letter", "The reference lines of a covering letter: its date is the letter's, not the meeting's.", (r"your\s+ref(?:erence)?", r"our\s+ref(?:erence)?", r"direct\s+dial", r"direct\s+line"), ("Your Ref:", "Our Ref: PL/2015", "Direct Dial: (01892) 554413")),
    ("reference", "A file or matter reference.", (r"reference\s+(?:number|no\.?)", r"file\s*(?:#|no\.?|number)", r"decision\s+no\.?", r"matter\s+no\.?"), ("Reference Number :-2367", "File #: 21-0456")),
    ("date", "The meeting's date (the value may follow on the next line).", (r"date", r"date/time", r"date\s+and\s+time", r"meeting\s+date", r"meeting\s+date/time", r"date\s+of\s+meeting"), ("Date: Thursday, 14 May 2015", "Meeting Date : 29/07/2020")),
    ("time", "The time the meeting starts or started.", (r"time", r"meeting\s+time", r"start\s+time", r"meeting\s+commenced", r"commencing"), ("Time: 7:00 PM", "Meeting Commenced: 2.30pm")),
    ("venue", "Where the meeting is held.", (r"venue", r"location", r"meeting\s+location", r"place", r"meeting\s+place", r"held\s+at"), ("Venue: Town Hall", "Location: Council Chamber", "Place: Village Hall, Church Lane")),
    ("committee", "The body whose meeting the page records.", (r"committee", r"meeting\s+name", r"meeting\s+body", r"body", r"board"), ("Committee: Planning Committee", "Meeting Name: Baltimore City Council")),
    ("status", "The meeting's status.", (r"status", r"meeting\s+status"), ("Status: Cancelled",)),
    ("subject", "What a decision is about (its title).", (r"subject(?:\s+of\s+decision)?", r"the\s+subject\s+of\s+the\s+decision", r"title", r"matter\s+for\s+decision"), ("Subject of Decision :-Minor Review",)),
    ("present", "Who attended: the members present and who chaired.", (r"(?:members?\s+|councillors?\s+|commissioners?\s+|trustees\s+|board\s+members\s+)?present", r"attendance", r"in\s+the\s+chair", r"chairperson", r"chair", r"members", r"councillors"), ("Present: Councillors A, B and C", "Members Present :")),
    ("in_attendance", "Officers and others in attendance.", (r"(?:staff|officers?|officials)\s+(?:present|in\s+attendance)", r"(?:also\s+)?in\s+attendance", r"also\s+present", r"staff", r"officers"), ("In attendance: J Smith (Clerk)", "Officers Present:")),
    ("apologies", "Apologies for absence.", (r"apologies(?:\s+for\s+absence)?", r"apology"), ("Apologies: Cllr Brown",)),
    ("absent", "Members who did not attend (without sending apologies).", (r"absent", r"members\s+absent"), ("Absent: Councillor Green",)),
    ("attachments", "Documents attached to a decision.", (r"attachments?", r"background\s+papers"), ("Attachments :-Reference from SDDC (28K/bytes)",)),
)
"""Each label: its key, what it is, its wordings and examples."""

_MORE = re.compile(
    r"(?<!\s)\s+(?=(?:date|time|venue|location|place|meeting\s+commenced|meeting\s+concluded)\s*:)", _I
)
"""The spaces before a second label on a label's line, from where their run starts (linear)."""


def _accept(key: str) -> Any:
    def accept(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
        value = text[m.end() :].strip()
        more: list[tuple[str, str]] = []
        if key in ("date", "time", "venue") and ":" in value:
            parts = _MORE.split(value)
            value = parts[0].strip()
            for part in parts[1:]:
                found = LABEL.first(part.strip())
                if found is not None and found[0].data.get("key"):
                    more.append((str(found[1]["key"]), str(found[1].get("value", ""))))
        return {"key": key, "value": value.strip(" |"), "more": tuple(more)}

    return accept


def _rule(key: str, doc: str, wordings: tuple[str, ...], examples: tuple[str, ...]) -> Rule:
    pattern = re.compile(r"^(?:" + "|".join(wordings) + r")" + _SEP, _I)
    return Rule(
        f"label-{key.replace('_', '-')}",
        doc,
        pattern,
        examples=tuple((e, {"key": key}) for e in examples),
        data={"key": key},
        accept=_accept(key),
    )


LABEL = Ruler("label", [_rule(*spec) for spec in LABELS])
"""Label/value lines, one rule per label."""
