"""Headings that open a section of an item, and decisions written inside a paragraph.

A section heading yields ``section`` (what the following text is) and ``rest``
(text on the heading's own line after it, which belongs to the section).
Sections: ``resolutions`` (what was decided), ``decision`` (a "Decision:" block:
everything in it is the decision unless a resolution heading appears inside it),
``recommendations``, ``minutes``, ``summary``, ``reasons``, ``alternatives``,
``interests``, ``documents``, ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..ruler import Rule, Ruler

_I = re.IGNORECASE
_SEP = r"(?:\s*(?::-|[:\-\u2013\u2014]+|,)\s*|\s+)"
"""A heading word's separator: a colon, ":-", a dash, a comma or a space."""
_VOTE_NOTE = r"(?:\s*\((?:unanimously|by\s[^)]{1,60}|nem\.?\s*con\.?|[^)]{0,30}\bvote[^)]{0,30})\))?"
"""A vote note in brackets after the keyword: "(Unanimously)", "(by 7 votes to 2)"."""
_MOVERS = r"(?:\s*\[[\w/ .-]{1,20}\])?(?:\s*\((?:cr\.?\s+|cllr\.?\s+|councillors?\s+)?[A-Z][\w.'’ -]{1,40}?(?:\s*/\s*|\s+and\s+)(?:cr\.?\s+|cllr\.?\s+|councillors?\s+)?[A-Z][\w.'’ -]{1,40}\))?"
"""A resolution number and the movers in brackets: "[37/22] (Cadwallader/Gordon)", "(Cr A / Cr B)"."""
_BODY = r"(?:(?!that\b)(?:the\s+)?(?:[A-Z][\w&'’-]{0,25}\s+){0,5}?(?:committee|sub-committee|cabinet|council|board|panel|executive|forum|group|authority|assembly|commission|mayor|leader|meeting|trustees|house))"
"""The deciding body before a verb ("The Planning Committee", "Council", "Cabinet")."""


def _rest(m: re.Match[str], text: str) -> Mapping[str, Any]:
    return {"rest": text[m.end() :].strip()}


def _clause_follows(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """The heading word is a heading only when nothing follows or a clause does."""
    rest = text[m.end() :].strip()
    if rest and not _CLAUSE_START.match(rest):
        return None
    return {"rest": rest}


_CLAUSE_START = re.compile(
    r"^(?:that\b|to\b|\(?[0-9a-zA-Z]{1,4}[.):]\s|\([0-9a-zA-Z]{1,4}\)|[A-Z\"“'‘(\[])", re.IGNORECASE
)
"""What a clause begins with: "that", "to", a label, a capital or a quote."""
_CLAUSE_START_STRICT = re.compile(r"^(?:that\b|\(?[0-9a-zA-Z]{1,4}[.)]\s|\([0-9a-zA-Z]{1,4}\))", re.IGNORECASE)
"""A clause's own start (a label or "That"): a sentence opening so is a clause, not a lead-in."""


SECTION = Ruler(
    "section",
    [
        Rule(
            "resolved",
            """The keyword RESOLVED (any case) opens what was decided: alone on its line, with a
            separator, before "that"/"to", after "It was (therefore, unanimously ...)", "And",
            "Be it", a body ("The Committee", "Council") or "Unanimously", and with a vote note
            or a resolution number and the movers in brackets before the clause.""",
            re.compile(
                r"^(?:(?:and|it\s+was(?:\s+(?:therefore|further|then|also|accordingly|duly|thereupon|moved,?\s+seconded,?\s+and))?|be\s+it|whereupon\s+it\s+was|upon\s+which\s+it\s+was)\s+)?"
                r"(?:" + _BODY + r"\s+)?"
                r"(?:(?:unanimously|therefore|further|also|accordingly)\s+)?resolved(?:\s+(?:unanimously|accordingly|as\s+follows))?"
                + _VOTE_NOTE
                + _MOVERS
                + r"(?:\s*(?::-|[:\-\u2013\u2014]+|,)\s*(?:\((?:unanimously|by\s[^)]{1,60}|nem\.?\s*con\.?)\)\s*)?|\s+(?=(?:that|to)\b)|\s*$)",
                _I,
            ),
            examples=(
                ("RESOLVED that the report be noted.", {"rest": "that the report be noted."}),
                ("Resolved –", {"rest": ""}),
                ("RESOLVED: (Unanimously)", {"rest": ""}),
                ("The Committee resolved:-", {"rest": ""}),
                ("It was therefore RESOLVED that the minutes be approved.", {"rest": "that the minutes be approved."}),
                ("UNANIMOUSLY RESOLVED that the minutes be signed.", {"rest": "that the minutes be signed."}),
                ("RESOLVED [37/22] (Cadwallader/Gordon) that the apologies be accepted.", {"rest": "that the apologies be accepted."}),
                ("Resolved (Cr George Cecato / Cr Paul Amos)", {"rest": ""}),
                ("Council resolved to approve the minutes.", {"rest": "to approve the minutes."}),
                ("Be it resolved that the by-law be read a first time.", {"rest": "that the by-law be read a first time."}),
                ("And Resolved:", {"rest": ""}),
                ("The Planning Committee RESOLVED that permission be granted.", {"rest": "that permission be granted."}),
            ),
            counter=(
                "Council Tax Resolutions 2026/27",
                "The matter was resolved at the previous meeting.",
                "Resolved issues list",
            ),
            data={"section": "resolutions"},
            accept=_clause_follows,
            where="every system; UK, AU, NZ, IE, CA",
        ),
        Rule(
            "agreed",
            """AGREED opens a decision like RESOLVED: "AGREED –", "It was agreed that", "And
            agreed", "Agreed – that", a body before it ("The Council AGREED to ..."), but not
            "Agreed," in narrative.""",
            re.compile(
                r"^(?:(?:and|it\s+was(?:\s+(?:therefore|further|then|also|unanimously|duly|moved,?\s+seconded,?\s+and))?)\s+)?"
                r"(?:" + _BODY + r"\s+)?"
                r"(?:(?:unanimously|therefore|further|also)\s+)?agreed(?:\s+unanimously)?"
                + _VOTE_NOTE
                + r"(?:\s*(?::-|[:\-\u2013\u2014]+)\s*|\s+(?=(?:that|to)\b)|\s*$)",
                _I,
            ),
            examples=(
                ("AGREED – That Y.", {"rest": "That Y."}),
                ("It was agreed that X be done.", {"rest": "that X be done."}),
                ("AND AGREED", {"rest": ""}),
                ("The Council AGREED to provide the extension.", {"rest": "to provide the extension."}),
                ("Agreed – that the sign be relocated", {"rest": "that the sign be relocated"}),
            ),
            counter=("Agreed, subject to two changes.", "Agreed by all present at the meeting"),
            data={"section": "resolutions"},
            accept=_clause_follows,
            where="UK (Scottish and parish minutes), IE, AU",
        ),
        Rule(
            "decided",
            """DECIDED as a decision verb after a body or "It was": "The Committee decided to ...".""",
            re.compile(
                r"^(?:it\s+was\s+(?:therefore\s+|further\s+|unanimously\s+)?|" + _BODY + r"\s+(?:unanimously\s+)?)decided"
                r"(?:\s*(?::-|:)\s*|\s+(?=(?:that|to)\b))",
                _I,
            ),
            examples=(
                ("The Committee decided to exclude the public.", {"rest": "to exclude the public."}),
                ("It was decided that the matter be deferred.", {"rest": "that the matter be deferred."}),
            ),
            counter=("The decision was decided earlier", "Members decided nothing."),
            data={"section": "resolutions"},
            accept=_rest,
            where="UK fire and police authorities",
        ),
        Rule(
            "agreed-following",
            """A body agreeing or approving a list: "The Executive agreed the following:".""",
            re.compile(
                r"^(?:the\s+)?[A-Za-z]{3,20}(?:\s+[A-Za-z]{2,20}){0,3}\s+(?:agreed|approved|resolved)\s+(?:the\s+following|as\s+follows)\s*(?::-|:)?\s*",
                _I,
            ),
            examples=(("The Executive agreed the following:", {"rest": ""}), ("The Board approved as follows:-", {"rest": ""})),
            counter=("The minutes were agreed as a correct record.",),
            data={"section": "resolutions"},
            accept=_rest,
        ),
        Rule(
            "resolution-number",
            """A numbered resolution heading (InfoCouncil, Irish and Australian minutes):
            "RESOLUTION 2020/152", "Resolution number COU/2014/21", "Council Resolution", "RESOLUTION:".""",
            re.compile(
                r"^(?:council\s+|committee\s+)?resolution(?:\s+(?:(?:no\.?|number)\s*)?)?(?:[A-Z]{0,6}/?\d{1,4}(?:/[A-Z0-9]{1,6}){0,2})?"
                r"(?:(?<!\s)\s*)?(?:(?::-|[:\-\u2013\u2014])\s*|(?<=\s)(?=(?:moved|that|it)\b)|$)",
                _I,
            ),
            examples=(
                ("RESOLUTION 2020/152", {"rest": ""}),
                ("Resolution number COU/2014/21 MOVED by Cr A, seconded by Cr B:", {"rest": "MOVED by Cr A, seconded by Cr B:"}),
                ("Council Resolution", {"rest": ""}),
                ("RESOLUTION: That the report be received.", {"rest": "That the report be received."}),
            ),
            counter=("Resolution to Exclude the Public", "Resolutions of the previous meeting were noted"),
            data={"section": "resolutions"},
            accept=_rest,
            where="InfoCouncil (AU/NZ), IE",
        ),
        Rule(
            "lead-in",
            """A sentence that ends by saying who decided, with the decision on the next lines:
            "After discussion, the Sub-Committee unanimously resolved to:", "..., the Mayor agreed
            that:". Only the sentence's end is matched; the sentence is the heading.""",
            re.compile(
                r"\b(?:resolved|agreed|decided|RESOLVED|AGREED)(?:\s+(?:to|that|as\s+follows))?\s*(?::-|:)\s*$",
            ),
            examples=(
                ("After discussion, the Sub-Committee unanimously resolved to:", {"rest": ""}),
                ("Having considered a report, the Mayor agreed that:", {"rest": ""}),
                ("Cabinet resolved to:", {"rest": ""}),
            ),
            counter=(
                "The report recommended:-",
                "The following items were agreed for a future agenda",
                "(2) That the proposed format of the report be agreed as follows:",
            ),
            data={"section": "resolutions"},
            search=True,
            accept=lambda m, text: None if _CLAUSE_START_STRICT.match(text) else {"rest": "", "lead": text[: m.start()].strip()},
        ),
        Rule(
            "decision",
            """A "Decision" heading: alone on its line, with a colon, "made"/"taken", an article, a
            vote note ("Decision made (Unanimously):"), or the first clause glued after ":-".""",
            re.compile(
                r"^(?:the\s+)?decisions?(?:\s+(?:made|taken))?(?:\s+of\s+the\s+(?:meeting|committee|cabinet|council|board))?"
                + _VOTE_NOTE
                + r"\s*(?::-|:|[-\u2013\u2014](?=\s))?\s*",
                _I,
            ),
            examples=(
                ("Decision:", {"rest": ""}),
                ("DECISION MADE:", {"rest": ""}),
                ("Decision made (Unanimously):", {"rest": ""}),
                ("DECISION", {"rest": ""}),
                ("Decision :-(a) That the approach be adopted.", {"rest": "(a) That the approach be adopted."}),
                ("THE DECISION:", {"rest": ""}),
            ),
            counter=(
                "Decision Maker: Cabinet",
                "Decision status: For Determination",
                "Decision details",
                "Decisions set out in the book have been made under delegated powers.",
                "Decision due: 12 March 2027",
            ),
            data={"section": "decision"},
            accept=lambda m, text: _whole_or_clause(m, text),
            where="ModernGov (UK)",
        ),
        Rule(
            "recommended",
            """A recommendation heading: "Recommended –", "Recommendation(s):", "RECOMMENDATIONS",
            "Officer recommendation", "Recommended Action:", "Suggested Action", "The report
            recommended:-", "Staff Recommendation", "DEPARTMENT RECOMMENDATION", "City Manager's
            Recommendation:", "Recommended Motion".""",
            re.compile(
                r"^(?:the\s+report\s+|officers?\s+|staff\s+|department(?:al)?\s+|(?:city\s+)?(?:manager|director|administrator)(?:[\u2019']s)?\s+|administration\s+)?"
                r"(?:recommended(?:\s+(?:actions?|motions?))?|recommendations?|recommendation\(s\)|suggested\s+actions?)"
                r"(?:\s+(?:to|for)\s+(?:the\s+)?[A-Za-z ]{3,40}?)?"
                r"(?:\s*(?::-|[:\-\u2013\u2014]+)\s*|\s+(?=(?:that|to)\b)|\s*$)",
                _I,
            ),
            examples=(
                ("Recommended –", {"rest": ""}),
                ("Recommendation(s):", {"rest": ""}),
                ("RECOMMENDATIONS", {"rest": ""}),
                ("The report recommended:-", {"rest": ""}),
                ("RECOMMENDATION: That Council adopt the plan.", {"rest": "That Council adopt the plan."}),
                ("Recommended Action:", {"rest": ""}),
                ("DEPARTMENT RECOMMENDATION", {"rest": ""}),
                ("City Manager's Recommendation: Approve the lease.", {"rest": "Approve the lease."}),
                ("Recommended Motion", {"rest": ""}),
            ),
            counter=("Recommendations Tracker", "Recommendations of the Scrutiny Panel on parking", "Department recommendations were reviewed by the auditors."),
            data={"section": "recommendations"},
            accept=_clause_follows,
        ),
        Rule(
            "asked-to",
            """A body asked or recommended to decide: "It is recommended that", "Cabinet is
            recommended to", "The Board is asked to" (a decision body, not "Members").""",
            re.compile(
                r"^(?:it\s+is\s+recommended\s+(?=that\b|to\b)|(?:the\s+)?(?:[A-Z][\w&'’-]{1,25}\s+){0,4}(?:committee|sub-committee|cabinet|council|board|panel|executive|authority|commission)\s+(?:is|are)\s+(?:recommended|asked|requested)\s+(?=to\b))",
                _I,
            ),
            examples=(
                ("It is recommended that the plan be adopted.", {"rest": "that the plan be adopted."}),
                ("The Cabinet is recommended to approve the budget.", {"rest": "to approve the budget."}),
                ("The Board is asked to note the report.", {"rest": "to note the report."}),
            ),
            counter=("Members are asked to declare any interests.", "Members are invited to disclose interests."),
            data={"section": "recommendations"},
            accept=_rest,
        ),
        Rule(
            "minutes",
            """The "Minutes:" block of a ModernGov item: the narrative of what happened.""",
            re.compile(r"^minutes\s*(?::-|:)\s*", _I),
            examples=(("Minutes:", {"rest": ""}), ("Minutes: None.", {"rest": "None."})),
            counter=("Minutes of the meeting held on 3 May", "Minutes"),
            data={"section": "minutes"},
            accept=lambda m, text: None if text[m.end() :].lower().startswith("read the") else _rest(m, text),
        ),
        Rule(
            "documents",
            """A heading over the item's documents.""",
            re.compile(
                r"^(?:supporting|additional|accompanying|background|linked|related)\s+(?:documents|papers|information)\s*(?:(?::-|:)\s*)?$",
                _I,
            ),
            examples=(("Supporting documents:", {"rest": ""}), ("Additional documents:", {"rest": ""})),
            counter=("Supporting documents were circulated.",),
            data={"section": "documents"},
            accept=_rest,
        ),
        Rule(
            "reasons",
            """Reasons for a decision (a section that closes the decision).""",
            re.compile(
                r"^(?:the\s+)?reasons?(?:\s+for\s+(?:the\s+)?(?:decisions?|recommendations?))?(?:\s*(?::-|[:\-\u2013\u2014]+)\s*|\s*$)",
                _I,
            ),
            examples=(
                ("Reasons for the decision:", {"rest": ""}),
                ("REASON – To comply with the Constitution.", {"rest": "To comply with the Constitution."}),
                ("Reason for Decisions", {"rest": ""}),
            ),
            counter=("Reason Key: significant effect", "The reason given was cost."),
            data={"section": "reasons"},
            accept=_rest,
        ),
        Rule(
            "alternatives",
            """Alternative options considered (closes the decision).""",
            re.compile(
                r"^(?:any\s+)?(?:alternative|other)\s+options?(?:\s+[a-z,/][a-z ,/]{0,59})?\s*(?::-|[:\-\u2013\u2014])\s*",
                _I,
            ),
            examples=(("Alternative options considered:", {"rest": ""}), ("Other options:", {"rest": ""})),
            counter=("Other options were discussed at length.",),
            data={"section": "alternatives"},
            accept=_rest,
        ),
        Rule(
            "interests",
            """Interests declared by the decision maker (closes the decision).""",
            re.compile(
                r"^(?:conflicts?\s+of\s+interests?|interests?\s+and\s+nature\s+of\s+interests?)[^:]{0,140}(?::-|:)\s*",
                _I,
            ),
            examples=(("Conflict of interest declared: None", {"rest": "None"}),),
            counter=("Declarations of interest were made by two members.",),
            data={"section": "interests"},
            accept=_rest,
        ),
        Rule(
            "purpose",
            """What the item is for: "Purpose:", "Summary:", "Purpose of report:".""",
            re.compile(r"^(?:purpose|summary|purpose\s+of\s+(?:the\s+)?report|report\s+summary)\s*(?::-|:)\s*", _I),
            examples=(("Purpose:", {"rest": ""}), ("Summary: To agree the plan.", {"rest": "To agree the plan."})),
            counter=("Purpose built housing",),
            data={"section": "summary"},
            accept=_rest,
        ),
        Rule(
            "closing",
            """Headings after a decision that are neither decision nor narrative: implementation,
            call-in notes, "Scrutiny considerations".""",
            re.compile(
                r"^(?:implementation\s+of\s+(?:the\s+)?decision|scrutiny\s+considerations|eligible\s+for\s+call-in\s+to|note)\s*(?::-|:)\s*",
                _I,
            ),
            examples=(("Implementation of Decision:", {"rest": ""}), ("Note: This decision is a Council function", {"rest": "This decision is a Council function"})),
            counter=("Noted",),
            data={"section": "other"},
            accept=_rest,
        ),
        Rule(
            "advice",
            """Advice or comments of another body: not the decision.""",
            re.compile(r"^(?:advice|comments?|views)\s+of\s+(?:the\s+)?[A-Za-z ]{3,60}$", _I),
            examples=(("Advice of the Heritage Panel", {"rest": ""}),),
            counter=("Advice was given by officers.",),
            data={"section": "other"},
            accept=_rest,
        ),
        Rule(
            "decision-of",
            """Who decided, as a heading: "Decision of the Executive Leader".""",
            re.compile(r"^(?i:decision\s+of\s+(?:the\s+)?)(?P<who>[A-Z][A-Za-z ,&'-]{2,80}?)\s*:?$"),
            examples=(("Decision of the Executive Leader", {"who": "Executive Leader"}),),
            counter=("Decision of the committee was unanimous.",),
            data={"section": "other"},
        ),
    ],
)
"""Section headings, first match wins."""


def _whole_or_clause(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """"Decision" is a heading only on its own (or before a colon and a clause)."""
    rest = text[m.end() :].strip()
    used = text[: m.end()]
    if rest and not (used.rstrip().endswith((":", ":-", "-", "\u2013", "\u2014")) and _CLAUSE_START.match(rest)):
        return None
    return {"rest": rest}


INLINE = Ruler(
    "inline",
    [
        Rule(
            "inline-resolved",
            """A decision inside a paragraph of narrative, upper case only ("After discussion it
            was RESOLVED that ..."): "the matter was resolved" in lower case is narrative.""",
            re.compile(
                r"(?<=[\s,;:.)])(?:it\s+was\s+(?:therefore\s+|further\s+|then\s+|unanimously\s+)?)?(?:UNANIMOUSLY\s+)?(?:RESOLVED|AGREED)(?:\s+UNANIMOUSLY)?"
                r"(?:\s*(?::-|[:\-\u2013\u2014])\s*|\s+(?=(?:that|to|THAT|TO|That|To)\b))"
            ),
            examples=(
                ("After discussion it was RESOLVED that the report be noted.", {}),
                ("Councillor A proposed the motion. AGREED – that it be accepted.", {}),
            ),
            counter=("The matter was resolved quickly.", "It was agreed by all."),
            search=True,
            data={"section": "resolutions"},
        ),
        Rule(
            "inline-sentence",
            """A decision sentence after a sentence end in mixed case: "... Chandler. Resolved that
            these Councillors ...", "... noted. It was agreed that ...".""",
            re.compile(
                r"(?<=[.;!?)])\s+(?:Resolved|Agreed)"
                r"(?:\s*(?::-|[:\-\u2013\u2014])\s*|\s+(?=(?:that|to)\b))"
            ),
            examples=(
                ("Apologies were received. Resolved that these be accepted.", {}),
                ("The report was discussed. Agreed – that a letter be sent.", {}),
            ),
            counter=("The issue was resolved by officers.", "It was not agreed.", "Members discussed it. It was agreed that it was appropriate."),
            search=True,
            data={"section": "resolutions"},
        ),
    ],
)
"""Decisions that start inside a paragraph (split the paragraph there)."""
