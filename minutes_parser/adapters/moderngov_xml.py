"""ModernGov web-service answers (mgWebService.asmx), parsed safely.

System: ModernGov's XML web service. Page kinds: ``meeting`` (GetMeeting),
``meeting_list`` (GetMeetings), ``committee_list`` (GetCommittees),
``people`` (GetCouncillorsByWard, GetCouncillorsByWardId, GetMemberGroup) and
``attachment`` (GetAttachment).

The XML comes from the network, so it is read by the one safe parser in
:mod:`minutes_parser.decode` (no entities, no DTD, no network, huge-tree
protection). The item HTML it carries as escaped text (``agendatext``,
``decisionnonemptyhtmlbody``, ``minutesnonemptyhtmlbody``) goes through the
HTML parser and the same renderer and grammar as ModernGov's HTML pages, so
"RESOLVED – (1) ... (2) ..." becomes labelled clauses, once. Test pages:
``tests/corpus/moderngov-xml``; every answer in ``shared/raw/moderngov-xml``
is swept by the tests.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from lxml import etree

from ..blocks import Block, DocRef, clean
from ..dates import find_time, parse_date
from ..decode import Page, parse_html
from ..htmlblocks import render, unescape_twice
from ..models import Body, DocLink, Document, Meeting, Person
from ..registry import BaseAdapter
from ..urls import join_url

_ROOTS = {
    "meeting": "meeting",
    "getmeetings": "meeting_list",
    "committees": "committee_list",
    "councillorsbyward": "people",
    "councillorsbywardid": "people",
    "memberlist": "people",
    "attachment": "attachment",
}
_ROOT_TAGS = tuple(f"<{name}" for name in _ROOTS)
"""How each answer's root element opens (the head is lower-cased, as the roots are matched)."""
_AGENDA_ITEMS = etree.XPath("./agendaitems/agendaitem")
_LINKED_DOCS = etree.XPath("./linkeddocuments/linkeddoc")
_ATTENDEES = etree.XPath("./attendees/attendee")
_COMMITTEES = etree.XPath("./committee")
_COMMITTEE_MEETINGS = etree.XPath("./committeemeetings/meeting")
_WARDS = etree.XPath("./wards/ward")
_COUNCILLORS = etree.XPath("./councillors/councillor")
_MEMBERS = etree.XPath("./members/member")
_ATTACHMENTS = etree.XPath("./attachmentdetails")
_SECTIONS = (
    ("agendatext", None),
    ("decisionnonemptyhtmlbody", "decision"),
    ("minutesnonemptyhtmlbody", "minutes"),
)
"""The item elements holding HTML, and the section each is."""


def _text(el: Any, tag: str) -> str:
    """Cleaned, fully unescaped text of child ``tag`` ("" when absent)."""
    value = el.findtext(tag)
    return clean(unescape_twice(value)) if value else ""


def _fields(el: Any, wanted: frozenset[str]) -> dict[str, str]:
    """Child tag → cleaned text, for the ``wanted`` tags only (the first child of a tag with any text).

    Records carry about thirty fields and a reader uses a few: one pass over the
    children, and only the wanted ones are cleaned.
    """
    out: dict[str, str] = {}
    for child in el:
        tag = child.tag
        if tag in wanted and tag not in out and child.text:
            text = clean(unescape_twice(child.text))
            if text:
                out[tag] = text
    return out


_PERSON_FIELDS = frozenset(
    [
        "fullusername",
        "politicalpartytitle",
        "politicalgrouptitle",
        "representing",
        "keyposts",
        "photobigurl",
        "photosmallurl",
    ]
)
"""The fields of a councillor or member record that a Person reads."""
_ADDRESS_FIELDS = frozenset(["line1", "line2", "line3", "line4", "line5", "postcode", "phone", "mobile", "email"])
"""The fields of an address record that a Person reads."""


def _html_blocks(fragment: str) -> list[Block]:
    """Escaped HTML from the XML, through the HTML parser and the renderer."""
    if not fragment or not fragment.strip():
        return []
    try:
        root = parse_html(f"<div>{fragment}</div>")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return [Block(kind="para", text=clean(fragment))]
    if root is None:
        return []
    body = root.find("body")
    return render(body if body is not None else root)


class ModernGovXmlAdapter(BaseAdapter):
    """Reads ModernGov web-service XML."""

    name: ClassVar[str] = "moderngov-xml"
    page_kinds: ClassVar[tuple[str, ...]] = tuple(dict.fromkeys(_ROOTS.values()))

    def detect(self, page: Page) -> float:
        """Known answer roots (``<meeting>``, ``<getmeetings>``, ...) of well-formed XML."""
        head = page.head
        if not page.looks_like_markup or "<html" in head or "<!doctype html" in head:
            return 0.0
        if not any(tag in head for tag in _ROOT_TAGS):
            return 0.0  # no answer's root element opens the page: not worth an XML parse
        root = page.xml_root()
        if root is None or not isinstance(root.tag, str):
            return 0.0
        kind = _ROOTS.get(root.tag.lower())
        if kind is None:
            return 0.0
        score = 0.7
        if (
            (root.tag == "meeting" and root.find("meetingid") is not None)
            or (root.tag in ("getmeetings", "committees") and root.find("committee") is not None)
            or root.find("wards") is not None
            or root.find("members") is not None
            or root.find("attachmentdetails") is not None
        ):
            score = 0.95
        if page.url and "mgwebservice" in page.url.lower():
            score = 1.0
        return score

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """Blocks for GetMeeting; structured records for the list answers."""
        root = page.xml_root()
        if root is None:
            return [], {}
        kind = _ROOTS.get(str(root.tag).lower(), "meeting")
        hints: dict[str, Any] = {"page_kind": kind}
        if kind == "meeting":
            return self._meeting(root, page.url, hints)
        if kind == "meeting_list":
            hints["meetings"] = [m for c in _COMMITTEES(root) for m in _committee_meetings(c, page.url)]
            hints["bodies"] = [_body(c) for c in _COMMITTEES(root)]
        elif kind == "committee_list":
            hints["bodies"] = [_body(c) for c in _COMMITTEES(root)]
        elif kind == "people":
            people = [_person(c, _text(w, "wardtitle")) for w in _WARDS(root) for c in _COUNCILLORS(w)]
            people += [_person(m, None) for m in _MEMBERS(root)]
            hints["people"] = people
        elif kind == "attachment":
            meetings = []
            for att in _ATTACHMENTS(root):
                meetings.append(
                    Meeting(
                        body=_text(att, "committeetitle") or None,
                        date=parse_date(_text(att, "meetingdate")),
                        documents=(_doc(att, page.url),),
                    )
                )
            hints["meetings"] = meetings
        return [], hints

    def parse(self, page: Page) -> Document:
        """As the base; items then get their ``agendaitemid`` (matched in order by printed number and title)."""
        doc = super().parse(page)
        root = page.xml_root()
        if root is None or str(root.tag).lower() != "meeting" or not doc.items:
            return doc
        pending = [
            (
                _text(i, "fulldisplaynumberformat").rstrip(".") or _text(i, "agendaitemnumber"),
                _text(i, "agendaitemtitle"),
                _text(i, "agendaitemid"),
            )
            for i in _AGENDA_ITEMS(root)
        ]
        items = []
        for item in doc.items:
            found = next((p for p in pending if (p[0] or None) == item.number and p[1] == item.title), None)
            found = found or next((p for p in pending if p[1] == item.title or (p[0] and p[0] == item.number)), None)
            if found is not None:
                pending.remove(found)
                item = attrs.evolve(item, system_id=item.system_id or found[2] or None)
            items.append(item)
        return attrs.evolve(doc, items=tuple(items))

    def _meeting(self, root: Any, url: str | None, hints: dict[str, Any]) -> tuple[list[Block], dict[str, Any]]:
        items = _AGENDA_ITEMS(root)
        body = None
        for item in items:
            body = _text(item, "refertocommittee") or None
            if body:
                break
        if body is None:
            for doc in root.iter("linkeddoc"):
                body = _text(doc, "committeetitle") or None
                if body:
                    break
        attendance = tuple(
            Person(
                name=clean(a.get("name") or ""),
                party=clean(a.get("politicalparty") or "") or None,
                ward=clean(a.get("ward") or "") or None,
                role=clean(a.get("roledescription") or "") or None,
                attendance=clean(a.get("attendance") or "") or None,
            )
            for a in _ATTENDEES(root)
        )
        hints["meeting"] = Meeting(
            body=body,
            date=parse_date(_text(root, "meetingdate")),
            time=find_time(_text(root, "meetingtime")),
            end_time=find_time(_text(root, "meetingplannedfinishtime")),
            location=_text(root, "meetinglocation") or None,
            status=_text(root, "meetingstatus") or None,
            attendance=attendance,
            system_id=_text(root, "meetingid") or None,
            committee_id=_text(root, "committeeid") or None,
        )
        blocks: list[Block] = []
        for item in items:
            number = _text(item, "fulldisplaynumberformat").rstrip(".") or _text(item, "agendaitemnumber")
            title = _text(item, "agendaitemtitle")
            meta = {"number": number, "title": title, "scheme": "row"}
            count = _text(item, "declarationcount")
            if count.isdigit():
                meta["declaration_count"] = count
            blocks.append(Block(kind="item", meta=meta))
            for tag, heading in _SECTIONS:
                section = _html_blocks(item.findtext(tag) or "")
                if not section:
                    continue
                if heading:
                    blocks.append(Block(kind="section", meta={"section": heading}))
                blocks.extend(section)
            docs = _LINKED_DOCS(item)
            if docs:
                blocks.append(Block(kind="section", meta={"section": "documents"}))
                for doc in docs:
                    link = _doc(doc, url)
                    ref = DocRef(title=link.title, href=link.url, format=link.format, size_bytes=link.size_bytes)
                    blocks.append(Block(kind="link", text=link.title, href=link.url or "", doc=ref))
        return blocks, hints


def _doc(el: Any, base: str | None) -> DocLink:
    href = join_url(base, _text(el, "url") or None)
    return DocLink(title=_text(el, "title"), url=href, format="pdf" if href and "mgConvert2PDF" in href else None)


def _body(el: Any) -> Body:
    expired = _text(el, "committeeexpired").lower() == "true" or _text(el, "committeedeleted").lower() == "true"
    return Body(
        name=_text(el, "committeetitle"),
        id=_text(el, "committeeid") or None,
        category=_text(el, "committeecategory") or None,
        active=not expired if el.find("committeeexpired") is not None else None,
    )


def _committee_meetings(committee: Any, url: str | None) -> list[Meeting]:
    body = _text(committee, "committeetitle") or None
    committee_id = _text(committee, "committeeid") or None
    return [
        Meeting(
            body=body,
            date=parse_date(_text(m, "meetingdate")),
            time=find_time(_text(m, "meetingtime")),
            status=_text(m, "meetingstatus") or None,
            system_id=_text(m, "meetingid") or None,
            committee_id=committee_id,
        )
        for m in _COMMITTEE_MEETINGS(committee)
    ]


_ADDRESSES = ("workaddress", "homeaddress")
"""A record's address elements, in the order a Person's address, phone and e-mail are taken from them."""


def _person(el: Any, ward: str | None) -> Person:
    fields: dict[str, str] = {}
    addresses: dict[str, Any] = {}
    for child in el:  # one pass: the wanted fields, cleaned, and the first of each address element
        tag = child.tag
        if tag in _PERSON_FIELDS:
            if tag not in fields and child.text:
                text = clean(unescape_twice(child.text))
                if text:
                    fields[tag] = text
        elif tag in _ADDRESSES and tag not in addresses:
            addresses[tag] = child
    address_parts: list[str] = []
    phone = email = None
    for tag in _ADDRESSES:
        part = addresses.get(tag)
        if part is None:
            continue
        sub = _fields(part, _ADDRESS_FIELDS)
        lines = [sub.get(f"line{i}", "") for i in range(1, 6)] + [sub.get("postcode", "")]
        if not address_parts and any(lines):
            address_parts = [line for line in lines if line]
        phone = phone or sub.get("phone") or sub.get("mobile")
        email = email or sub.get("email")
    return Person(
        name=fields.get("fullusername", ""),
        party=fields.get("politicalpartytitle") or fields.get("politicalgrouptitle"),
        ward=ward or fields.get("representing"),
        role=fields.get("keyposts"),
        email=email,
        phone=phone,
        address=", ".join(address_parts) or None,
        photo_url=fields.get("photobigurl") or fields.get("photosmallurl"),
    )
