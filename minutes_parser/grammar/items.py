"""One agenda item's tokens to an :class:`~minutes_parser.models.AgendaItem`.

The reader walks the item's tokens with a current *section*: ``summary`` (agenda
text) until a heading opens another one. How each section takes paragraphs:

- ``decision`` (a "Decision:" block) takes every paragraph until the next
  heading; if a resolution heading appears inside it, only what follows that
  heading is the decision and the paragraphs before it are narrative.
- ``resolutions`` and ``recommendations`` (opened by "RESOLVED", "AGREED",
  "Recommended" ...) take paragraphs while they read as clauses: numbered or
  bulleted, starting "That"/"To", continuing a sentence the previous line left
  open, or following a lead-in ending ":". A paragraph of narrative closes the
  section; it and what follows are minutes.
- a motion (opened by "Moved by ...") collects its text until its result:
  carried, it is a resolution; lost or withdrawn, it is narrative.

What is left over (narrative, agenda text) goes to ``minutes`` or ``summary``.
A decision printed twice (in "Decision:" and again in "Minutes:") counts once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ..blocks import Block
from ..dates import parse_date
from ..models import Action, AgendaItem, Clause, Contact, DocLink, MeetingRef, Vote
from ..units import format_from_href
from ..urls import join_url
from .clauses import STEM_END, Para, parse_label, split_clauses
from .lexer import Lexed, classify
from .segment import Start
from .text import fold, reads_as_sentence, similar
from .tokens import Kind, Token
from .wording.actions import balanced
from .wording.contacts import label_contacts
from .wording.documents import split_doc_suffix

LOST_HEADING_GAP = 3
"""A run of this many empty lines before a clause stands where a capture lost the
"RESOLVED"/"Decision:" heading (the heading's line breaks survive, its text does not)."""
SIZE_BELOW = 2
"""A size line names the document on the line (or two) above it."""
FUZZY_LIMIT = 200
"""Beyond this many clauses, a repeat is found by exact folded text only (keeps long pages linear)."""

_CLAUSE_LIKE = re.compile(r"^(?:that\b|to\s+[a-z]|\(?[0-9a-zA-Z]{1,4}[.):]\s)", re.IGNORECASE)
_INFINITIVE = re.compile(
    r"^To\s+(?:approve|agree|note|endorse|adopt|accept|confirm|defer|delegate|authorise|authorize|refer|request|recommend|reject|receive\s+and\s+note|appoint|grant|refuse)\b.{0,600}[.;]$"
)
"""A minute written as the decision itself ("To approve the minutes ... as a correct record.")."""
_NARRATIVE_LEAD = re.compile(
    r"\b(?:highlighted|reported|explained|advised|provided|gave|outlined|summarised|summarized|informed|updated|presented|introduced)\b[^.]{0,120}(?:following|update|as\s+follows)?[^.]{0,60}[:;]\s*$",
    re.IGNORECASE,
)
"""A lead-in that reports what someone said: the list after it is not a decision."""
_DECISION_LEAD = re.compile(r"\b(?:resolved|agreed|decided|approved|recommended|that)\b", re.IGNORECASE)
_BE_DONE = re.compile(r"\b(?:be|is|are)\s+(?:\w+ed|given|taken|made|held|brought|undertaken|noted|approved|agreed|received|adopted)\b", re.IGNORECASE)
"""A decision's subjunctive ("be noted", "be approved"): what a "That ..." paragraph decides."""
LONE_LABEL_KEYS = frozenset(
    {"maker", "decision_status", "key", "call_in", "published", "decided", "date", "decided_at", "wards", "subject", "reference", "contact", "author"}
)
"""Labels that take a short value, which a page may print in its own box, after the label ("Decision maker:" / "Cabinet")."""
LONE_LABEL_VALUE_WORDS = 12
"""A lone label's value is at most this many words: the longest are decision makers' titles
("Cabinet Member for Adult Social Care and Health Integration", 9) and "decided at" lines
("19/10/2015 - Policy and Resources Committee"); a longer line after it is the page going on."""
_NUMBER_PREFIX = re.compile(r"^(?P<number>[\w./]{1,10}?)[.:]?\s+(?P<rest>\S.*)$")
_NO_DECISION = re.compile(
    r"^(?:none|nil|n/a|none received|there were none\.?|\([A-Z]{2,8}[\s\d/.-]{1,30}\))\.?$", re.IGNORECASE
)
"""Texts in a decision's place that decide nothing: "None.", a reference in brackets "(CAB 21/22 32680)"."""

RESOLVING = frozenset({"resolutions", "decision", "motion"})
_KEYWORD_FIRST = re.compile(r"^(?:and\s+|it\s+was\s+(?:\w+\s+)?)?(?:agreed|decided)\b", re.IGNORECASE)
""""AGREED –", "It was agreed that": the keyword form of a decision (not a sentence about a body)."""
_OWNER_LINE = re.compile(r"^\(?[A-Z][\w&,'’ ./-]{2,80}(?:\([^()]{2,40}\))?\)?$")
"""A line naming an owner under "Action by:" ("(Head of Parking Services (M. Darby)")."""


class _Section:
    __slots__ = ("checked", "explicit", "from_motion", "group", "inner", "kind", "paras", "weak")

    def __init__(self, kind: str, group: int, explicit: bool = True) -> None:
        self.kind = kind
        self.group = group
        self.explicit = explicit
        self.paras: list[Para] = []
        self.inner = False
        """For a decision block: a resolution heading appeared inside it."""
        self.from_motion = False
        """Resolutions that are a carried motion's text (a "RESOLVED" after it prints the decision itself)."""
        self.checked = kind in ("resolutions", "recommendations")
        """Paragraphs after the first must read as clauses to stay (see :meth:`ItemReader._fits`)."""
        self.weak = False
        """Opened by a sentence saying a body agreed ("The Board agreed to ..."): narrative when the
        item also records a formal decision."""


def doc_from_block(block: Block, base: str | None) -> DocLink:
    """A document from a link block (or an item block's own document)."""
    ref = block.doc
    title = ref.title if ref and ref.title else block.text
    href = ref.href if ref else block.href
    fmt = ref.format if ref else None
    size = ref.size_bytes if ref else None
    stripped, fmt2, size2 = split_doc_suffix(title)
    title = stripped or title
    fmt = fmt or fmt2 or format_from_href(href)
    return DocLink(title=title, url=join_url(base, href), format=fmt, size_bytes=size or size2)


ATTENDANCE_SIDES = frozenset({"absent"})
"""Who was absent, with no motion before it in the item, is the roll call, not a vote."""


class ItemReader:
    """Reads one item's tokens (see the module docstring)."""

    def __init__(
        self,
        lexed: Lexed,
        token_range: tuple[int, int],
        start: Start | None,
        *,
        kind: str,
        page_title: str | None,
        default_body: str | None,
        default_date: dt.date | None,
        month_first: bool,
        url: str | None,
        place: Callable[[int, str], None],
    ) -> None:
        self.lexed = lexed
        self.kind = kind
        self.url = url
        self.month_first = month_first
        self.place = place
        self.number: str | None = None
        self.title = ""
        self.line: int | None = None
        self.page: int | None = None
        self.body = default_body
        self.date = default_date
        self.sections: list[_Section] = [_Section("summary", 0, explicit=False)]
        self.group = 0
        self.actions: list[Action] = []
        self.action_keys: set[tuple[str, str]] = set()
        self.contacts: list[Contact] = []
        self.documents: list[DocLink] = []
        self.votes: list[Vote] = []
        self.vote: dict[str, Any] = {}
        self.vote_start: tuple[int, int] | None = None
        self.status: str | None = None
        self.key_decision: bool | None = None
        self.call_in: str | None = None
        self.wards: str | None = None
        self.published: dt.date | None = None
        self.decided_at: tuple[str | None, dt.date | None] = (None, None)
        self.maker: str | None = None
        self.decided: dt.date | None = None
        self.item_url: str | None = None
        self.declaration_count: int | None = None
        self.reference: str | None = None
        self.last_contact_label = False
        self.action_open = False
        self.lone_label: Token | None = None
        first, stop = token_range
        skip = self._header(start, page_title, first, stop)
        for index in range(first, stop):
            if index in skip:
                continue
            self._token(index, lexed.tokens[index])

    # ------------------------------------------------------------------ header
    def _header(self, start: Start | None, page_title: str | None, first: int, stop: int) -> set[int]:
        lexed = self.lexed
        skip: set[int] = set()
        if first < stop:
            tok = lexed.tokens[first]
            self.line, self.page = tok.line, tok.page
        if start is None:
            self.title = page_title or ""
            return skip
        self.number = start.number
        header_tokens = [i for i in range(first, stop) if lexed.tokens[i].block == start.block]
        for i in header_tokens:
            skip.add(i)
            self.place(i, "item.header")
        block = lexed.blocks[start.block]
        if block.kind == "item":
            meta = block.meta
            title = meta.get("title", "") or start.title
            stripped, fmt, size = split_doc_suffix(title)
            self.title = stripped
            if start.date:
                self.date = parse_date(start.date) or self.date
            if start.body:
                self.body = start.body
            if meta.get("date"):
                self.date = parse_date(meta["date"], month_first=self.month_first) or self.date
            if meta.get("body"):
                self.body = meta["body"]
            if meta.get("url"):
                self.item_url = join_url(self.url, meta["url"])
            if meta.get("declaration_count", "").isdigit():
                self.declaration_count = int(meta["declaration_count"])
            if block.doc is not None:
                doc = doc_from_block(block, self.url)
                self.documents.append(DocLink(title=self.title or doc.title, url=doc.url, format=doc.format, size_bytes=doc.size_bytes))
            elif fmt:
                self.documents.append(DocLink(title=stripped, format=fmt, size_bytes=size))
            return skip
        if start.scheme == "meeting-ref":
            self.body = start.body or self.body
            self.date = parse_date(start.date or "") or self.date
            self.title = page_title or ""
            nxt = self._next_text_token(start.block, stop)
            if nxt is not None:
                text = lexed.tokens[nxt].text
                m = _NUMBER_PREFIX.match(text)
                candidate = m.group("rest") if m and self.number and m.group("number").rstrip(".:") == self.number else text
                stripped, fmt, size = split_doc_suffix(candidate)
                if (m and self.number and m.group("number").rstrip(".:") == self.number) or fmt or (page_title and similar(stripped, page_title, 85)) or (
                    lexed.tokens[nxt].kind in (Kind.TEXT, Kind.MEETING, Kind.DOCUMENT) and len(stripped.split()) <= 25 and not stripped.endswith(".")
                ):
                    self.title = stripped or self.title
                    for i in range(nxt, stop):
                        if lexed.tokens[i].block != lexed.tokens[nxt].block:
                            break
                        skip.add(i)
                        self.place(i, "item.title")
            return skip
        if start.scheme == "date-title":
            self.title = start.title
            self.date = parse_date(start.date or "") or self.date
            self.body = None
            nxt = self._next_text_token(start.block, stop)
            if nxt is not None and lexed.tokens[nxt].kind is Kind.MEETING and lexed.tokens[nxt].rule == "body-line":
                # The decision maker printed under the decision's date and title.
                self.body = str(lexed.tokens[nxt].data.get("body") or "") or None
                skip.add(nxt)
                self.place(nxt, "item.meeting")
            return skip
        # A size printed after the title belongs to the item's own report: not a listed document.
        self.title = split_doc_suffix(start.title)[0]
        if start.title_block is not None:
            for i in range(first, stop):
                if start.block < lexed.tokens[i].block <= start.title_block:
                    skip.add(i)
                    self.place(i, "item.title")
        if start.rest:
            for tok in classify(start.rest, start.block, lexed.blocks[start.block]):
                self._token(-1, tok)
        return skip

    def _next_text_token(self, block: int, stop: int) -> int | None:
        tokens = self.lexed.tokens
        for i in range(self.lexed.first_token[block] if block < len(self.lexed.first_token) else 0, stop):
            tok = tokens[i]
            if tok.block <= block or tok.kind is Kind.NOISE:
                continue
            return i
        return None

    # ------------------------------------------------------------------ body
    @property
    def current(self) -> _Section:
        return self.sections[-1]

    def _open(self, kind: str, explicit: bool = True) -> _Section:
        section = _Section(kind, self.group, explicit)
        self.sections.append(section)
        return section

    def _token(self, index: int, tok: Token) -> None:
        kind = tok.kind
        place = self.place
        if self.lone_label is not None and kind is not Kind.NOISE:
            label, self.lone_label = self.lone_label, None
            if kind in (Kind.TEXT, Kind.MEETING, Kind.CONTACT) and len(tok.text.split()) <= LONE_LABEL_VALUE_WORDS:
                # The value printed in its own box after its label.
                key = str(label.data.get("key"))
                taken = attrs.evolve(label, text=f"{label.text} {tok.text}", data={**label.data, "value": tok.text.strip()})
                if self._label(taken):
                    place(index, f"item.{key}")
                    return
        if kind is Kind.NOISE or kind is Kind.PAGE_KIND:
            place(index, "noise")
            return
        if kind is Kind.BREAK or kind is Kind.ITEM:
            place(index, "structure")
            return
        if kind is Kind.SECTION:
            self._section(index, tok)
            return
        if kind is Kind.VOTE and not (tok.data.get("named_side") in ATTENDANCE_SIDES and not self.vote and not self.votes):
            self._vote(index, tok)
            return
        if kind is Kind.ACTION:
            self._action(str(tok.data.get("owner", "")).strip(" ."), tok)
            self.action_open = True
            place(index, "item.actions")
            return
        if self.action_open and kind is Kind.TEXT and _OWNER_LINE.match(tok.text):
            self._action(balanced(tok.text), tok)  # more owners listed under "Action by:"
            place(index, "item.actions")
            return
        self.action_open = False
        if kind is Kind.CONTACT:
            if tok.rule == "paren-contact":
                self.contacts.extend(
                    Contact(name=c.name, role=c.role, phone=c.phone, email=c.email, line=tok.line, page=tok.page)
                    for c in tok.data.get("contacts") or ()
                )
            elif self.last_contact_label and self.contacts:
                self._merge_contact(str(tok.data.get("value", "")))
            else:
                self.contacts.extend(label_contacts(str(tok.data.get("value", "")), tok.line))
            place(index, "item.contacts")
            return
        self.last_contact_label = False
        if kind is Kind.LABEL and self._label(tok):
            place(index, f"item.{tok.data.get('key')}")
            if not tok.data.get("value") and tok.data.get("key") in LONE_LABEL_KEYS:
                self.lone_label = tok
            return
        if kind is Kind.DOCUMENT and tok.rule == "size-line":
            self._size_line(tok)
            place(index, "item.documents")
            return
        if kind is Kind.DOCUMENT:
            if tok.data.get("link"):
                self.documents.append(doc_from_block(self.lexed.blocks[tok.block], self.url))
                place(index, "item.documents")
                return
            if self.current.kind == "documents" or len(str(tok.data.get("title", ""))) < 200:
                self.documents.append(
                    DocLink(title=str(tok.data["title"]), format=tok.data.get("format"), size_bytes=tok.data.get("size_bytes"))
                )
                place(index, "item.documents")
                return
        self._text(index, tok)

    def _size_line(self, tok: Token) -> None:
        """A size printed under a document's title: the line above was the document."""
        current = self.current
        if not current.paras or current.paras[-1].line is None or tok.line is None or tok.line - current.paras[-1].line > SIZE_BELOW:
            return  # under the item's title: its own report
        title = current.paras.pop().text.lstrip("-\u2013\u2022\u00b7 ").strip()
        self.documents.append(DocLink(title=title, format=tok.data.get("format"), size_bytes=tok.data.get("size_bytes")))

    def _section(self, index: int, tok: Token) -> None:
        data = tok.data
        section = str(data.get("section", "other"))
        current = self.current
        if section == "resolutions" and current.kind == "motion" and not current.paras:
            # "Proposed by ... Seconded by ... AND AGREED", then the decision: the motion moved is
            # what was resolved, and its vote (still open) was carried.
            current.kind = "resolutions"
            current.checked = True
            self.vote["outcome"] = self.vote.get("outcome") or "carried"
            self.place(index, "item.resolutions")
            return
        self._close_vote()
        if tok.rule == "decision-of":
            self.maker = str(data.get("who") or "") or None
            self._open("other")
            self.place(index, "item.maker")
            return
        current = self.current
        if section == "resolutions" and current.kind == "decision" and not current.inner:
            current.inner = True  # what the block said before this heading was narrative
        if section == "resolutions" and current.kind == "resolutions" and not current.paras:
            self.place(index, "item.resolutions")
            return
        if section in ("decision", "minutes", "recommendations", "summary", "documents"):
            self.group += 1
        weak = tok.rule in ("agreed", "decided") and not _KEYWORD_FIRST.match(tok.text)
        if section == "decision" and current.kind == "decision":
            if not current.paras:
                self.place(index, "item.decision")
                return
            current.inner = True  # "Decisions:" then narrative, then the "DECISION" itself
        opened = self._open(section)
        opened.weak = weak
        if section == "decision" and data.get("has_rest"):
            opened.checked = True  # "DECISION: to adopt X." on one line: narrative may follow
        self.place(index, f"item.{section}")

    def _vote(self, index: int, tok: Token) -> None:
        data = tok.data
        self.place(index, "item.votes")
        if data.get("complete") and not self.vote:
            # "Prop. IP, 2nd GL, all in favour." under the decision it records.
            start = self._unmoved_motion()
            self.vote = {k: data.get(k) for k in ("mover", "seconder", "result", "outcome", "for", "against", "abstain", "absent") if data.get(k) is not None}
            self.vote_start = start
            self._close_vote()
            return
        if tok.rule == "moved-seconded" and "result" in data:
            # "Moved, seconded and CARRIED", the motion's text below: what was pending was carried too.
            if self.vote:
                self.vote["outcome"] = self.vote.get("outcome") or data.get("outcome")
                self.vote["result"] = self.vote.get("result") or data.get("result")
            self._close_vote()
            self.votes.append(Vote(result=str(data.get("result")), outcome=str(data.get("outcome"))))
            if data.get("outcome") == "carried":
                self._open("resolutions")
            return
        if tok.rule == "motion-heading":
            if str(data.get("motion_heading", "")).endswith("motion"):
                self._close_vote()
                self._open("motion")
                self.vote = {"mover": None}
                self.vote_start = (len(self.sections) - 1, 0)
            return
        if "mover" in data:
            self._close_vote()
            current = self.current
            if not (current.kind in ("resolutions", "decision") and not current.paras):
                self._open("motion")
            self.vote = {"mover": data.get("mover"), "seconder": data.get("seconder")}
            self.vote_start = (len(self.sections) - 1, len(self.current.paras))
            return
        if "seconder" in data and "result" not in data:
            if not self.vote:
                current = self.current
                if not (current.kind in ("resolutions", "decision", "motion") and not current.paras):
                    self._open("motion")
                self.vote_start = (len(self.sections) - 1, len(self.current.paras))
            self.vote["seconder"] = data.get("seconder")
            return
        if "named_side" in data:
            side = str(data["named_side"])
            names = str(data.get("names") or "")
            self.vote.setdefault("named", []).extend((n.strip(), side) for n in re.split(r"(?:(?<!\s)\s+)?(?:,|;|\band\b)\s*", names) if n.strip() and not n.strip()[:1].isdigit())
            for key in ("for", "against", "abstain", "absent"):
                if key in data:
                    self.vote[key] = data[key]
            return
        for key in ("for", "against", "abstain", "absent"):
            if key in data:
                self.vote[key] = data[key]
        if tok.rule in ("result", "result-trailing"):
            self.vote["result"] = data["result"]
            self.vote["outcome"] = data.get("outcome")
            self._close_vote()

    def _close_vote(self) -> None:
        vote = self.vote
        if not vote:
            return
        self.vote = {}
        start = self.vote_start
        self.vote_start = None
        outcome = vote.get("outcome")
        if start is None and (outcome is not None or "for" in vote):
            start = self._unmoved_motion()  # a result or a count printed under the clause it decided
        motion_paras: list[Para] = []
        if start is not None:
            for s_index in range(start[0], len(self.sections)):
                section = self.sections[s_index]
                paras = section.paras[start[1] :] if s_index == start[0] else section.paras
                if section.kind in ("motion", "resolutions", "decision"):
                    motion_paras.extend(paras)
        self.votes.append(
            Vote(
                motion=" ".join(p.text for p in motion_paras) or None,
                mover=vote.get("mover"),
                seconder=vote.get("seconder"),
                result=vote.get("result"),
                outcome=outcome,
                for_count=vote.get("for"),
                against_count=vote.get("against"),
                abstain_count=vote.get("abstain"),
                absent_count=vote.get("absent"),
                named=tuple(vote.get("named") or ()),
            )
        )
        if start is None:
            return
        for s_index in range(start[0], len(self.sections)):
            section = self.sections[s_index]
            if section.kind == "motion":
                section.kind = "resolutions" if outcome == "carried" else "lost" if outcome else "motion"
                section.from_motion = outcome == "carried"
            elif section.kind == "resolutions" and outcome in ("lost", "withdrawn", "deferred", "tied"):
                section.kind = "lost"
        if outcome is not None:
            self._open("minutes", explicit=False)

    def _unmoved_motion(self) -> tuple[int, int] | None:
        """A result printed with no mover: the motion is the clause just above it ("THAT Council close
        ..." then "RESULT: CARRIED"), or the open motion or resolution section."""
        current = self.sections[-1]
        if current.kind in ("motion", "resolutions") and current.paras:
            return len(self.sections) - 1, 0
        paras = current.paras
        k = len(paras)
        while k > 0 and (_CLAUSE_LIKE.match(paras[k - 1].text) or (k < len(paras) and not paras[k - 1].text.rstrip().endswith((".", ";")))):
            k -= 1
        if k == len(paras) or not _CLAUSE_LIKE.match(paras[k].text):
            return None
        moved = _Section("motion", current.group, explicit=False)
        moved.paras = paras[k:]
        del paras[k:]
        self.sections.append(moved)
        return len(self.sections) - 1, 0

    def _label(self, tok: Token) -> bool:
        key = str(tok.data.get("key"))
        value = str(tok.data.get("value") or "")
        if key == "maker":
            self.maker = value or None
        elif key == "decision_status":
            self.status = value or None
        elif key == "key":
            self.key_decision = value.lower().startswith("y") if value else None
        elif key == "call_in":
            self.call_in = value or None
        elif key == "published":
            self.published = parse_date(value)
        elif key == "decided":
            self.decided = parse_date(value, month_first=self.month_first)
        elif key == "date" and self.kind == "decision":
            self.decided = self.decided or parse_date(value, month_first=self.month_first)
        elif key == "decided_at":
            m = re.match(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+-\s+(?P<title>\S.*)$", value)
            self.decided_at = (m.group("title").strip(), parse_date(m.group("date"))) if m else (None, parse_date(value))
        elif key == "contact":
            self.contacts.extend(label_contacts(value, tok.line))
            self.last_contact_label = True
            return True
        elif key == "wards":
            self.wards = value or None
        elif key == "subject":
            if not self.title:
                self.title = value
        elif key == "reference":
            self.reference = value or None
        elif key == "attachments":
            if value:
                title, fmt, size = split_doc_suffix(value)
                self.documents.append(DocLink(title=title, format=fmt, size_bytes=size))
            else:
                self._open("documents")
        elif key == "author":
            # "Report author: Hilary Dineen": a contact whose role is the label's own wording.
            label = re.split(r"\s*(?::-|:|\|)", tok.text, maxsplit=1)[0].strip()
            self.contacts.extend(attrs.evolve(c, role=c.role or label) for c in label_contacts(value, tok.line))
        elif key in ("effective", "meta"):
            pass
        else:
            return False
        if key != "attachments":
            self._open("meta", explicit=False)
        return True

    def _merge_contact(self, value: str) -> None:
        found = label_contacts(value)
        if not found:
            return
        last = self.contacts[-1]
        extra = found[0]
        self.contacts[-1] = Contact(
            name=last.name, role=last.role, phone=last.phone or extra.phone, email=last.email or extra.email, line=last.line
        )
        self.last_contact_label = True

    # ------------------------------------------------------------------ text
    def _text(self, index: int, tok: Token) -> None:
        text = tok.text.strip()
        if not text:
            self.place(index, "noise")
            return
        if tok.data.get("action"):
            self._action(str(tok.data["action"]).strip(" ."), tok, text)
        current = self.current
        block = self.lexed.blocks[tok.block] if tok.block < len(self.lexed.blocks) else None
        if (
            block is not None
            and block.gap >= LOST_HEADING_GAP
            and (current.kind not in RESOLVING | {"recommendations"} or (current.kind == "motion" and self.vote))
            and (_CLAUSE_LIKE.match(text) or text[:1].islower() or current.kind == "motion")
        ):
            if current.kind == "motion":
                self._close_vote()
            current = self._open("resolutions", explicit=False)
        elif (current.checked or tok.data.get("lead_in")) and current.paras and not self._fits(current, text, tok):
            current = self._open("minutes", explicit=False)
        current.paras.append(Para(text, tok.line, tok.page))
        self.place(index, f"item.{current.kind}")

    def _fits(self, section: _Section, text: str, tok: Token) -> bool:
        """Does ``text`` continue the clauses of ``section``?"""
        previous = section.paras[-1].text
        if tok.data.get("lead_in"):
            return False
        if previous.rstrip().endswith((":", ":-")):
            return True
        if not previous.rstrip().endswith((".", ";", "!", "?", ")", "”", '"')) and not previous.rstrip().endswith(","):
            return True  # a sentence the previous line left open
        if text[:1].islower():
            return True
        label = parse_label(text)
        if label is not None:
            return True
        if _CLAUSE_LIKE.match(text):
            return True
        letter = re.match(r"^([A-Z])\s+[A-Z]", text)
        first = re.match(r"^([A-Z])\s+[A-Z]", section.paras[-1].text)
        return bool(letter and first and ord(letter.group(1)) == ord(first.group(1)) + 1)

    def _action(self, owner: str, tok: Token, text: str | None = None) -> None:
        if not owner:
            return
        if text is None:
            for section in reversed(self.sections):
                if section.kind in RESOLVING and section.paras:
                    text = section.paras[-1].text
                    break
        key = (fold(owner), fold(text or ""))
        if key in self.action_keys:
            return
        self.action_keys.add(key)
        self.actions.append(Action(owner=owner, text=text, line=tok.line, page=tok.page))

    # ------------------------------------------------------------------ finish
    def finish(self) -> AgendaItem:
        """The item read so far."""
        self._close_vote()
        summary: list[str] = []
        minutes: list[str] = []
        reasons: list[str] = []
        alternatives: list[str] = []
        interests: list[str] = []
        rec_set, res_set = _ClauseSet(), _ClauseSet()
        has_resolved = any(s.kind == "resolutions" and s.paras for s in self.sections)
        formal = any(s.kind in ("resolutions", "decision") and s.paras and not s.weak and not s.from_motion for s in self.sections)
        for n, section in enumerate(self.sections):
            if section.from_motion and any(s.kind == "resolutions" and s.paras and not s.from_motion for s in self.sections[n + 1 :]):
                section.kind = "minutes"  # the motion's text; the decision is printed after it
            elif section.weak and section.kind == "resolutions" and formal:
                section.kind = "minutes"  # narrative beside the formal decision
            paras = section.paras
            if not paras:
                continue
            kind = section.kind
            if kind == "decision" and section.inner:
                minutes.extend(p.text for p in paras)
            elif kind == "recommendations":
                rec_set.merge(_clauses(paras), section.group)
            elif kind == "resolutions" or (kind == "decision" and not has_resolved):
                res_set.merge(_clauses(paras), section.group)
            elif kind == "decision":
                minutes.extend(p.text for p in paras)
            elif kind == "summary":
                summary.extend(p.text for p in paras)
            elif kind == "reasons":
                reasons.extend(p.text for p in paras)
            elif kind == "alternatives":
                alternatives.extend(p.text for p in paras)
            elif kind == "interests":
                interests.extend(p.text for p in paras)
            else:
                minutes.extend(p.text for p in paras)
        recs, resolutions = rec_set.clauses, res_set.clauses
        if not resolutions and not has_resolved:
            resolutions = self._infinitive_decisions()
        if not resolutions and not has_resolved and self.kind in ("issue_decisions", "decision", "issue_history"):
            resolutions = self._fallback()
        body, date = self.body, self.date
        if self.kind == "decision" or self.maker or self.decided or self.decided_at != (None, None):
            at_body, at_date = self.decided_at
            body = self.maker or at_body or body
            date = self.decided or at_date or date
        meeting = MeetingRef(body=body, date=date) if (body or date) else None
        return AgendaItem(
            number=self.number,
            title=self.title,
            meeting=meeting,
            summary=" ".join(summary) or None,
            recommendations=tuple(recs),
            resolutions=tuple(resolutions),
            actions=tuple(self.actions),
            contacts=tuple(_dedupe_contacts(self.contacts)),
            documents=tuple(dedupe_docs(self.documents)),
            minutes=" ".join(minutes) or None,
            votes=tuple(self.votes),
            declaration_count=self.declaration_count,
            reference=self.reference,
            status=self.status,
            key_decision=self.key_decision,
            call_in=self.call_in,
            reasons=" ".join(reasons) or None,
            alternatives=" ".join(alternatives) or None,
            interests=" ".join(interests) or None,
            wards=self.wards,
            published=self.published,
            url=self.item_url,
            line=self.line,
            page=self.page,
        )

    def _infinitive_decisions(self) -> list[Clause]:
        paras = [p for s in self.sections if s.kind == "minutes" and s.explicit for p in s.paras]
        found = [p for p in paras if _INFINITIVE.match(p.text)]
        return split_clauses(found) if found else []

    def _fallback(self) -> list[Clause]:
        """A decision page whose heading was lost: a run of clauses after a decision lead-in, or "That ..." paragraphs."""
        paras = [p for s in self.sections if s.kind in ("summary", "minutes", "decision", "meta", "documents") for p in s.paras]
        if not paras:
            return []
        for index, para in enumerate(paras):
            label = parse_label(para.text)
            if label is None or label.style == "bullet":
                continue
            lead = paras[index - 1].text if index else ""
            if index and STEM_END.search(lead) and (_NARRATIVE_LEAD.search(lead) or not _DECISION_LEAD.search(lead)):
                return []
            if not index or STEM_END.search(lead) or label.rest.lower().startswith(("that", "to ")):
                begin = index - 1 if index and STEM_END.search(lead) else index
                return split_clauses(paras[begin:])
            break
        thats = [p for p in paras if p.text[:5].lower() == "that " and _BE_DONE.search(p.text) and not reads_as_sentence(p.text)]
        if thats:
            return split_clauses(thats)
        return []


def _clauses(paras: Sequence[Para]) -> list[Clause]:
    clauses = split_clauses(list(paras))
    return [c for c in clauses if not _NO_DECISION.match(c.text)]


class _ClauseSet:
    """Clauses in page order; one printed again in another block counts once, repeats within one block stay."""

    __slots__ = ("by_text", "clauses", "texts")

    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.by_text: dict[str, set[int]] = {}
        self.texts: list[tuple[str, int]] = []

    def merge(self, new: list[Clause], group: int) -> None:
        """Add ``new`` clauses read in block ``group``."""
        for clause in new:
            key = fold(clause.text)
            seen = self.by_text.get(key)
            if seen is not None and seen - {group}:
                continue
            if (
                seen is None
                and len(self.texts) <= FUZZY_LIMIT
                and any(g != group and similar(clause.text, text) for text, g in self.texts)
            ):
                continue
            self.clauses.append(clause)
            self.by_text.setdefault(key, set()).add(group)
            if len(self.texts) <= FUZZY_LIMIT:
                self.texts.append((clause.text, group))


def dedupe_docs(docs: Sequence[DocLink]) -> list[DocLink]:
    """One entry per document: the same URL (or, without URLs, the same title) counts once."""
    by_key: dict[str, DocLink] = {}
    for doc in docs:
        if doc.url:
            if doc.url in by_key:
                continue
            untitled = by_key.get("title:" + doc.title)
            if untitled is not None and not untitled.url:
                del by_key["title:" + doc.title]
            by_key[doc.url] = doc
            by_key.setdefault("title:" + doc.title, doc)
        elif "title:" + doc.title not in by_key:
            by_key["title:" + doc.title] = doc
    out: list[DocLink] = []
    ids: set[int] = set()
    for doc in by_key.values():
        if id(doc) not in ids:
            ids.add(id(doc))
            out.append(doc)
    return out


def _dedupe_contacts(contacts: Sequence[Contact]) -> list[Contact]:
    out: list[Contact] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    names: set[str] = set()
    for contact in contacts:
        name = (contact.name or "").lower()
        key = name, contact.phone, contact.email
        if key in seen or (name and name in names):
            continue
        seen.add(key)
        if name:
            names.add(name)
        out.append(contact)
    return out
