"""Clause numbering: "(1)", "1.", "1)", "(a)", "a)", "(i)", "i.", "A:", bullets.

Numbered clauses are separate; sub-clauses in another numbering style stay in
their parent's text; a stem ("That the Committee note that:-") before two or
more numbered clauses is not a clause of its own; unnumbered paragraphs are one
clause each.

>>> [c.text for c in split_clauses([Para("(1) That A.", 1), Para("(2) That B.", 2)])]
['That A.', 'That B.']
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from ..models import Clause

STEM_END = re.compile(r"(?::-?|;|\bthat(?:\s*[-\u2013:])?|\bfollows|\bfollowing|\u2013|-|\bto)\s*$", re.IGNORECASE)
"""A lead-in that numbered clauses complete ("That the Committee note that:-", "The Cabinet Members agree to;").
The spaces after "that" are read once whether or not a colon or dash follows them."""

_LABEL = re.compile(
    r"^(?:\((?P<p>\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})\)"
    r"|(?P<n>\d{1,3}(?:\.\d{1,3}){1,2})\.?(?=\s)"
    r"|(?P<d>\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})(?:[.)](?=\s|$)|:(?=\s)))"
    r"\s*(?P<rest>.*)$",
    re.DOTALL,
)
_BULLET = re.compile(
    r"^(?P<b>[\u00b7\u2022\u25aa\u25cf\u25e6\u2023\u2219\uf0b7\u2013\-*o\u00a7])\s+(?P<rest>\S.*)$", re.DOTALL
)
_ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")
_TERMINAL = re.compile(r"[.;:!?]\s*$")


class Para(NamedTuple):
    """A paragraph handed to the clause splitter."""

    text: str
    line: int | None
    page: int | None = None


class _Open:
    """A clause being built."""

    __slots__ = ("label", "line", "page", "text")

    def __init__(self, label: str | None, text: str, line: int | None, page: int | None = None) -> None:
        self.label = label
        self.text = text
        self.line = line
        self.page = page


class _Label(NamedTuple):
    label: str
    style: str
    rest: str


def _roman_value(label: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    prev = 0
    for ch in reversed(label.lower()):
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _style(label: str, previous: tuple[str, str] | None) -> str:
    if label.isdigit():
        return "num"
    if "." in label:
        return "dotted"
    lower = label.lower()
    roman = bool(_ROMAN.match(lower))
    case = "lower" if label.islower() else "upper"
    if roman and len(label) > 1:
        return "roman-" + case
    if roman:
        if previous is not None:
            prev_label, prev_style = previous
            if prev_style.startswith("roman") and _roman_value(lower) == _roman_value(prev_label) + 1:
                return "roman-" + case
            if prev_style.startswith("alpha") and len(prev_label) == 1 and ord(lower) == ord(prev_label.lower()) + 1:
                return "alpha-" + case
        if lower == "i":
            return "roman-" + case
    return "alpha-" + case


def parse_label(text: str, previous: tuple[str, str] | None = None) -> _Label | None:
    """Return the clause label at the start of ``text`` and the text after it."""
    m = _LABEL.match(text)
    if m is not None:
        label = m.group("p") or m.group("n") or m.group("d")
        rest = m.group("rest").strip()
        if m.group("n") and rest[:1] in ("-", "\u2013"):
            return None  # "12.59 - Pursuant to ...": a time, not a label
        return _Label(label, _style(label, previous), rest)
    b = _BULLET.match(text)
    if b is not None:
        return _Label(b.group("b"), "bullet", b.group("rest").strip())
    return None


_OPEN_END = re.compile(r"\b(?:of|the|and|or|for|to|in|on|by|with|a|an|be|as|that|from|at)$", re.IGNORECASE)


def _continues(previous: str, text: str) -> bool:
    """``text`` carries on a sentence ``previous`` left open (a line wrapped in the capture)."""
    if _TERMINAL.search(previous) or previous.rstrip().endswith(("”", '"', ")")):
        return False
    return text[:1].islower() or _OPEN_END.search(previous.rstrip()) is not None


_INLINE_LABEL = re.compile(
    r"^(?P<stem>.{2,400}?(?::-?|\bthat))\s*(?P<rest>(?:\(?[a-z]\)|\(?\d{1,2}[.)]|\([ivx]{1,4}\))\s*\S.*)$"
)
"""A lead-in and its first numbered clause on one line: "That the Committee: a) accept ..."."""
_GLUED_LABEL = re.compile(r"(?<=[.;])(?=\d{1,2}\.\s+[a-z])")
"""Clauses run together by a capture: "... be confirmed.2. in the event ..."."""


_BARE_LETTER = re.compile(r"^(?P<l>[A-Z])\s+(?=[A-Z])")
"""A capital letter as a label without brackets ("A Subject to ...", "B That ..."): a label only
when paragraphs run A, B, C."""


def _bare_letters(paras: list[Para]) -> list[Para]:
    letters = [(_BARE_LETTER.match(p.text) or None) for p in paras]
    run = [m.group("l") for m in letters if m is not None]
    if len(run) < 2 or run[0] != "A" or any(ord(b) - ord(a) != 1 for a, b in itertools.pairwise(run)):
        return paras
    return [Para(f"{m.group('l')}) {p.text[m.end():]}", p.line, p.page) if m is not None else p for p, m in zip(paras, letters, strict=True)]


def _unglue(paras: list[Para]) -> list[Para]:
    paras = _bare_letters(paras)
    out: list[Para] = []
    for para in paras:
        pieces = [para.text]
        m = _INLINE_LABEL.match(para.text) if parse_label(para.text) is None else None
        if m is not None and parse_label(m.group("rest")) is not None:
            pieces = [m.group("stem"), m.group("rest")]
        for piece in pieces:
            for part in _GLUED_LABEL.split(piece):
                if part.strip():
                    out.append(Para(part.strip(), para.line, para.page))
    return out


STEM_MAX = 80
"""A lead-in that numbered clauses complete is short ("That Cabinet:", "RESOLVED that:"); a longer
sentence ending in a colon is a clause of its own that lists what it covers."""
_SUBJUNCTIVE = re.compile(r"\bbe\s+\w+", re.IGNORECASE)


def _takes_list(text: str) -> bool:
    """A complete clause that ends by introducing a list ("THAT a meeting be held ... to consider the following:")."""
    return len(text) > STEM_MAX and text.rstrip().endswith(":") and _SUBJUNCTIVE.search(text) is not None


def split_clauses(paras: list[Para]) -> list[Clause]:
    """Turn a section's paragraphs into clauses (see the module docstring)."""
    paras = _unglue(paras)
    stems: list[Para] = []
    top: list[_Open] = []
    top_style: str | None = None
    last_top: tuple[str, str] | None = None
    pending_label: _Label | None = None
    for para in paras:
        text = para.text.strip()
        if not text:
            continue
        if pending_label is not None:
            lab: _Label | None = _Label(pending_label.label, pending_label.style, text)
            pending_label = None
        else:
            lab = parse_label(text, last_top if top_style else None)
            if lab is not None and not lab.rest:
                pending_label = lab
                continue
        if lab is not None and not top and stems and _takes_list(stems[-1].text):
            # "THAT a closed meeting be held ... to consider the following:" then "1. ...": the list is part of the clause.
            last = stems.pop()
            top.append(_Open(None, f"{last.text} {text}", last.line, last.page))
            top_style = "list"
            continue
        if lab is not None and top_style == "list":
            top[-1].text = f"{top[-1].text} {text}"
            continue
        if lab is not None:
            if top_style is None or lab.style == top_style:
                top_style = lab.style
                last_top = (lab.label, lab.style)
                top.append(_Open(lab.label, lab.rest, para.line, para.page))
            elif top:
                top[-1].text = f"{top[-1].text} {text}"
            else:
                top.append(_Open(lab.label, lab.rest, para.line, para.page))
            continue
        if not top:
            if stems and _continues(stems[-1].text, text):
                last = stems[-1]
                stems[-1] = Para(f"{last.text} {text}", last.line, last.page)
            else:
                stems.append(para)
            continue
        previous = top[-1].text
        if _continues(previous, text) or previous.endswith(":"):
            top[-1].text = f"{previous} {text}"
        else:
            top.append(_Open(None, text, para.line, para.page))
    out: list[Clause] = []
    if stems and top and STEM_END.search(stems[-1].text):
        stems = stems[:-1]  # a lead-in the clauses complete is not a clause of its own
    for para in stems:
        if len(para.text) < 12 and para.text.rstrip().endswith((":", ":-")):
            continue  # a bare lead-in ("to:", "that:-") with nothing after it
        out.append(Clause(label=None, text=para.text.strip(), line=para.line, page=para.page))
    for clause in top:
        out.append(Clause(label=clause.label, text=clause.text.strip(), line=clause.line, page=clause.page))
    return out
