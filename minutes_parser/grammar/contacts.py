"""Officer contacts as minutes print them.

>>> [c.name for c in paren_contacts("(Jill Bell / Yusuf Patel - 01274 434580 434579)")]
['Jill Bell', 'Yusuf Patel']
>>> label_contacts("Jane Smith, Democratic Services, 01234 567890, jane.smith@x.gov.uk")[0].email
'jane.smith@x.gov.uk'
"""

from __future__ import annotations

import re

from ..models import Contact
from .rules import EMAIL, PAREN_CONTACT, PHONE, ROLE_WORDS, looks_like_name

_CONTACT_WORD = re.compile(r"^\(\s*(?:contact(?:\s+officer)?|report\s+author|tel(?:ephone)?)\s*:\s*", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:/|&|\band\b)\s*")
_NOISE_WORDS = re.compile(
    r"\b(?:tel(?:ephone)?|phone|e-?mail|mobile|ext(?:ension)?|fax|or|on)\b\.?\s*:?", re.IGNORECASE
)
_PARTS = re.compile(r"\s*(?:,|;|\s[-\u2013\u2014]\s|:|\s{2,}|\(|\))\s*")


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
