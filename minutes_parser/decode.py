"""Bytes to text, and the one parser configuration every adapter shares.

Decoding order: byte-order mark, XML declaration, ``<meta charset>`` (the HTML
prescan over the first bytes), strict UTF-8, then cp1252. Mojibake left by a
page that was decoded wrongly upstream ("Childrenâ€™s") is repaired with a
warning. :class:`Page` carries the bytes, the text and lazily built trees, so a
page is parsed once however many adapters look at it.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from lxml import etree

from .errors import ParseError
from .inputs import is_pdf

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._-]{1,40})", re.IGNORECASE)
# Runs of characters that UTF-8 text shows when read as cp1252/latin-1.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)
_HEAD_BYTES = 4096
_NON_SPACE = re.compile(r"\S")
"""The first character past leading whitespace: found without copying the page (``lstrip`` copies)."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_FREE = frozenset({"utf-8", "cp1252", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"})
"""Codecs whose strict decoders never produce a lone surrogate: text from them needs no scan for one."""
# JSON escapes: an escaped backslash, a surrogate pair (kept), or a lone surrogate (replaced).
_JSON_SURROGATE = re.compile(
    r"(\\\\)|(\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2})|\\u[dD][89a-fA-F][0-9a-fA-F]{2}"
)

XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    recover=False,
    collect_ids=False,
)
"""The only XML parser: no entities, no DTD, no network, huge-tree protection on, no ID table
(nothing looks XML elements up by ID, and building the table costs parse time)."""

HTML_PARSER = etree.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    default_doctype=False,
    huge_tree=False,
)
"""The HTML parser. It keeps libxml2's ID table, so XPath ``id('x')`` finds a content area
without walking the page."""

HTML_PARSER_HUGE = etree.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    default_doctype=False,
    huge_tree=True,
)
"""The same, without libxml2's size limits: for pages that hit them (HTML expands no entities)."""


_ASCII_PROBE = b'<meta charset="x"> AZaz09 -_.:;/\\\'"=&#+!?()[]{}%@~\n\t'
_UNSAFE_CODECS = frozenset({"utf-7"})
"""ASCII-compatible on the probe but able to smuggle markup past the decoder, so never taken (as in browsers)."""


def _codec(name: bytes | str) -> str | None:
    """The Python codec for a charset label found by the ASCII prescan, or None.

    The label was read from ASCII bytes, so only an ASCII-compatible text codec
    can be right (as browsers rule): UTF-16/32 labels mean UTF-8, EBCDIC and
    other incompatible or unknown labels are ignored.
    """
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        info = codecs.lookup(label.strip().lower())
    except (LookupError, ValueError):
        return None
    codec = info.name
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    if not getattr(info, "_is_text_encoding", True) or codec in _UNSAFE_CODECS:
        return None
    try:
        if _ASCII_PROBE.decode(codec) != _ASCII_PROBE.decode("ascii"):
            return None
    except Exception:  # codecs may raise anything (the "undefined" codec raises UnicodeError)
        return None
    # Browsers read latin-1 labels as cp1252.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def sniff_encoding(data: bytes) -> tuple[str | None, int]:
    """Return the declared encoding of ``data`` (or None) and the BOM length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    head = data[:_HEAD_BYTES]
    match = _XML_DECL.match(head)
    if match:
        return _codec(match.group(1)), 0
    match = _META_CHARSET.search(head)
    if match:
        return _codec(match.group(1)), 0
    return None, 0


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as cp1252 ("â€™" → "’"). Returns the text and repairs made."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        run = match.group(0)
        try:
            fixed = run.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            try:
                fixed = run.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                return run
        count += 1
        return fixed

    if "\u00c2" not in text and "\u00c3" not in text and "\u00e2" not in text:
        return text, 0
    return _MOJIBAKE.sub(fix, text), count


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode page bytes. Returns (text, encoding used, warnings)."""
    warnings: list[str] = []
    declared, bom = sniff_encoding(data)
    body = data[bom:]
    text: str | None = None
    encoding = declared or "utf-8"
    if declared:
        try:
            text = body.decode(declared)
        except Exception:  # UnicodeError, LookupError, and whatever an exotic codec raises
            warnings.append(f"declared encoding {declared} does not fit the bytes")
    if text is None:
        try:
            text = body.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text = body.decode("cp1252", errors="replace")
            encoding = "cp1252"
    # From UTF-8 or cp1252, U+0000 comes only from a 0x00 byte: the bytes are quicker to search.
    if b"\x00" in body if encoding in ("utf-8", "cp1252") else "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL characters removed")
    if encoding not in _SURROGATE_FREE and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append("unpaired surrogate characters replaced with U+FFFD")
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(f"repaired {repaired} mis-decoded character sequence(s)")
    return text, encoding, warnings


def _json_escape(match: re.Match[str]) -> str:
    """Keep escaped backslashes and surrogate pairs; a lone surrogate escape becomes U+FFFD."""
    return match.group(0) if match.group(1) or match.group(2) else "\\ufffd"


MAX_ATTRIBUTES = 1000
"""Attributes kept per element: libxml2 is quadratic in them (40,000 take seconds); real pages use under 50."""
MAX_DEPTH = 200
"""Elements nested deeper are flattened (text kept): libxml2 stops at 256 and then drops the whole page."""
_TAG = re.compile(r"<(/?)([A-Za-z][^\s>/<]*)(?:\"[^\"]*\"?|'[^']*'?|[^\"'>]+)*>?")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "frame",
        "isindex",
    ]
)
_UNIT_CHARS = 32
"""Longest run of name characters the long-tag scan takes as one step (keeps each step cheap)."""
_TAG_UNIT = r"(?>\s*+[^\s=>]{1," + str(_UNIT_CHARS) + r"}+(?:\s*+=\s*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\s>]*+))?|\s*+=)"
"""One step through a start tag, read as libxml2 reads it: an attribute (its name, or the
next piece of a long name, with its value when ``=`` follows), or a bare ``=``. A quote
opens a value only right after ``name=``; anywhere else libxml2 reads it as part of a name,
and so does this (a quoted run elsewhere cannot hide attributes). Each step is atomic, so
the scan never backtracks into a step: it is linear in the tag's length."""
_LONG_TAG_UNITS = MAX_ATTRIBUTES
"""Steps a start tag needs before its attributes are counted one by one. Each attribute
starts a step of its own, so a tag of fewer steps cannot hold more than MAX_ATTRIBUTES
attributes; real tags take a few."""
_LONG_TAG = re.compile(r"<[A-Za-z](?=" + _TAG_UNIT + "{" + str(_LONG_TAG_UNITS) + "})")
"""A start tag of at least _LONG_TAG_UNITS steps. Ordinary tags end within a few steps,
so the scan costs a few steps a tag."""
_WHOLE_TAG = re.compile(r"<([A-Za-z][^\s>/<]*)" + _TAG_UNIT + r"*+>?")
"""A start tag to its end (the first ``>`` outside a quoted value), for tags found long."""
_TAG_ATTR = re.compile(r"[^\s>][^\s=>]*+(?:\s*+=\s*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\s>]*+))?")
"""One attribute as libxml2 splits them: a name (a stray quote or ``=`` included, as libxml2
reads them) and its value when ``=`` follows."""


def _cap_attributes(text: str) -> tuple[str, int]:
    """Drop attributes past :data:`MAX_ATTRIBUTES` in each tag; returns the text and the tags changed.

    One linear scan for long tags (:data:`_LONG_TAG`, a few steps per tag); each long tag
    is then read whole and its attributes counted. Quotes are read as libxml2 reads them
    (a value's quotes only after ``=``), so a quote elsewhere cannot hide attributes from
    the count.
    """
    if len(text) < 2 * MAX_ATTRIBUTES:
        return text, 0  # every attribute takes a character and a separator
    pieces: list[str] = []
    last = capped = seen = 0
    for long_tag in _LONG_TAG.finditer(text):
        if long_tag.start() < seen:
            continue  # inside a tag already read
        match = _WHOLE_TAG.match(text, long_tag.start())
        if match is None:  # pragma: no cover - the tag pattern matches wherever _LONG_TAG does
            continue
        seen = match.end()
        tag = match.group(0)
        cut = None
        for count, attr in enumerate(_TAG_ATTR.finditer(tag, 1 + len(match.group(1))), start=1):
            if count > MAX_ATTRIBUTES:
                cut = attr.start()
                break
        if cut is None:
            continue
        pieces += [text[last : match.start()], tag[:cut], ">"]
        last = match.end()
        capped += 1
    if not capped:
        return text, 0
    pieces.append(text[last:])
    return "".join(pieces), capped


def _cap_depth(text: str) -> str:
    """Drop start and end tags nested deeper than :data:`MAX_DEPTH`, keeping all text."""
    pieces: list[str] = []
    stack: list[tuple[str, bool]] = []
    open_count: dict[str, int] = {}
    depth = last = 0
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        tag = match.group(0)
        if closing:
            if not open_count.get(name):
                continue  # a stray end tag: the parser ignores it too
            while stack:
                top, kept = stack.pop()
                open_count[top] -= 1
                if kept:
                    depth -= 1
                if top == name:
                    break
            if not kept:
                pieces += [text[last : match.start()]]
                last = match.end()
            continue
        if name in _VOID or tag.endswith("/>"):
            continue
        kept = depth < MAX_DEPTH
        stack.append((name, kept))
        open_count[name] = open_count.get(name, 0) + 1
        if kept:
            depth += 1
        else:
            pieces += [text[last : match.start()]]
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _resource_limit(parser: Any) -> str | None:
    """The message of a libxml2 resource-limit error from the last parse, if any."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            return str(entry.message)
    return None


def parse_html(text: str, warnings: list[str] | None = None) -> Any:
    """Parse HTML text with the shared parser; returns the root element (or None).

    Absurd attribute counts are capped first. When libxml2 hits a resource
    limit (nesting past 256 elements, a text node over 10 MB) it silently drops
    the page, so the page is parsed again with deep markup flattened and the
    size limits lifted (safe for HTML, which has no entity expansion), and a
    warning says so. ``warnings`` (when given) receives those warnings.
    """
    if _NON_SPACE.search(text) is None:
        return None
    notes = warnings if warnings is not None else []
    text, capped = _cap_attributes(text)
    if capped:
        notes.append(f"{capped} element(s) with over {MAX_ATTRIBUTES:,} attributes: the rest were dropped")
    root = etree.fromstring(text, parser=HTML_PARSER)
    limit = _resource_limit(HTML_PARSER)
    if limit is None:
        return root
    if "depth" in limit.lower():
        text = _cap_depth(text)
        notes.append(f"markup nested deeper than {MAX_DEPTH} elements was flattened (its text kept)")
    else:
        notes.append(f"the HTML parser's size limits were lifted for this page ({limit.strip()})")
    root = etree.fromstring(text, parser=HTML_PARSER_HUGE)
    limit = _resource_limit(HTML_PARSER_HUGE)
    if limit is not None:
        raise ParseError(f"page is beyond the HTML parser's limits: {limit.strip()}")
    return root


def _strip_declaration(text: str) -> str:
    """Drop an XML declaration: lxml refuses str input that declares an encoding.

    Text without one is returned as it is (no copy of a large page).
    """
    first = _NON_SPACE.search(text)
    start = first.start() if first is not None else len(text)
    if text.startswith("<?xml", start):
        end = text.find("?>", start)
        return text[end + 2 :] if end >= 0 else text[start:]
    return text


DETECT_CHARS = 48_000
"""Characters of markup detection reads, not counting ASP.NET state fields.

Systems name themselves near the top of the page (scripts, style sheets, the first
elements of the content); on ASP.NET pages that top sits after a ``__VIEWSTATE`` blob of
up to 400 KB, which is skipped. Measured on the pages in ``shared/``: every marker that
counts is within the first 48,000 characters so read (Fresno's Legistar calendar starts
with 32 KB of scripts)."""
STATE_FIELDS = ("__VIEWSTATE", "__EVENTVALIDATION")
"""ASP.NET hidden fields whose values are opaque base64 blobs, skipped by detection."""
_STATE_VALUE_SPAN = 200
"""How far after a state field's name its ``value="`` may start (``id`` and ``type`` come between)."""


def detection_window(text: str, limit: int = DETECT_CHARS) -> str:
    """The first ``limit`` characters of ``text`` outside the values of ASP.NET state fields.

    One bounded pass: each state field's value is found with a substring search and left
    out, so markers after a large ``__VIEWSTATE`` are still read.
    """
    pieces: list[str] = []
    pos = 0
    budget = limit
    while budget > 0:
        end = pos + budget
        found = [(at, name) for name in STATE_FIELDS if (at := text.find(name, pos, end)) >= 0]
        if not found:
            pieces.append(text[pos:end])
            break
        at, name = min(found)
        value = text.find('value="', at, at + _STATE_VALUE_SPAN)
        if value < 0:  # a mention of the field, not the field with its value
            value = at + len(name) - len('value="')
            stop = value + len('value="')
        else:
            stop = text.find('"', value + len('value="'))
            if stop < 0:
                stop = len(text)
        keep = text[pos : value + len('value="')]
        pieces.append(keep)
        budget -= len(keep)
        pos = stop
    return "".join(pieces)


class Page:
    """A page handed to adapters: bytes, decoded text, URL and shared trees.

    Trees are built on first use and cached, so detection and parsing share
    one parse.
    """

    __slots__ = ("_html", "_json", "_xml", "cache", "data", "encoding", "text", "url", "warnings")

    def __init__(self, data: bytes, url: str | None = None) -> None:
        self.data = data
        self.url = url
        self.warnings: list[str]
        if is_pdf(data):  # binary: the pdf adapter reads the bytes, decoding them as text is wasted work
            self.text, self.encoding, self.warnings = "", "binary", []
        else:
            self.text, self.encoding, self.warnings = decode_bytes(data)
        self._html: Any = None
        self._xml: Any = None
        self._json: Any = None
        self.cache: dict[str, Any] = {}
        """Work adapters share between detect and parse (rendered blocks)."""

    @property
    def head(self) -> str:
        """The first 4,000 characters, lower-cased, for cheap detection."""
        head = self.cache.get("head")
        if head is None:
            head = self.cache["head"] = self.text[:4000].lower()
        return str(head)

    @property
    def looks_like_markup(self) -> bool:
        """True when the text starts with a tag after whitespace."""
        markup = self.cache.get("markup")
        if markup is None:
            first = _NON_SPACE.search(self.text)
            markup = self.cache["markup"] = first is not None and first.group() == "<"
        return bool(markup)

    @property
    def xml_document(self) -> bool:
        """True for an XML document that is not HTML: it opens with ``<?xml`` and its head names no HTML.

        HTML adapters score such a page 0 without reading it (XHTML pages name ``<html``
        or an HTML doctype in their head).
        """
        xml = self.cache.get("xml-document")
        if xml is None:
            first = _NON_SPACE.search(self.text)
            head = self.head
            xml = self.cache["xml-document"] = (
                first is not None
                and self.text.startswith("<?xml", first.start())
                and "<html" not in head
                and "<!doctype html" not in head
            )
        return bool(xml)

    @property
    def window(self) -> str:
        """What markup detection reads: :func:`detection_window` of the text (cached)."""
        window = self.cache.get("window")
        if window is None:
            window = self.cache["window"] = detection_window(self.text)
        return str(window)

    def has_marker(self, marker: str) -> bool:
        """True when ``marker`` occurs in :attr:`window` (cached: adapters share markers)."""
        markers: dict[str, bool] | None = self.cache.get("markers")
        if markers is None:
            markers = self.cache["markers"] = {}
        found = markers.get(marker)
        if found is None:
            found = markers[marker] = marker in self.window
        return found

    def count_markers(self, markers: tuple[str, ...], enough: int) -> int:
        """How many of ``markers`` occur in :attr:`window`, counting no further than ``enough``."""
        hits = 0
        for marker in markers:
            if self.has_marker(marker):
                hits += 1
                if hits >= enough:
                    break
        return hits

    def html_root(self) -> Any:
        """The page as an lxml HTML document (None when it cannot be parsed)."""
        if self._html is None:
            try:
                self._html = parse_html(_strip_declaration(self.text), self.warnings)
            except ParseError:
                raise
            except (etree.ParserError, etree.XMLSyntaxError, ValueError):
                self._html = False
        return None if self._html is False else self._html

    def xml_root(self) -> Any:
        """The page as an XML element, parsed safely (None when not well-formed)."""
        if self._xml is None:
            try:
                self._xml = etree.fromstring(_strip_declaration(self.text), parser=XML_PARSER)
            except (etree.XMLSyntaxError, ValueError):
                self._xml = False
        return self._xml if self._xml is not False else None

    def json_data(self) -> Any:
        """The page as JSON data (None when it is not JSON)."""
        if self._json is None:
            first = _NON_SPACE.search(self.text)
            if first is None or first.group() not in ("{", "["):
                self._json = False  # decided without copying the page
            else:
                stripped = self.text[first.start() :]
                if "\\u" in stripped and _JSON_SURROGATE.search(stripped):
                    stripped = _JSON_SURROGATE.sub(_json_escape, stripped)
                try:
                    self._json = json.loads(stripped)
                except (ValueError, RecursionError):
                    self._json = False
        return None if self._json is False else self._json
