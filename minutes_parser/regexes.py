"""Faster searches for patterns that can start almost anywhere.

A search tries a pattern at every position of the text. Python's engine skips
positions quickly only when the pattern opens with a literal or a character
class it can see; a pattern that opens with a look-behind, a word boundary or
an alternation of groups is tried in full at every position. :func:`guard`
derives from the pattern's own parse tree the characters a match can start
with and puts them first as a look-ahead, so other positions fail at once.
The guarded pattern finds exactly the same matches: the look-ahead only
restates what the pattern already requires.

>>> p = guard(re.compile(r"(?<=[.!?])\\s+(?=[A-Z])|(?<=\\w)\\s+(?=RESOLVED)"))
>>> p.pattern.startswith("(?i:(?=")
True
>>> [m.start() for m in p.finditer("Noted. Agreed RESOLVED")]
[6, 13]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # Python 3.11+
    import re._constants as _OPS  # type: ignore[import-not-found,unused-ignore]
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _OPS  # type: ignore[no-redef,unused-ignore]
    import sre_parse as _sre_parse  # type: ignore[no-redef,unused-ignore]

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_WORD": r"\w",
}
"""Classes a guard may name; their complements (``\\S``, ``\\D``, ``\\W``) match nearly every
position and make a guard worthless."""


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
"""Inline flags for the whole pattern ("(?i)"), which must stay at its start."""


def _escape(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]\\^" else "\\" + chr(code)


def _first(node: Any) -> tuple[set[tuple[str, Any]] | None, bool]:
    """What a match of ``node`` can start with (None: anything), and whether it can be empty."""
    op, av = node
    if op is _OPS.LITERAL:
        return {("lit", av)}, False
    if op is _OPS.AT or op is _OPS.ASSERT or op is _OPS.ASSERT_NOT:
        return set(), True
    if op is _OPS.IN:
        items: set[tuple[str, Any]] = set()
        for sub_op, sub_av in av:
            if sub_op is _OPS.LITERAL:
                items.add(("lit", sub_av))
            elif sub_op is _OPS.RANGE:
                items.add(("range", tuple(sub_av)))
            elif sub_op is _OPS.CATEGORY:
                items.add(("cat", str(sub_av)))
            else:
                return None, False  # a negated class
        return items, False
    if op is _OPS.SUBPATTERN:
        return _first_seq(av[-1])
    if op is _OPS.BRANCH:
        out: set[tuple[str, Any]] = set()
        empty = False
        for branch in av[1]:
            found, can_empty = _first_seq(branch)
            if found is None:
                return None, False
            out |= found
            empty = empty or can_empty
        return out, empty
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, getattr(_OPS, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        found, can_empty = _first_seq(body)
        return found, can_empty or low == 0
    if op is getattr(_OPS, "ATOMIC_GROUP", None):
        return _first_seq(av)
    return None, False


def _first_seq(seq: Iterable[Any]) -> tuple[set[tuple[str, Any]] | None, bool]:
    out: set[tuple[str, Any]] = set()
    for node in seq:
        found, can_empty = _first(node)
        if found is None:
            return None, False
        out |= found
        if not can_empty:
            return out, False
    return out, True


def first_items(tree: Any) -> tuple[frozenset[tuple[str, Any]] | None, bool]:
    """What a match of a parsed pattern can start with, and whether it can be empty.

    Each item is ``("lit", code)``, ``("range", (low, high))`` or ``("cat", name)`` (a class such as
    ``CATEGORY_DIGIT``); None when a match can start with anything (``.``, a negated class, a
    back-reference). Shared by :func:`guard` and the rules' first-character pre-check.
    """
    found, can_empty = _first_seq(tree)
    return (frozenset(found) if found is not None else None), can_empty


def _class(items: Iterable[tuple[str, Any]]) -> str | None:
    """The items as the inside of a character class, or None when one of them cannot be written."""
    parts: list[str] = []
    for kind, value in items:
        if kind == "lit":
            parts.append(_escape(value))
        elif kind == "range":
            parts.append(f"{_escape(value[0])}-{_escape(value[1])}")
        elif value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            return None
    return "".join(sorted(parts))


def _engine_skips(tree: Any) -> bool:
    """True when a guard cannot help: the pattern opens with a literal or a class (case-sensitive),
    which the engine scans for in C, or with a repeat of one class ("[\\s]+"), which fails at a
    position as fast as a look-ahead would."""
    data = list(tree)
    if not data:
        return False
    op, av = data[0]
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT):
        body = list(av[2])
        return len(body) == 1 and body[0][0] in (_OPS.LITERAL, _OPS.IN)
    return (op is _OPS.LITERAL or op is _OPS.IN) and not tree.state.flags & re.IGNORECASE


def guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead of the characters its matches start with, when that helps.

    The result matches exactly what ``pattern`` matches (same groups, same spans); it is
    ``pattern`` itself when no useful set exists (a match can start with anything, or be
    empty) or when the engine already skips positions on its own. The look-ahead is read
    case-insensitively, so flags set inside the pattern cannot make it too strict.
    """
    source = pattern.pattern
    if _GLOBAL_FLAGS.match(source):
        return pattern  # global inline flags must stay first
    tree = _sre_parse.parse(source, pattern.flags)
    if _engine_skips(tree):
        return pattern
    items, can_empty = first_items(tree)
    inside = _class(items) if items and not can_empty else None
    if not inside:
        return pattern
    end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a verbose pattern may end with a comment
    return re.compile("(?i:(?=[" + inside + "]))(?:" + source + end, pattern.flags)
