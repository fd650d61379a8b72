"""Small text measures the grammar shares: folding, fuzzy equality, title shape.

>>> titleness("Apologies for Absence") > titleness("The Chair welcomed everyone to the meeting and thanked them.")
True
>>> fold("“Resolved” – that")
'"resolved" - that'
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

_FOLD_TABLE = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)
_WS = re.compile(r"\s+")

TITLE_WORDS = 14
"""Titles longer than this many words read as sentences (agenda titles run 1 to ~12 words)."""
SIMILAR = 90.0
"""Fuzzy ratio (0..100) at which two texts are the same text printed twice."""

_SENTENCE_START = re.compile(
    r"^(?:it\s+was|there\s+(?:was|were|is|are|had|have)|the\s+\w+(?:\s+\w+){0,3}\s+(?:was|were|is|are|has|had|have|will|would|said|stated|asked|reported|explained|advised|noted|welcomed|thanked|introduced|presented|referred|confirmed|declared|opened|closed)\b"
    r"|(?:members|councillors?|cllr|mr|mrs|ms|dr|officers?)\b.{0,60}?\b(?:was|were|is|are|has|had|have|said|stated|asked|reported|explained|advised|noted|declared|welcomed)\b)",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|could|should|declared|advised|reported|noted|explained|stated|thanked|welcomed|asked|agreed|resolved|received|presented|confirmed|attended|opened|closed)\b"
)
"""Verbs in lower case that make a line a sentence ("Apologies were recorded from ...")."""


def fold(text: str) -> str:
    """Case-, quote-, dash- and space-folded text for comparisons."""
    return _WS.sub(" ", text.translate(_FOLD_TABLE).casefold()).strip(" .;:,")


def similar(a: str, b: str, threshold: float = SIMILAR) -> bool:
    """Fuzzy equality of two texts after folding case, quotes and spaces."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return fa == fb
    return fa == fb or fuzz.ratio(fa, fb) >= threshold


def mostly_upper(text: str, share: float = 0.6) -> bool:
    """True when at least ``share`` of the letters are capitals (and there are three or more)."""
    letters = sum(map(str.isalpha, text))
    if letters < 3:
        return False
    return sum(map(str.isupper, text)) / letters >= share


def reads_as_sentence(text: str) -> bool:
    """True for narrative ("The Chair welcomed ...", "It was noted that ...")."""
    return _SENTENCE_START.match(text) is not None


def titleness(text: str) -> float:
    """How much ``text`` looks like an item title (0..1): short, capitalised, not a sentence."""
    text = text.strip()
    if not text:
        return 0.0
    words = text.split()
    n = len(words)
    score = 1.0
    first = text[0]
    if first.islower():
        score -= 0.6
    if n > TITLE_WORDS:
        score -= min(0.7, 0.05 * (n - TITLE_WORDS))
    if text.endswith((".", ";")) and n > 8 and not mostly_upper(text):
        score -= 0.35
    if reads_as_sentence(text):
        score -= 0.45
    if _FINITE.search(text):
        score -= 0.5 if text.endswith(".") else 0.2
    if _ADDRESSED.search(text):
        score -= ADDRESSED_PENALTY
    if mostly_upper(text):
        score += 0.15
    return max(0.0, min(1.0, score))


_ADDRESSED = re.compile(r"(?<!\bthank\s)\byou(?:rs?)?\b", re.IGNORECASE)
ADDRESSED_PENALTY = 0.8
"""A line spoken to the reader ("State your name and address", "Organization you represent") is an
instruction to the public, not the title of the business ("Thank you to volunteers" may be one)."""


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation (a closed sentence or clause)."""
    return text.rstrip().endswith((".", ";", ":", "!", "?", ")", "]", "”", '"', "’", "'"))
