"""What :func:`~minutes_parser.parse` accepts, checked before any parsing.

- ``bytes`` (or ``bytearray``/``memoryview``) are the page as fetched;
- a ``str`` is always the page's text, never a file name (a service that
  passes pasted text to ``parse()`` must not be made to read local files);
- an :class:`os.PathLike` is a file, read only when it is a regular file and
  at most :data:`MAX_BYTES` plus one byte of it (``/dev/zero`` and FIFOs are
  refused, never read).

Gzip input is inflated, up to the same limit. Other binary formats (Office
documents, zip archives, images...) are refused with a :class:`ParseError`
naming the format; their bytes are never shown as text. Lone surrogates in a
``str`` (which cannot be written as UTF-8) become U+FFFD.
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from typing import Any

from .errors import ParseError

MAX_BYTES = 64 * 1024 * 1024
"""Pages larger than this (after gzip inflation) are refused: the biggest real page seen is under 2 MB."""

PREFIX_CHARS = 24
"""How much of a page an error message may quote: enough to recognise it, too little to leak it."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_URL_ONLY = re.compile(r"^\s*(?:https?|ftp)://[^\s<>\"]{1,2048}\s*$", re.IGNORECASE)
_FILE_NAME = re.compile(
    r"^\s*(?:[A-Za-z]:)?[^\s<>|\"*?\n]{0,400}\.(?:html?|xml|json|txt|pdf|gz|docx?|xlsx?|rtf|aspx)\s*$",
    re.IGNORECASE,
)
_PATHISH = re.compile(r"^\s*(?:[A-Za-z]:\\|\.{0,2}/|~/)[^\s<>|\"*?\n]{1,400}\s*$")

# Magic numbers of formats that are not pages: (prefix, offset, name).
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "legacy Microsoft Office document (.doc/.xls/.ppt)"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"WEBP", 8, "WebP image"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"\x28\xb5\x2f\xfd", 0, "Zstandard archive"),
    (b"\x7fELF", 0, "executable (ELF)"),
    (b"{\\rtf", 0, "RTF document"),
    (b"ID3", 0, "MP3 audio"),
    (b"OggS", 0, "Ogg media"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
)
_ZIP = b"PK\x03\x04"
_ZIP_KINDS = (
    (b"word/", "Word document (.docx)"),
    (b"xl/", "Excel workbook (.xlsx)"),
    (b"ppt/", "PowerPoint presentation (.pptx)"),
    (b"application/vnd.oasis.opendocument", "OpenDocument file (.odt/.ods)"),
    (b"application/epub", "EPUB book"),
)
_GZIP = b"\x1f\x8b"
_PDF = b"%PDF-"
PDF_MAGIC = _PDF
MAGIC_WINDOW = 1024
"""PDF readers accept the ``%PDF-`` header anywhere in the first 1 KB (some files carry junk before it)."""
_CONTROL = frozenset(range(0x01, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
_CONTROL_BYTES = bytes(sorted(_CONTROL))
BINARY_SHARE = 0.1
"""Share of control bytes (NUL and text whitespace aside) above which data is binary; text pages hold none."""
_SNIFF_BYTES = 8192


def is_pdf(data: bytes) -> bool:
    """True when ``data`` starts like a PDF (``%PDF-`` within the first 1 KB).

    >>> is_pdf(b"%PDF-1.5\\n%\\xe2\\xe3\\xcf\\xd3"), is_pdf(b"<html>")
    (True, False)
    """
    return PDF_MAGIC in data[:MAGIC_WINDOW]


def scrub_surrogates(text: str) -> str:
    """Replace lone surrogates (unencodable in UTF-8) with U+FFFD.

    >>> scrub_surrogates("a\\udc80b")
    'a\\ufffdb'
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def short_prefix(text: str, limit: int = PREFIX_CHARS) -> str:
    """The first ``limit`` characters, whitespace collapsed, quoted and escaped (``repr``)."""
    head = " ".join(text[: limit * 4].split())
    cut = head[:limit] + ("…" if len(head) > limit else "")
    return repr(cut)


def binary_format(data: bytes) -> str | None:
    """Name of the non-page format ``data`` is in ("Word document (.docx)", "PDF document"), else None."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_PDF) or (b"%PDF-" in head[:1024] and head.lstrip()[:1] != b"<"):
        return "PDF document"
    if head.startswith(_ZIP):
        for marker, name in _ZIP_KINDS:
            if marker in data[:65536]:
                return name
        return "zip archive"
    for magic, offset, name in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return name
    if not head:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None  # byte-order marks: text, decoded as such
    nul = head.count(b"\x00")
    if nul * 3 >= len(head) and _utf16_like(head):
        return None
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES)) + (0 if _utf16_like(head) else nul)
    if controls > BINARY_SHARE * len(head):
        return "binary data"
    return None


def _utf16_like(head: bytes) -> bool:
    """NULs on alternate bytes: ASCII text in UTF-16 (or UTF-32) without a byte-order mark."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= 0.4 * len(head) / 2 and min(even, odd) <= 0.5 * max(even, odd)


def inflate(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip ``data`` (several members allowed), refusing output over ``limit`` bytes."""
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest.startswith(_GZIP):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = inflater.decompress(rest, limit + 1 - size)
            size += len(chunk)
            out.append(chunk)
            if size > limit or inflater.unconsumed_tail:
                raise ParseError(f"gzip data inflates past the {limit:,}-byte limit")
            if not inflater.eof:
                raise ParseError("gzip data is truncated")
            rest = inflater.unused_data
    except zlib.error as exc:
        raise ParseError(f"gzip data is damaged ({exc})") from exc
    return b"".join(out)


def read_path(path: os.PathLike[Any]) -> bytes:
    """Read a regular file, at most :data:`MAX_BYTES` plus one byte; ParseError otherwise."""
    try:
        name = os.fspath(path)
    except Exception as exc:  # a PathLike whose __fspath__ raises
        raise ParseError(f"cannot use {type(path).__name__} as a path: {type(exc).__name__}: {exc}") from exc
    if not isinstance(name, str | bytes):
        raise ParseError(f"cannot use {type(path).__name__} as a path: __fspath__ gave a {type(name).__name__}")
    try:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
    except (UnicodeError, ValueError):
        shown = repr(name)
    try:
        info = os.stat(name)
    except FileNotFoundError as exc:
        raise ParseError(f"{shown}: no such file") from exc
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read {shown}: {getattr(exc, 'strerror', None) or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ParseError(f"{shown} is a directory, not a page file")
    if not stat.S_ISREG(info.st_mode):
        raise ParseError(f"{shown} is not a regular file (a device, FIFO or socket); not read")
    if info.st_size > MAX_BYTES:
        raise ParseError(f"{shown}: {info.st_size:,} bytes is over the {MAX_BYTES:,}-byte limit")
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ParseError(f"cannot read {shown}: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the stat above
            raise ParseError(f"{shown} is not a regular file; not read")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ParseError(f"cannot read {shown}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise ParseError(f"{shown}: over the {MAX_BYTES:,}-byte limit")
    return data


def read_source(source: object) -> tuple[bytes, str]:
    """The page's bytes and how to name it in messages ("a str", a path).

    Raises :class:`ParseError` for anything that is not bytes, text or a path,
    for files that cannot be read, for over-size pages and for binary formats.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data, origin = bytes(source), "the page"
    elif isinstance(source, str):
        text = scrub_surrogates(source)
        if _URL_ONLY.match(text):
            raise ParseError(f"parse() does not fetch pages; download it first: {text.strip()}")
        data, origin = text.encode("utf-8"), "the page"
    elif isinstance(source, os.PathLike):
        data = read_path(source)
        try:
            origin = os.fsdecode(os.fspath(source))
        except Exception:
            origin = "the file"
    else:
        raise ParseError(f"cannot parse a {type(source).__name__}; pass bytes, str (the page's text) or a pathlib.Path")
    if len(data) > MAX_BYTES:
        raise ParseError(f"page of {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit")
    if data.startswith(_GZIP):
        data = inflate(data)
    if not isinstance(source, str):
        fmt = binary_format(data)
        if fmt and fmt != "PDF document":
            raise ParseError(f"{origin} is a {fmt} ({len(data):,} bytes), not a web page or text")
    return data, origin


def looks_like_file_name(text: str) -> bool:
    """True for a one-line str such as "minutes/cabinet.html" or "C:\\\\pages\\\\x.txt"."""
    if len(text) > 1024 or "\n" in text.strip():
        return False
    return bool(_FILE_NAME.match(text) or _PATHISH.match(text))


def check_url(url: object) -> tuple[str | None, str | None]:
    """The caller's ``url`` made usable: (url or None, warning or None).

    Bytes are decoded as UTF-8; a URL that cannot be parsed is ignored with a
    warning (it would otherwise pick the wrong adapter or refuse the page);
    other types are refused.
    """
    from .urls import is_valid_url

    if url is None:
        return None, None
    if isinstance(url, bytes | bytearray):
        url = bytes(url).decode("utf-8", "replace")
    if not isinstance(url, str):
        raise ParseError(f"url must be a str, not {type(url).__name__}")
    url = scrub_surrogates(url).strip()
    if not url:
        return None, None
    if not is_valid_url(url):
        return None, f"url {short_prefix(url, 80)} cannot be parsed; ignored"
    return url, None


def check_adapter(adapter: object) -> str | None:
    """The adapter name, or a ParseError when it is not a str."""
    if adapter is None or isinstance(adapter, str):
        return adapter
    raise ParseError(f"adapter must be an adapter's name (a str), not {type(adapter).__name__}")
