"""HTML to the neutral block stream, the way a reader sees the page.

The renderer walks the tree once (iteratively, so deep nesting cannot
overflow the stack) and breaks lines where a browser would: block elements,
``<br>``, table cells. Text is NFC and whitespace-collapsed (``&nbsp;``
included); text escaped twice ("&amp;#39;") is unescaped. Links to documents
become ``link`` blocks with the file size that ModernGov prints inside the
link ("PDF 119 KB") kept out of the title. Hidden text (``mgHide``,
``display:none``), scripts, styles and form controls are skipped.

Adapters pass ``on_element`` to take over elements they understand (an agenda
table, a list grid): return True when the element was handled.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from .blocks import Block, BlockKind, DocRef, clean
from .chrome import mark_chrome
from .units import format_from_href, parse_size
from .urls import safe_href

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "address",
        "center",
        "nav",
        "aside",
        "main",
        "form",
        "fieldset",
        "hr",
        "figure",
        "figcaption",
        "details",
        "summary",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "head",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "iframe",
        "svg",
        "template",
        "object",
        "embed",
        "map",
        "area",
        "meta",
        "link",
        "title",
    ]
)
CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BREAK_TAGS = BLOCK_TAGS | CELL_TAGS
DOC_HREF = re.compile(
    r"(?:\.(?:pdf|docx?|xlsx?|pptx?|rtf|odt|ods|csv|zip|txt)(?:$|[?#])|(?:^|/)documents/|mgConvert2PDF|ViewFile|GetAttachment|/files?/|DocumentRenderer|ViewDocument|Document\.ashx|View\.ashx\?M=(?:A|M|F))",
    re.IGNORECASE,
)
"""Link targets that are documents (reports, appendices, minutes files) in the systems councils use.

:func:`is_doc_href` reads ASCII links with :data:`_DOC_EXTENSIONS` and :data:`_DOC_PARTS`,
the same alternatives as plain strings: change them together."""
_TRAILING_SIZE = re.compile(
    r"(?:\b\w+\s+icon\s*)?\b[A-Za-z]{2,5}\s+\d{1,6}(?:\.\d{1,3})?\s*(?:KB|MB|GB|B|bytes)\s*$", re.IGNORECASE
)
"""A size printed at the end of a link's text once its size span lost its class ("Report PDF 119 KB")."""


_DOC_EXTENSIONS = (
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".rtf",
    ".odt",
    ".ods",
    ".csv",
    ".zip",
    ".txt",
)
""":data:`DOC_HREF`'s file extensions (before the end of the link, a ``?`` or a ``#``)."""
_DOC_PARTS = (
    "/documents/",
    "mgconvert2pdf",
    "viewfile",
    "getattachment",
    "/file/",
    "/files/",
    "documentrenderer",
    "viewdocument",
    "document.ashx",
    "view.ashx?m=a",
    "view.ashx?m=m",
    "view.ashx?m=f",
)
""":data:`DOC_HREF`'s other alternatives, lower-case."""


def is_doc_href(href: str | None) -> bool:
    """True when ``href`` points at a document (report, appendix, minutes file): :data:`DOC_HREF` matches.

    An ASCII link (nearly all) is checked with substring tests on its lower-case
    form, which for ASCII text is exactly the case-insensitive pattern, at a
    fraction of the cost; other links go through the pattern itself.
    """
    if not href:
        return False
    if not href.isascii():
        return DOC_HREF.search(href) is not None
    low = href.lower()
    if low.startswith("documents/") or any(part in low for part in _DOC_PARTS):
        return True
    end = len(low)
    if low.endswith(_DOC_EXTENSIONS) or (low.endswith("\n") and low.endswith(_DOC_EXTENSIONS, 0, end - 1)):
        return True  # "$": the end, or before a newline that ends the link
    for mark in ("?", "#"):
        at = low.find(mark)
        while at >= 0:
            if low.endswith(_DOC_EXTENSIONS, 0, at):
                return True
            at = low.find(mark, at + 1)
    return False


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

Handler = Callable[[Any, "Renderer"], bool]


def unescape_twice(text: str) -> str:
    """Unescape entities left in text that was escaped twice ("&#39;" → "'")."""
    if "&" in text and _ENTITY.search(text):
        return _html.unescape(text)
    return text


def classes(el: Any) -> str:
    """The element's class attribute ("" when none)."""
    value = el.get("class")
    return value if isinstance(value, str) else ""


def _hidden(el: Any) -> bool:
    """Fast check for the walk: cheap substring tests before any regex."""
    cls = el.get("class")
    if cls is not None and ("mgHide" in cls or "hidden" in cls) and is_hidden(el):
        return True
    style = el.get("style")
    return style is not None and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style) is not None


def is_hidden(el: Any) -> bool:
    """Hidden by a class hint (``mgHide``) or an inline style."""
    cls = classes(el)
    if "mgHide" in cls or "hidden" in cls.split():
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


_CARE_TAGS = ("script", "style", "br", "select", "noscript", "template")
"""Tags whose content is not read as text as it stands (scripts, menus, line breaks)."""


def _needs_care(el: Any) -> bool:
    """True when ``el`` itself (its tag and attributes) is not read as it stands.

    Scripts, styles, menus and line breaks (:data:`_CARE_TAGS`), and elements that
    may be hidden (``mgHide``, ``hidden``, ``display:none``) or hold a printed file
    size (``mgFileSize``): a text holding any of them is walked, not read whole.
    """
    if el.tag in _CARE_TAGS:
        return True
    cls = el.get("class")
    if cls is not None and ("mgHide" in cls or "mgFileSize" in cls or "hidden" in cls):
        return True
    style = el.get("style")
    return style is not None and ("none" in style or "hidden" in style)


def raw_text(el: Any) -> str:
    """All the text under ``el`` as it stands (XPath ``string()``), from one C-level call."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def text_of(el: Any) -> str:
    """Cleaned visible text of ``el`` (hidden spans, size spans and scripts dropped).

    Most elements hold nothing hidden: their text comes from one C-level call;
    the rest are walked.
    """
    return _visible_text(el, any(_needs_care(node) for node in el.iter()))


def _visible_text(el: Any, careful: bool) -> str:
    """:func:`text_of`, told whether ``el`` holds anything that needs care."""
    if not careful:
        return clean(unescape_twice(raw_text(el)))
    parts: list[str] = []
    _collect(el, parts, drop_sizes=True)
    return clean(unescape_twice(" ".join(parts)))


class Texts:
    """:func:`text_of` for the elements under one root (a table), each computed once.

    Which elements hold hidden or special content is read once for the whole root
    (one pass over its elements, then each such element's ancestors up to the root),
    on the first text asked for, so an element's text needs no check of its own.
    """

    __slots__ = ("_careful", "_root", "_texts")

    def __init__(self, root: Any) -> None:
        self._root = root
        self._careful: set[Any] | None = None
        self._texts: dict[Any, str] = {}

    def _find_careful(self) -> set[Any]:
        root = self._root
        careful: set[Any] = set()
        for node in root.iter():
            if not _needs_care(node):
                continue
            while node is not None and node not in careful:
                careful.add(node)
                if node is root:
                    break
                node = node.getparent()
        self._careful = careful
        return careful

    def __call__(self, el: Any) -> str:
        """The cleaned visible text of ``el``, an element under the root."""
        text = self._texts.get(el)
        if text is None:
            careful = self._careful if self._careful is not None else self._find_careful()
            text = self._texts[el] = _visible_text(el, el in careful)
        return text


def _collect(el: Any, parts: list[str], drop_sizes: bool) -> None:
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                parts.append(node.tail)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if node is not el:
            stack.append((node, True))
        if tag.lower() in SKIP_TAGS or _hidden(node) or (drop_sizes and "mgFileSize" in classes(node)):
            continue
        if tag.lower() == "br":
            parts.append(" ")
            continue
        if node.text:
            parts.append(node.text)
        for child in reversed(list(node)):
            if isinstance(child.tag, str) or child.tail:
                stack.append((child, False))


def size_text(el: Any) -> str | None:
    """The printed file size inside a link ("PDF 119 KB"), if any."""
    for node in el.iter():
        if "mgFileSize" in classes(node):
            return clean("".join(node.itertext()))
    # Restyled pages: a trailing "PDF 119 KB" text run inside the link.
    tail = clean("".join(el.itertext()))
    m = _TRAILING_SIZE.search(tail)
    return m.group(0).strip() if m and parse_size(m.group(0)) else None


class Renderer:
    """Accumulates inline text and flushes it into blocks at line breaks."""

    def __init__(self, on_element: Handler | None = None, on_tags: frozenset[str] = frozenset({"table"})) -> None:
        self.blocks: list[Block] = []
        self.on_element = on_element
        self.on_tags = on_tags
        self._buf: list[str] = []
        self._line: int | None = None
        self._kind: BlockKind = "para"

    # -- output
    def flush(self) -> None:
        """End the current line."""
        buf = self._buf
        if buf:
            joined = "".join(buf)
            if not joined.isspace():
                text = clean(unescape_twice(joined))
                if text:
                    self.blocks.append(mark_chrome(Block(kind=self._kind, text=text, line=self._line)))
            buf.clear()
        self._line = None
        self._kind = "para"

    def emit(self, block: Block) -> None:
        """Add a ready block after ending the current line."""
        self.flush()
        self.blocks.append(block)

    def _add_text(self, text: str | None, line: int | None) -> None:
        if text:
            if self._line is None and text.strip():
                self._line = line
            self._buf.append(text)

    # -- walk
    def render(self, root: Any) -> list[Block]:
        """Render ``root`` and everything under it."""
        self.walk(root)
        self.flush()
        return self.blocks

    def walk(self, root: Any) -> None:
        """Render ``root`` (its own tail is not included).

        One pass with lxml's C-level ``iterwalk`` (the parser drops comments and
        processing instructions, so every node is an element); the per-element
        work is kept inline because it runs for every element of every page.
        Spaces are not buffered at the start of a line (cleaning strips them),
        so a line is ended only when something is on it (an empty line needs
        only its kind reset); a skipped element is known by identity: its end
        event comes right after its start.
        """
        breaks = BREAK_TAGS
        skip = SKIP_TAGS
        on_element = self.on_element
        on_tags = self.on_tags
        buf = self._buf  # flush() empties this list in place, so the alias stays valid
        skipped: Any = None
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if event == "end":
                if el is skipped:
                    skipped = None
                elif tag in breaks:
                    if buf:
                        self.flush()
                    else:
                        self._kind = "para"
                if el is not root:
                    tail = el.tail
                    if tail and (buf or not tail.isspace()):  # a line's leading spaces are dropped anyway
                        if self._line is None and not tail.isspace():
                            self._line = el.sourceline
                        buf.append(tail)
                continue
            if type(tag) is not str or tag in skip:
                walker.skip_subtree()
                skipped = el
                continue
            cls = el.get("class")  # _hidden(), inline: this runs for every element
            style = el.get("style")
            if (cls is not None and ("mgHide" in cls or "hidden" in cls) and is_hidden(el)) or (
                style is not None and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style)
            ):
                walker.skip_subtree()
                skipped = el
                continue
            if on_element is not None and tag in on_tags and el is not root and on_element(el, self):
                walker.skip_subtree()
                skipped = el
                continue
            if tag == "br":
                if buf:
                    self.flush()
                else:
                    self._kind = "para"
                continue
            if tag == "a" and is_doc_href(el.get("href")):
                self.link(el)
                walker.skip_subtree()
                skipped = el
                continue
            if tag in breaks:
                if buf:
                    self.flush()
                if tag in HEADING_TAGS:
                    self._kind = "heading"
                elif tag == "li":
                    self._kind = "li"
                elif tag in CELL_TAGS:
                    self._kind = "cell"
                else:
                    self._kind = "para"
            text = el.text
            if text and (buf or not text.isspace()):
                if self._line is None and not text.isspace():
                    self._line = el.sourceline
                buf.append(text)

    def link(self, el: Any) -> None:
        """Emit a document link block for anchor ``el``."""
        self.emit(link_block(el))


def link_block(el: Any) -> Block:
    """A document link block for anchor ``el``: its title, target, and the size the link prints."""
    title = text_of(el)
    size = size_text(el)
    fmt = size_bytes = None
    if size:
        if title.endswith(size):
            title = title[: -len(size)].strip()
        parsed = parse_size(size)
        if parsed is not None:
            fmt, size_bytes = parsed
    if not title:
        title = clean(el.get("title") or "")
    href = safe_href(el.get("href"))
    doc = DocRef(title=title, href=href, format=fmt or format_from_href(href), size_bytes=size_bytes)
    return Block(kind="link", text=title, href=href, line=getattr(el, "sourceline", None), doc=doc)


def render(root: Any, on_element: Handler | None = None, on_tags: frozenset[str] = frozenset({"table"})) -> list[Block]:
    """Render an element to blocks; ``on_element`` sees the elements whose tag is in ``on_tags``."""
    return Renderer(on_element, on_tags).render(root)


OUTSIDE = "chrome (outside the content area)"
"""Where :func:`outside_content` reports the site's own text (menus, banners, footers)."""


def outside_content(root: Any, content: Any) -> list[tuple[str, str]]:
    """The visible text of the page's body outside ``content``: the site around the content area.

    An adapter reads only its system's content area; the rest of the page (the
    council's menus, banner and footer) is navigation chrome. It is not read, but a
    trace reports it, so that no text of a page goes unaccounted for.
    """
    bodies = root.xpath("//body") if root is not None else []
    body = bodies[0] if bodies else root
    if body is None or content is body or content is root:
        return []
    parts: list[str] = []
    walker = etree.iterwalk(body, events=("start", "end"))
    skipped: Any = None
    for event, el in walker:
        if event == "end":
            if el is skipped:
                skipped = None
            if el is not body and el.tail:
                parts.append(el.tail)
            continue
        tag = el.tag
        if el is content or type(tag) is not str or tag.lower() in SKIP_TAGS or _hidden(el):
            walker.skip_subtree()
            skipped = el
            continue
        if el.text:
            parts.append(el.text)
    text = clean(" ".join(parts))
    return [(OUTSIDE, text)] if text else []
