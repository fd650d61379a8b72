"""Officer contacts as pages print them: names, posts, phones and e-mails.

>>> [c.name for c in paren_contacts("(Jill Bell / Yusuf Patel - 01274 434580 434579)")]
['Jill Bell', 'Yusuf Patel']
>>> label_contacts("Jane Smith, Democratic Services, 01234 567890, jane.smith@x.gov.uk")[0].email
'jane.smith@x.gov.uk'
>>> label_contacts("Richard Woodford Committee Services Tel: 0118 937 2332")[0].name
'Richard Woodford'
"""

from __future__ import annotations

import re

from ...models import Contact
from ..ruler import Rule, Ruler

_I = re.IGNORECASE

EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
PHONE = re.compile(
    r"(?<![\w/])(?:"
    r"\+\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,4}){1,4}"  # +44 1234 567890, +61 (02) 9999 9999
    r"|\(0?\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"  # (01865) 252230, (02) 9999 9999
    r"|0\d{2,5}[\s.-]?\d{3,4}[\s.-]?\d{0,4}"  # 01274 432904, 0118 937 2332, 03 123 4567
    r"|\(\d{3}\)\s?\d{3}[\s.-]\d{4}"  # (555) 555-5555
    r"|\d{3}[.-]\d{3}[.-]\d{4}"  # 555-555-5555
    r"|1[3-8]00\s?\d{3}\s?\d{3}"  # 1300 459 689
    r")(?![\w/])"
    r"|(?:\b(?:ext(?:ension)?\.?|x)\s?\d{3,5}\b)"  # ext. 1234, x1234
    r"|(?<![\w/.:,])\d{6}(?![\w/.:])",  # a local number after the area code has been given
    _I,
)
"""Telephone numbers: UK, Irish, Australian, New Zealand and North American forms, extensions."""
PAREN_CONTACT = re.compile(
    r"^\(\s*(?P<names>[A-Z][^()\d]{2,120}?)\s*[-\u2013\u2014:,]\s*(?P<phones>(?:Tel\.?\s*)?\+?\(?\d[\d\s/,()-]{4,60}\d)\s*\)$"
)
PERSON_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][a-z'’\-]{1,30}(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’\-]{1,30}|(?:van|de|von|le|la)\s+[A-Z][a-z'’\-]{1,30}|Mc[A-Z][a-z]{1,20}|O[’'][A-Z][a-z]{1,20})){1,3}$"
)
ROLE_WORDS = re.compile(
    r"\b(?:services?|democratic|governance|committee|council|team|officer|manager|director|head|clerk|administration|department|unit|secretary|support|office|strategy|assistant|advisor|adviser|executive|chief|lead|corporate|legal)\b",
    _I,
)
_CONTACT_WORD = re.compile(r"^\(\s*(?:contact(?:\s+officer)?|report\s+author|tel(?:ephone)?)\s*:\s*", _I)
_NAME_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:/|&|\band\b)\s*")
"""Between two names: "/", "&" or "and", with the spaces around it (those before it taken only
from where their run starts, so a long run is read once, not once per space)."""
_NOISE_WORDS = re.compile(
    r"\b(?:tel(?:ephone)?|phone|e-?mail|mobile|ext(?:ension)?|fax|or|on|direct\s+line)\b\.?\s*:?", _I
)
_PARTS = re.compile(r"\s*(?:,|;|\s[-\u2013\u2014]\s|:|\s{2,}|\(|\))\s*")


def looks_like_name(text: str) -> bool:
    """True for "Irfan Alam", "Dr Jane O’Neil"; False for "Democratic Services"."""
    text = text.strip(" .,;")
    return bool(PERSON_NAME.match(text)) and not ROLE_WORDS.search(text)


def _phones(text: str) -> list[str]:
    found: list[str] = []
    for match in PHONE.finditer(text):
        value = " ".join(match.group(0).split())
        if sum(ch.isdigit() for ch in value) >= 4:
            found.append(value)
    # "01274 434580 434579": a bare local number shares the first one's area code.
    if found and " " in found[0]:
        area = found[0].split(" ")[0]
        found = [found[0]] + [
            f"{area} {p}" if p.isdigit() and len(p) == 6 and area.startswith("0") else p for p in found[1:]
        ]
    return found


def paren_contacts(text: str, line: int | None = None) -> list[Contact]:
    """Parse "(Irfan Alam - 01274 432904)" lines; [] when ``text`` is not one."""
    if text[:1] == "(":
        text = _CONTACT_WORD.sub("(", text, count=1)
    m = PAREN_CONTACT.match(text)
    if m is None:
        return []
    names = [n.strip(" ,.") for n in _NAME_SPLIT.split(m.group("names")) if n.strip(" ,.")]
    if not names or not all(looks_like_name(n) or _loose_name(n) for n in names):
        return []
    phones = _phones(m.group("phones"))
    out = []
    for index, name in enumerate(names):
        phone = phones[index] if index < len(phones) else (phones[0] if phones else None)
        out.append(Contact(name=name, phone=phone, line=line))
    return out


def _loose_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isalpha() for w in words) and not ROLE_WORDS.search(text)


def _split_name_role(part: str) -> tuple[str, str] | None:
    """"Richard Woodford Committee Services" → ("Richard Woodford", "Committee Services")."""
    words = part.split()
    for cut in range(len(words) - 1, 1, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if looks_like_name(head) and ROLE_WORDS.search(tail) and tail[:1].isupper():
            return head, tail
    return None


def label_contacts(value: str, line: int | None = None, role: str | None = None) -> list[Contact]:
    """Parse the value of a "Contact:" / "Report author:" label into contacts."""
    if not value:
        return []
    emails = EMAIL.findall(value)
    rest = EMAIL.sub(" ", value)
    phones = _phones(rest)
    rest = PHONE.sub(" ", rest)
    rest = _NOISE_WORDS.sub(" ", rest)
    names: list[str] = []
    roles: list[str] = []
    for part in _PARTS.split(rest):
        part = part.strip(" ,.;:/-")
        if not part:
            continue
        pieces = [p.strip(" ,.") for p in _NAME_SPLIT.split(part) if p.strip(" ,.")]
        if pieces and all(looks_like_name(p) for p in pieces):
            names.extend(pieces)
        elif len(pieces) == 1 and not names and _loose_name(pieces[0]) and not roles and part.islower():
            names.append(part)
        elif not names and (split := _split_name_role(part)) is not None:
            names.append(split[0])
            roles.append(split[1])
        else:
            roles.append(part)
    role_text = ", ".join(roles) or role
    if not names:
        if not (emails or phones or role_text):
            return []
        return [Contact(name=None, role=role_text, phone=_first(phones), email=_first(emails), line=line)]
    out = []
    for index, name in enumerate(names):
        out.append(
            Contact(
                name=name,
                role=role_text,
                phone=_pick(phones, index),
                email=_match_email(emails, name, index),
                line=line,
            )
        )
    return out


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _pick(values: list[str], index: int) -> str | None:
    if not values:
        return None
    return values[index] if index < len(values) else values[0]


def _match_email(emails: list[str], name: str, index: int) -> str | None:
    surname = name.split()[-1].lower()
    for email in emails:
        if surname and surname in email.lower():
            return email
    return _pick(emails, index) if len(emails) > index else None


CONTACT = Ruler(
    "contact",
    [
        Rule(
            "paren-contact",
            """Officers and their phone numbers in brackets after a decision: "(Irfan Alam -
            01274 432904)", "(Jill Bell / Yusuf Patel - 01274 434580 434579)", "(Contact: Jane Doe,
            (02) 9999 1234)".""",
            re.compile(r"^\(\s*(?:contact(?:\s+officer)?\s*:\s*)?[A-Z][^()\d]{2,120}?\s*[-\u2013\u2014:,]\s*(?:Tel\.?\s*)?\+?\(?\d", _I),
            examples=("(Irfan Alam - 01274 432904)", "(Jill Bell / Yusuf Patel - 01274 434580 434579)"),
            counter=("(Report of the Director - 2019)x",),
            accept=lambda m, text: {"contacts": tuple(paren_contacts(text))} if paren_contacts(text) else None,
        ),
        Rule(
            "contact-details",
            """Loose contact lines after a "Contact:" label: "Tel: 0118 937 2332", "e-mail: a@b.gov.uk".""",
            re.compile(r"^(?:tel(?:ephone)?|phone|e-?mail|mobile|direct\s+line)\s*(?:[.:]\s*)?(?P<value>\S.{2,120})$", _I),
            examples=(("Tel: 0118 937 2332", {"value": "0118 937 2332"}), ("e-mail: richard.woodford@reading.gov.uk", {})),
            counter=("Telephone conferencing was used.",),
            accept=lambda m, text: {"value": m.group("value")} if (EMAIL.search(text) or _phones(text)) else None,
        ),
    ],
)
"""Contact lines (the "Contact:" label itself is a label rule)."""
