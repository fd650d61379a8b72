"""docs/grammar.md carries the wording catalogue generated from the registry; it must not drift."""

from __future__ import annotations

from pathlib import Path

from minutes_parser.grammar import catalogue
from minutes_parser.grammar.wording import FAMILIES
from minutes_parser.grammar.wording.lookalike import LOOKALIKE
from minutes_parser.grammar.wording.printed import PRINTED

DOC = Path(__file__).resolve().parents[1] / "docs" / "grammar.md"


def test_catalogue_in_docs_matches_the_registry() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert catalogue.START in text and catalogue.END in text
    assert catalogue.splice(text, catalogue.markdown()) == text, "run: python -m minutes_parser.grammar.catalogue --write"


def test_every_rule_has_an_entry_with_its_phenomenon_and_examples() -> None:
    text = catalogue.markdown()
    for ruler in [*FAMILIES.values(), PRINTED, LOOKALIKE]:
        for rule in ruler:
            assert f"### `{rule.name}`" in text
            assert " ".join(rule.doc.split())[:40] in text
            assert rule.examples, f"{rule.name} has no examples"


def test_splice_replaces_only_the_generated_part() -> None:
    doc = f"intro\n\n{catalogue.START}\n\nold\n{catalogue.END}\n\ntail\n"
    out = catalogue.splice(doc, "new\n")
    assert out.startswith("intro") and out.endswith("tail\n") and "new" in out and "old" not in out
