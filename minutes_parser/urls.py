"""URLs from pages and callers, made safe to join.

A page may link ``href="http://[x/report.pdf"`` and a caller may pass
``url="http://[::1"``: :func:`urllib.parse.urljoin` raises on both. One bad link
must not refuse a good page, so every join goes through :func:`join_url`,
which never raises, and a link that cannot be parsed even after escaping is
dropped (``None``).

>>> join_url("https://example.gov.uk/mgAi.aspx?ID=1", "documents/s1.pdf")
'https://example.gov.uk/documents/s1.pdf'
>>> join_url("https://example.gov.uk/", "http://[x/report.pdf")
'http://%5Bx/report.pdf'
>>> join_url("http://[::1", "a.pdf")
'a.pdf'
>>> join_url("https://example.gov.uk/", "http://\\uff03/x") is None
True
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

MAX_URL_CHARS = 32_768
"""Longer "URLs" are not links but junk (browsers cap near 2 MB; real links stay under 2 KB)."""

_ESCAPES = str.maketrans({"[": "%5B", "]": "%5D", "\\": "%5C", " ": "%20", "\t": "", "\n": "", "\r": ""})


def is_valid_url(url: str) -> bool:
    """True when ``url`` is a str that :func:`urllib.parse.urlsplit` accepts."""
    if not isinstance(url, str) or len(url) > MAX_URL_CHARS:
        return False
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def safe_href(href: str | None) -> str | None:
    """``href`` as printed when it parses; with brackets and spaces escaped when that makes it parse; else None.

    >>> safe_href("http://[x/a.pdf")
    'http://%5Bx/a.pdf'
    >>> safe_href(None) is None
    True
    """
    if not href or not isinstance(href, str):
        return None
    if is_valid_url(href):
        return href
    escaped = href.strip().translate(_ESCAPES)
    return escaped if is_valid_url(escaped) else None


def join_url(base: str | None, href: str | None) -> str | None:
    """``href`` resolved against ``base``; never raises.

    Without a usable ``base`` the (escaped) ``href`` is returned as printed; an
    ``href`` that cannot be parsed gives None.
    """
    link = safe_href(href)
    if link is None:
        return None
    if not base or not is_valid_url(base):
        return link
    try:
        return urljoin(base, link)
    except ValueError:  # pragma: no cover - both parts parse, so the join does
        return link
