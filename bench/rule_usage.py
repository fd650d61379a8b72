"""Measure where each wording rule is used on the labelled corpus; write the grammar's usage file.

For every labelled page (``../shared/corpus``, beside the clone), the page's
blocks are lexed and each rule that claims a line (or offers an item
candidate, or counts as evidence against) is credited with the page, its
publishing system and its country. The result feeds the "Where" lines of the
catalogue in ``docs/grammar.md``::

    python bench/rule_usage.py            # writes minutes_parser/grammar/wording/usage.json
    python -m minutes_parser.grammar.catalogue --write

Systems come from the adapter that read the page, or for text captures from
the system their URL names; countries from the URL's domain.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import minutes_parser
from minutes_parser import registry
from minutes_parser.decode import Page
from minutes_parser.grammar.catalogue import USAGE_FILE
from minutes_parser.grammar.lexer import lex
from minutes_parser.grammar.tokens import Kind
from minutes_parser.grammar.wording import COUNCIL, FAMILIES, PRINTED
from minutes_parser.grammar.wording.lookalike import LOOKALIKE

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_COUNTRIES = {
    "uk": "UK",
    "ie": "Ireland",
    "au": "Australia",
    "nz": "New Zealand",
    "ca": "Canada",
    "us": "US",
    "za": "South Africa",
    "in": "India",
    "sg": "Singapore",
}
HEADER_BLOCKS = 30
"""Blocks of a page's header where the document-level rules (its council, a printed document's kind) are credited."""
_READABLE = {"text": "text capture", "pdf": "PDF", "generic": "other HTML", "other": "other system"}
"""How the catalogue names a page read without a known system."""
_KIND_FAMILY = {
    Kind.NOISE: "noise",
    Kind.PAGE_KIND: "page_kind",
    Kind.VOTE: "vote",
    Kind.SECTION: "section",
    Kind.ACTION: "action",
    Kind.CONTACT: "contact",
    Kind.LABEL: "label",
    Kind.DOCUMENT: "document",
    Kind.MEETING: "meeting",
}


def country(url: str | None) -> str | None:
    """The country a page's domain names (``.gov.uk`` → UK; ``.gov`` and ``.us`` → US)."""
    if not url:
        return None
    host = urlsplit(url).netloc.lower().split(":")[0]
    tld = host.rsplit(".", 1)[-1]
    if tld in _COUNTRIES:
        return _COUNTRIES[tld]
    if tld == "gov" or host.endswith((".legistar.com", ".granicus.com", ".iqm2.com")):
        return "US"
    return None


def pages(root: Path) -> list[tuple[Path, str | None]]:
    """Every labelled page under ``root`` with its URL from the gold file."""
    out = []
    for gold in sorted(root.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        found = [p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")]
        if found:
            out.append((found[0], json.loads(gold.read_text(encoding="utf-8")).get("url")))
    return out


def main() -> int:
    """Lex every labelled page and write the usage of each rule."""
    if not CORPUS.is_dir():
        print(f"labelled corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    names = {family: set(ruler.names()) for family, ruler in FAMILIES.items()}
    for path, url in pages(CORPUS):
        page = Page(path.read_bytes(), url=url)
        scores = registry.detect(page)
        if not scores:
            continue
        adapter = registry.get(scores[0][0])
        try:
            blocks, _ = adapter.blocks(page)
        except (minutes_parser.ParseError, NotImplementedError):
            continue  # structured data (JSON, web-service XML): no lines to credit
        system = adapter.name
        if system in ("text", "pdf", "generic") and url:
            system = registry.url_system(url) or system
        system = _READABLE.get(system, system)
        where = {"pages": str(path.relative_to(CORPUS)), "systems": system, "countries": country(url) or ""}
        lexed = lex(blocks)

        def credit(key: str, where: dict[str, str] = where) -> None:
            for field, value in where.items():
                if value:
                    seen[key][field].add(value)

        for tok in lexed.tokens:
            family = _KIND_FAMILY.get(tok.kind)
            if family is None or not tok.rule:
                continue
            if family == "section" and tok.rule in names["inline"]:
                family = "inline"
            if tok.rule in names.get(family, ()):
                credit(f"{family}:{tok.rule}")
            elif family == "label":
                credit(f"label:{tok.data.get('key')}")
        for cand in lexed.candidates:
            if cand.scheme in names["numbering"]:
                credit(f"numbering:{cand.scheme}")
        for block in blocks:
            hit = LOOKALIKE.first(block.text) if block.text and len(block.text) < 2000 else None
            if hit is not None:
                credit(f"lookalike:{hit[0].name}")
        for block in blocks[:HEADER_BLOCKS]:
            for family, ruler in (("council", COUNCIL), ("printed", PRINTED)):
                if family == "printed" and adapter.name != "pdf":
                    continue
                for rule, _ in ruler.all(block.text) if block.text else ():
                    credit(f"{family}:{rule.name}")
    usage = {
        key: {
            "pages": len(fields["pages"]),
            "systems": sorted(fields["systems"]),
            "countries": sorted(fields["countries"]),
        }
        for key, fields in sorted(seen.items())
    }
    USAGE_FILE.write_text(json.dumps(usage, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(usage)} rules seen on the corpus; written to {USAGE_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
