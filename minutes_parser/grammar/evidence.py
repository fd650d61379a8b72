"""Is this a council democracy page? Evidence that accumulates over the whole page.

Evidence *for* comes from what the lexer found: page-kind headers ("Agenda
item", "Decision details"), decision headings ("RESOLVED", "Decision:"),
votes (movers, seconders, results), decision-page and attendance labels,
meeting headers ("Minutes of X held at Y on Z"), and structure (a run of
numbered items in sequence, issue-page meeting lines). Each *kind* of evidence
counts once, so a page cannot pass on one word repeated. Evidence *against*
comes from the furniture of look-alike genres (:mod:`.wording.lookalike`).

>>> from minutes_parser.blocks import Block
>>> ev = democracy_evidence([Block(text="Agenda item"), Block(text="Budget"), Block(text="RESOLVED that it be noted.")])
>>> ev.score >= THRESHOLD
True
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..blocks import Block
from .lexer import Lexed, lex
from .segment import choose_starts
from .tokens import Kind
from .wording.lookalike import LOOKALIKE

THRESHOLD = 0.5
"""Evidence needed to read a page as a democracy page (matches the registry's threshold)."""
SCAN_BLOCKS = 400
"""Evidence is read from the first blocks of a page: enough for any header and several items."""
CHAIN_BONUS = 0.3
"""A run of three or more numbered items in sequence."""
CHAIN_MIN = 3
"""How many items in sequence count as an agenda's structure."""
LOOKALIKE_CAP = 1.0
"""Evidence against is capped: one genre's furniture cannot outweigh a real record entirely."""

WEIGHTS: dict[str, float] = {
    "page_kind:agenda-item": 0.5,
    "page_kind:issue-meetings": 0.5,
    "page_kind:issue-decisions": 0.5,
    "page_kind:decision-details": 0.5,
    "page_kind:meeting-agenda": 0.3,
    "page_kind:meeting-minutes-title": 0.15,
    "page_kind:decision-list": 0.3,
    "page_kind:meeting-list": 0.15,
    "section:resolved": 0.35,
    "section:agreed": 0.3,
    "section:decided": 0.3,
    "section:agreed-following": 0.3,
    "section:resolution-number": 0.35,
    "section:lead-in": 0.25,
    "section:decision": 0.3,
    "section:recommended": 0.2,
    "section:asked-to": 0.15,
    "section:minutes": 0.3,
    "section:documents": 0.15,
    "section:reasons": 0.2,
    "section:alternatives": 0.2,
    "section:interests": 0.1,
    "section:purpose": 0.15,
    "section:closing": 0.05,
    "section:inline-resolved": 0.25,
    "section:inline-sentence": 0.15,
    "vote:moved-by": 0.3,
    "vote:seconded-by": 0.25,
    "vote:motion-movers": 0.3,
    "vote:moved-seconded": 0.3,
    "vote:motion-heading": 0.15,
    "vote:result": 0.2,
    "vote:tally": 0.2,
    "vote:named-votes": 0.15,
    "label:maker": 0.35,
    "label:decided": 0.3,
    "label:decided_at": 0.35,
    "label:published": 0.2,
    "label:call_in": 0.3,
    "label:key": 0.3,
    "label:decision_status": 0.3,
    "label:meta": 0.2,
    "label:present": 0.25,
    "label:apologies": 0.25,
    "label:in_attendance": 0.2,
    "label:absent": 0.15,
    "label:venue": 0.15,
    "label:date": 0.1,
    "label:time": 0.1,
    "label:committee": 0.15,
    "label:wards": 0.15,
    "label:reference": 0.1,
    "label:subject": 0.1,
    "label:author": 0.1,
    "meeting:minutes-held": 0.4,
    "meeting:meeting-of-held": 0.35,
    "meeting:body-met": 0.35,
    "meeting:body-dash-date": 0.35,
    "meeting:agenda-for": 0.35,
    "meeting:listed-meeting": 0.35,
    "meeting:date-dash-body": 0.2,
    "meeting:held-at-on": 0.25,
    "meeting:minutes-dated": 0.3,
    "meeting:meeting-of": 0.2,
    "meeting:date-line": 0.15,
    "meeting:meeting-notice": 0.3,
    "action:action-line": 0.15,
    "document:sized-title": 0.1,
    "document:link": 0.1,
    "candidate:meeting-ref": 0.6,
    "candidate:date-title": 0.25,
}
"""How much each kind of evidence says: a token kind and rule ("section:resolved"), a page-kind
header, or a candidate form. Calibrated on the labelled corpus: every democracy page there
reaches the threshold and every look-alike stays below it."""


@attrs.frozen(kw_only=True, slots=True)
class Evidence:
    """What a page showed for and against being a democracy page."""

    score: float
    """Evidence for minus evidence against, 0..1."""
    found: tuple[str, ...]
    """Evidence for, as "what (line N)"."""
    against: tuple[str, ...]
    """Evidence against, as "what (line N)"."""

    def describe(self) -> str:
        """A short account for a refusal message."""
        parts = []
        parts.append("found " + (", ".join(self.found[:6]) if self.found else "no wording of minutes, agendas or decisions"))
        if self.against:
            parts.append("against: " + ", ".join(self.against[:4]))
        return "; ".join(parts)


def democracy_evidence(blocks: Sequence[Block], lexed: Lexed | None = None) -> Evidence:
    """Weigh the evidence that ``blocks`` are a council democracy page (from its first
    :data:`SCAN_BLOCKS` blocks; pass ``lexed`` when the page is already lexed)."""
    lexed = lexed if lexed is not None else lex(blocks[:SCAN_BLOCKS])
    seen: dict[str, str] = {}
    for tok in lexed.tokens:
        key = None
        if tok.kind is Kind.PAGE_KIND:
            key = f"page_kind:{tok.rule}"
        elif tok.kind is Kind.SECTION and tok.rule:
            key = f"section:{tok.rule}"
        elif tok.kind is Kind.VOTE and tok.rule:
            key = f"vote:{tok.rule}"
        elif tok.kind is Kind.LABEL:
            key = f"label:{tok.data.get('key')}"
        elif tok.kind is Kind.MEETING and tok.rule:
            key = f"meeting:{tok.rule}"
        elif tok.kind is Kind.ACTION and tok.rule:
            key = f"action:{tok.rule}"
        elif tok.kind is Kind.DOCUMENT and tok.rule:
            key = f"document:{tok.rule}"
        elif tok.kind is Kind.DOCUMENT and tok.data.get("link"):
            key = "document:link"  # a link to a document file (an agenda, a report, minutes)
        if key is not None and key in WEIGHTS and key not in seen:
            seen[key] = f"{_name(key)} {tok.text[:40]!r} (line {tok.line})" if tok.line else f"{_name(key)} {tok.text[:40]!r}"
    for cand in lexed.candidates:
        key = f"candidate:{cand.scheme}"
        if key in WEIGHTS and key not in seen:
            line = lexed.blocks[cand.block].line
            seen[key] = f"{_name(key)} (line {line})" if line else _name(key)
    score = sum(WEIGHTS[k] for k in seen)
    found = list(seen.values())
    against: list[str] = []
    penalty = 0.0
    rules_seen: set[str] = set()
    for block in lexed.blocks:
        if not block.text or len(block.text) > 2000:
            continue
        hit = LOOKALIKE.first(block.text)
        if hit is not None and hit[0].name not in rules_seen:
            rules_seen.add(hit[0].name)
            penalty += float(hit[0].data.get("weight", 0.3))
            against.append(f"{hit[0].name} {block.text[:40]!r}" + (f" (line {block.line})" if block.line else ""))
    score -= min(penalty, LOOKALIKE_CAP)
    if score < 1.0:  # beyond 1.0 the chain cannot change the score: segmentation is skipped
        starts = choose_starts(lexed, None, single=False, listing=False)
        numbered = [s for s in starts if s.number]
        if len(numbered) >= CHAIN_MIN:
            score += CHAIN_BONUS
            found.append(f"{len(numbered)} numbered items in sequence")
    return Evidence(score=round(max(0.0, min(score, 1.0)), 3), found=tuple(found), against=tuple(against))


def _name(key: str) -> str:
    family, _, rule = key.partition(":")
    return {"page_kind": "page-kind header", "candidate": "item line"}.get(family, family.replace("_", " ")) + (f" {rule}" if rule else "")
