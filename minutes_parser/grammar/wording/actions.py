"""Who must act on a decision: "ACTION: Clerk", "Action by: Head of Planning", "Clerk to action"."""

from __future__ import annotations

import re

from ..ruler import Rule, Ruler

_I = re.IGNORECASE

def balanced(owner: str) -> str:
    """An owner without a bracket left open or closed by the line around it: "(Head of Parking (M. Darby)"."""
    owner = owner.strip(" .")
    while owner.startswith("(") and owner.count("(") > owner.count(")"):
        owner = owner[1:].strip()
    while owner.endswith(")") and owner.count(")") > owner.count("("):
        owner = owner[:-1].strip()
    return owner


ACTION = Ruler(
    "action",
    [
        Rule(
            "action-line",
            """An action line: "ACTION: Strategic Director", "Action by: Clerk", "(ACTION: Chair)",
            "Actions: Democratic Services".""",
            re.compile(r"^\(?ACTIONS?(?:\s+BY)?\s*(?::-|[:\-\u2013\u2014])\s*(?P<owner>[^\s)].{0,200}?)?\.?$", _I),
            examples=(
                ("ACTION: Strategic Director Children’s Services", {"owner": "Strategic Director Children’s Services"}),
                ("Action by: Clerk", {"owner": "Clerk"}),
                ("(ACTION: Chair)", {"owner": "Chair"}),
                ("Action by: CORPORATE DIRECTOR, PLACE (A. SUTCLIFFE)", {"owner": "CORPORATE DIRECTOR, PLACE (A. SUTCLIFFE)"}),
                ("Action by:", {"owner": ""}),
            ),
            counter=("Action plan for the year", "Actions were discussed."),
            accept=lambda m, text: {"owner": balanced(m.group("owner") or "")},
        ),
        Rule(
            "action-trailing",
            """An action at the end of a decision's paragraph: "... be noted. ACTION: Clerk"
            (upper-case ACTION only, so narrative about actions is not taken).""",
            re.compile(r"(?<=[.;)])\s+\(?ACTION(?:\s+BY)?\s*:\s*(?P<owner>[A-Z][^.;:()]{1,80}?)\)?\.?$"),
            examples=(("That the report be noted. ACTION: Clerk", {"owner": "Clerk"}),),
            counter=("That the action plan be noted.",),
            search=True,
        ),
        Rule(
            "to-action",
            """An owner "to action": "Clerk to action", "the Chair to action".""",
            re.compile(
                r"(?:^|[.;]\s+|\s)(?P<owner>(?:the\s+)?[A-Z][A-Za-z]{1,20}(?:\s+[A-Z][A-Za-z]{1,20}){0,3})\s+to\s+(?i:action)\b"
            ),
            examples=(("Clerk to action.", {"owner": "Clerk"}), ("Agreed. The Chair to action", {"owner": "The Chair"})),
            counter=("Members to note.",),
            search=True,
        ),
    ],
)
"""Action lines."""
