"""A guarded pattern finds exactly what its pattern finds.

:func:`minutes_parser.regexes.guard` puts a look-ahead of a pattern's possible first
characters in front of it, so that searches skip other positions at once. The look-ahead
is derived from the pattern's parse tree; these tests check on generated text, on every
rule's own examples and on hand-written look-alikes that the guarded pattern's matches
(spans and groups) are the pattern's, for every pattern the library guards.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_parser import dates
from minutes_parser.grammar import lexer
from minutes_parser.grammar.wording import all_rules
from minutes_parser.regexes import guard

GUARDED = {
    **{f"lexer.{name}": getattr(lexer, name) for name in ("_SPLIT", "_TITLE_THEN_PARAGRAPH", "_TITLE_TRAILER")},
    **{
        f"dates.{name}": getattr(dates, name)
        for name in (
            "_DMY_TEXT", "_MDY_TEXT", "_YMD_TEXT", "_NUMERIC", "_YMD", "_SHORT_YEAR", "_TIME", "_HAS_MONTH",
            "_WEEKDAY_DATE", "_DM_NO_YEAR", "_MD_NO_YEAR", "_US_DATE", "_UK_DATE", "_NUMERIC_PAIR",
        )
    },
    **{f"{family}/{rule.name}": rule.searcher for family, rule in all_rules() if rule.search},
}
"""Every guarded pattern the library uses, by where it lives."""

EXAMPLES = [
    text if isinstance(text, str) else text[0]
    for _, rule in all_rules()
    for text in (*rule.examples, *rule.counter)
] + [
    "The meeting closed at 9.15pm. 2. Apologies for Absence 2.1 None were received.",
    "Minutes of the Meeting held on Tuesday 3rd May 2022 at 7.30 p.m. in the Village Hall",
    "REVIEW OF FEES........ 7",
    "\u00a0Report (Agenda item 4)\u2003Page 2",
    "Carried 5-2. RESOLVED: That the plan be adopted. 12/03/2024 at 19:00 hrs",
]
"""Lines in many wordings: every rule's examples and counter-examples, and a few more."""

_ALPHABET = st.sampled_from([*"aAeEmMrRsStTdDnNoO0123456789 .,:;()-\u2013\u00a0\t/|", "May", "RESOLVED", "held", "Council", "Page", "pm"])
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _original(guarded: re.Pattern[str]) -> re.Pattern[str]:
    source = guarded.pattern
    if source.startswith("(?i:(?=["):
        inner = source[source.index("]))(?:") + len("]))(?:") : -1]
        return re.compile(inner, guarded.flags)
    return guarded


def test_the_hot_patterns_are_guarded() -> None:
    """The patterns searched at every position of long lines carry their guard."""
    for name in ("lexer._SPLIT", "lexer._TITLE_TRAILER", "dates._DMY_TEXT", "dates._TIME"):
        assert GUARDED[name].pattern.startswith("(?i:(?=["), name


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guarded_pattern_finds_what_the_pattern_finds_on_examples(name: str) -> None:
    guarded = GUARDED[name]
    original = _original(guarded)
    for text in EXAMPLES:
        assert _found(guarded, text) == _found(original, text), (name, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, index=st.integers(min_value=0, max_value=len(GUARDED) - 1))
def test_guarded_pattern_finds_what_the_pattern_finds_on_generated_text(text: str, index: int) -> None:
    guarded = GUARDED[sorted(GUARDED)[index]]
    assert _found(guarded, text) == _found(_original(guarded), text)


@pytest.mark.parametrize(
    ("source", "flags", "guarded"),
    [
        (r"(?<=\w)\s+(?=RESOLVED)", 0, True),  # opens with a look-behind: guarded by the spaces
        (r"\b(?:council|board)s?\b", re.I, True),  # a word boundary, then words in any case
        (r"(?:(?i:present)|absent)\s*:", 0, True),  # a local case-insensitive group: guard reads any case
        (r"resolved", 0, False),  # a literal: the engine scans for it itself
        (r"[\s\u00a0]+", 0, False),  # a repeated class fails as fast unguarded
        (r"(?i)\bmoved\b", 0, False),  # global inline flags must stay first
        (r"(?P<word>\bmoved)\b", 0, True),  # a named group first is no inline flag
        (r"\bmoved # a comment", re.VERBOSE, True),  # a verbose pattern ending with a comment
        (r"\w*", 0, False),  # can match nothing
        (r".x", 0, False),  # can start with anything
    ],
)
def test_guard_is_added_only_where_it_can_help(source: str, flags: int, guarded: bool) -> None:
    pattern = re.compile(source, flags)
    result = guard(pattern)
    assert (result is not pattern) is guarded
    for text in ("The Board RESOLVED", "PRESENT: all", "Present : x", "moved x", "xx"):
        assert _found(result, text) == _found(pattern, text)
