"""URL joining that never raises: a malformed link or page URL is kept as printed."""

from __future__ import annotations

from urllib.parse import urljoin


def join_url(base: str | None, href: str | None) -> str | None:
    """``href`` resolved against ``base`` when both are usable; ``href`` as printed otherwise.

    >>> join_url("https://x.gov.uk/a/b.aspx", "c.pdf")
    'https://x.gov.uk/a/c.pdf'
    >>> join_url("https://x.gov.uk/", "http://[x/report.pdf")
    'http://[x/report.pdf'
    """
    if not href:
        return href
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href
