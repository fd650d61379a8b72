"""File formats and sizes as pages print them ("PDF 119 KB", "(28K/bytes)", "515kb").

Neutral helpers shared by adapters (a size span in a link) and the grammar (a
size printed after a title in a text capture).

>>> parse_size("PDF 119 KB")
('pdf', 121856)
>>> to_bytes("1.1", "mb")
1153433
"""

from __future__ import annotations

import re

_UNITS = {"b": 1, "byte": 1, "bytes": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "gb": 1024**3}
FORMATS = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "odt", "ods", "csv", "zip", "txt", "htm", "html"}
)
"""Document formats a link can name."""
_FORMAT_ALIASES = {"word": "doc", "excel": "xls", "powerpoint": "ppt", "jpeg": "jpg", "text": "txt"}
_SIZE = re.compile(
    r"^\s*(?:(?P<word>[A-Za-z]{2,10})\s+icon\s*)?(?P<fmt>[A-Za-z]{2,5})?\s*(?P<n>\d{1,6}(?:\.\d{1,3})?)\s*"
    r"(?P<unit>KB|MB|GB|K|M|B|bytes)(?:/bytes)?\s*$",
    re.IGNORECASE,
)
_HREF_EXTENSION = re.compile(r"\.([A-Za-z0-9]{2,5})(?:$|[?#])")


def to_bytes(number: str, unit: str) -> int | None:
    """``number`` ``unit`` in bytes (KB = 1024 bytes), or None for an unknown unit."""
    factor = _UNITS.get(unit.lower())
    if factor is None:
        return None
    try:
        return int(float(number) * factor)
    except ValueError:
        return None


def normalise_format(name: str | None) -> str | None:
    """A lower-case format name ("PDF" → "pdf", "Word" → "doc"), or None."""
    if not name:
        return None
    key = name.lower()
    key = _FORMAT_ALIASES.get(key, key)
    return key if key in FORMATS or key in ("jpg", "png", "msg") else None


def parse_size(text: str) -> tuple[str | None, int | None] | None:
    """Read a printed size ("PDF 119 KB", "pdf icon PDF 50 KB", "28K/bytes"): (format, bytes), or None."""
    m = _SIZE.match(text)
    if m is None:
        return None
    return normalise_format(m.group("fmt") or m.group("word")), to_bytes(m.group("n"), m.group("unit"))


def format_from_href(href: str | None) -> str | None:
    """The document format a link's file name gives ("report.PDF" → "pdf"), or None."""
    m = _HREF_EXTENSION.search(href or "")
    return normalise_format(m.group(1)) if m else None
