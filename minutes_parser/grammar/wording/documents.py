"""Documents listed in text: a title followed by its format and size.

>>> split_doc_suffix("Report pdf icon PDF 129 KB")
('Report', 'pdf', 132096)
>>> split_doc_suffix("Minutes of the last meeting")[1] is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...units import normalise_format, to_bytes
from ..ruler import Rule, Ruler

_I = re.IGNORECASE

DOC_SUFFIX = re.compile(
    r"(?:\b(?:pdf|word|excel|powerpoint|html|text|rtf|zip|doc|docx|xls|xlsx)\s+icon\s*)?"
    r"(?:\b(?P<fmt>PDF|DOCX?|XLSX?|PPTX?|RTF|HTML?|TXT|CSV|ODT|ODS|ZIP|MSG|JPE?G|PNG)\s*|,\s*)"
    r"(?P<size>\d{1,6}(?:\.\d{1,3})?)\s*(?P<unit>KB|MB|GB|K|B|bytes)\b\.?\s*$"
    r"|(?<!\s)\s*\((?P<size2>\d{1,6}(?:\.\d{1,3})?)\s*(?P<unit2>KB|MB|K|B)(?:/bytes)?\)\s*$",
    _I,
)
"""A trailing size: "pdf icon PDF 129 KB", "PDF 51 KB", "Agenda, 515kb", "(28K/bytes)". The spaces
before a bracketed size start where their run starts (a start inside the run would match only
what the run's start matches, and trying each one is quadratic)."""


def split_doc_suffix(text: str) -> tuple[str, str | None, int | None]:
    """Split "Report pdf icon PDF 129 KB" into ("Report", "pdf", 132096); (text, None, None) otherwise."""
    tail = text[-12:].lower()
    if not any(ch.isdigit() for ch in tail) or not ("b" in tail or "k" in tail):
        return text, None, None
    m = DOC_SUFFIX.search(text)
    if m is None:
        return text, None, None
    if m.group("size2"):
        size = to_bytes(m.group("size2"), m.group("unit2"))
        return text[: m.start()].strip(), None, size
    size = to_bytes(m.group("size"), m.group("unit"))
    fmt = normalise_format(m.group("fmt")) if m.group("fmt") else None
    return text[: m.start()].strip(" ,"), fmt, size


def _doc(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    title, fmt, size = split_doc_suffix(text)
    if size is None or not title or len(title) > 300:
        return None
    return {"title": title, "format": fmt, "size_bytes": size}


_GLUED_SIZE = re.compile(r"^(?P<title>.*?(?:(?<!\d)(?:19|20)\d\d|[^\d\s]|(?:(?<=\d)|(?<![\s\S]))\s))\s*(?P<size>\d{1,4}(?:\.\d{1,3})?)$")
"""A title, then the size glued to it. The title ends with a year or a character that is not a
digit; a space ends it only straight after a digit (or as the first character): a title ending
further into a run of spaces would match only where the run's first space does, and trying
each space is quadratic."""


def _icon_title(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """Split the title from a size glued to it: a year ends the title, the digits after it are the size."""
    found = _GLUED_SIZE.match(m.group("body"))
    if found is None:
        return None
    return {
        "title": found.group("title").strip(" -\u2013"),
        "format": normalise_format(m.group("fmt")),
        "size_bytes": to_bytes(found.group("size"), m.group("unit")),
    }


DOCUMENT = Ruler(
    "document",
    [
        Rule(
            "sized-title",
            """A document listed with its format and size after the title, as captures of linked
            documents print them: "Report pdf icon PDF 129 KB", "Appendix A PDF 51 KB", "Agenda,
            515kb", "Reference from SDDC (28K/bytes)".""",
            re.compile(
                r"(?<=\S)\s{0,4}(?:\b(?:PDF|DOCX?|XLSX?|PPTX?|RTF|HTML?|TXT|CSV|ODT|ZIP)\s{0,4}|,\s{0,4}|\()\d{1,6}(?:\.\d{1,3})?\s{0,4}(?:KB|MB|GB|K|B|bytes)\b(?:/bytes)?\)?\.?\s{0,4}$",
                _I,
            ),
            examples=(
                ("Report pdf icon PDF 129 KB", {"title": "Report", "format": "pdf"}),
                ("Appendix A PDF 51 KB", {"title": "Appendix A"}),
                ("Agenda, 515kb", {"title": "Agenda"}),
            ),
            counter=("The budget of £5 million was agreed.", "Page 5 of 12"),
            accept=_doc,
            search=True,
        ),
        Rule(
            "icon-title",
            """A document line that starts with its format's icon and ends with its size, the size
            glued to the title when the title ends in digits: "PDF icon 5 - Licensing Minutes 12 March
            2019118.40 KB" (title "... 2019", 118.40 KB).""",
            re.compile(
                r"^(?P<fmt>PDF|DOCX?|XLSX?|PPTX?|RTF|HTML?|TXT|CSV|ODT|ZIP|Word|Excel)\s+icon\s+(?P<body>\S.{1,300}?\d)\s*(?P<unit>KB|MB|GB|K|bytes)\b\.?$",
                _I,
            ),
            examples=(("PDF icon 5 - Licensing Minutes 12 March 2019118.40 KB", {"title": "5 - Licensing Minutes 12 March 2019", "size_bytes": 121241}),),
            counter=("PDF icon",),
            accept=_icon_title,
        ),
        Rule(
            "size-line",
            """A document's format and size on the line under its title ("- Appendix 1" / "PDF 55 KB").""",
            re.compile(r"^(?:\w+\s+icon\s*)?(?P<fmt>PDF|DOCX?|XLSX?|PPTX?|RTF|HTML?|TXT|CSV|ODT|ZIP)\s*(?P<size>\d{1,6}(?:\.\d{1,3})?)\s*(?P<unit>KB|MB|GB|K|B|bytes)\b\.?$", _I),
            examples=(("PDF 55 KB", {"format": "pdf"}), ("pdf icon PDF 205 KB", {})),
            counter=("PDF documents are attached",),
            accept=lambda m, text: {"title": "", "format": normalise_format(m.group("fmt")), "size_bytes": to_bytes(m.group("size"), m.group("unit"))},
        ),
    ],
)
"""Documents printed as text."""
