"""Web-page furniture: the controls every site prints, kept out of the minutes grammar.

A capture of a web page (copied text, a crawl, an HTML page whose navigation
the renderer could not tell from its content) keeps lines such as "Skip to
main content", "Back to the top of the page", "Toggle menu", "Loading...",
"Print this page", "Share this item", "View directions", cookie notices and the
site's copyright line ("© 2025 ...", "Copyright remains with ...").
They belong to the website, not to the minutes, so adapters mark them as
``noise`` blocks here and the grammar never sees their wording.

>>> is_chrome("Skip to main content"), is_chrome("Back to the top of the page")
(True, True)
>>> is_chrome("Media and Communications Strategy")
False
>>> is_chrome("Copyright remains with independent content providers where applicable."), is_chrome("© 2025 Ashcombe Parish Council")
(True, True)
>>> is_chrome("Copyright of the village photographs was discussed at length by members.")
False
>>> mark_chrome(Block(kind="para", text="Venue: Town Hall. View directions")).text
'Venue: Town Hall'

"""

from __future__ import annotations

import re

import attrs

from .blocks import Block

CHROME_MAX = 600
"""Chrome lines are short; a cookie notice is the longest (a few sentences)."""
_WEB_CONTROL = re.compile(
    r"^(?:[\u2022\u00b7]\s*)?(?:skip\s+to\s+(?:main\s+)?(?:content|navigation)|back\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?|top\s+of\s+page|top"
    r"|toggle\s+(?:menu|navigation)|main\s+menu|menu|search|loading(?:\s+images)?\s*\.{0,3}|print(?:\s+this\s+page)?|share(?:\s+this\s+(?:item|page))?"
    r"|view\s+directions|show\s+all|hide\s+all|expand\s+all|collapse\s+all|(?:the\s+main\s+menu\s+is\s+currently\s+hidden.{0,40})"
    r"|we\s+use\s+(?:simple\s+text\s+files\s+called\s+)?.?cookies.{0,400}|accept\s+(?:all\s+)?cookies|cookie\s+(?:settings|policy|preferences)"
    r"|how\s+can\s+we\s+help(?:\s+you)?\s*\.{0,3}|get\s+the\s+best\s+from\s+this\s+site|you\s+might\s+also\s+like|continue\s+reading|webcast|media"
    r"|(?:\u00a9|\(c\)\s*\d{4}|copyright\s*(?:\u00a9|\(c\)|\d{4}|remains\b|notice\b)|all\s+rights\s+reserved)[^\n]{0,300}?)\s*$",
    re.IGNORECASE,
)


_TRAILING_CONTROL = re.compile(r"(?<=\S)\.?\s+view\s+directions\.?\s*$", re.IGNORECASE)
"""A map link's text glued to the end of a venue line ("Venue: Town Hall. View directions")."""


def is_chrome(text: str) -> bool:
    """True for a line that is a web page's control or notice, not content."""
    return len(text) <= CHROME_MAX and _WEB_CONTROL.match(text) is not None


def mark_chrome(block: Block) -> Block:
    """``block`` as a ``noise`` block when its text is web-page furniture, else unchanged."""
    if block.kind not in ("para", "li", "heading") or not block.text:
        return block
    if is_chrome(block.text):
        return Block(kind="noise", text=block.text, line=block.line, page=block.page, raw=block.raw, gap=block.gap, indent=block.indent, meta={"chrome": "web-control"})
    if "irections" in block.text:
        cut = _TRAILING_CONTROL.search(block.text)
        if cut is not None:
            return attrs.evolve(block, text=block.text[: cut.start()])
    return block
