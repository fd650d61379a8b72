"""A package outside this repo adds an adapter through entry-point metadata."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

import minutes_parser
from minutes_parser import registry

PLUGIN = textwrap.dedent(
    """
    from minutes_parser import BaseAdapter
    from minutes_parser.blocks import Block

    class ParishAdapter(BaseAdapter):
        name = "parish-x"
        page_kinds = ("meeting",)

        def detect(self, page):
            return 0.99 if page.text.startswith("PARISH-X MINUTES") else 0.0

        def blocks(self, page):
            lines = page.text.splitlines()[1:]
            return [Block(text=t.strip(), line=i + 2) for i, t in enumerate(lines) if t.strip()], {"page_kind": "meeting"}
    """
)


@pytest.fixture()
def plugin_on_path(tmp_path: Path) -> object:
    (tmp_path / "parish_x_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "parish_x_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: parish-x-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[minutes_parser.adapters]\nparish-x = parish_x_plugin:ParishAdapter\n", encoding="utf-8"
    )
    sys.path.insert(0, str(tmp_path))
    registry.reload_entry_points()
    yield
    sys.path.remove(str(tmp_path))
    sys.modules.pop("parish_x_plugin", None)
    registry.unregister("parish-x")


@pytest.mark.usefixtures("plugin_on_path")
def test_entry_point_adapter_is_registered_and_chosen() -> None:
    assert "parish-x" in minutes_parser.adapter_names()
    doc = minutes_parser.parse(b"PARISH-X MINUTES\n1. Apologies\nRESOLVED that the apologies be accepted.\n")
    assert doc.source.adapter == "parish-x"
    assert doc.items[0].resolutions[0].text == "that the apologies be accepted."


def test_forced_adapter_and_unknown_name() -> None:
    seed = b"Agenda item\n\nBudget\n\nRESOLVED that the report be noted.\n"
    assert minutes_parser.parse(seed, adapter="text").source.adapter == "text"
    with pytest.raises(minutes_parser.ParseError, match="no adapter named"):
        minutes_parser.parse(seed, adapter="nope")


def test_unrecognized_page_names_adapters_and_scores() -> None:
    with pytest.raises(minutes_parser.UnrecognizedPage) as info:
        minutes_parser.parse(b"Our new park opens on Saturday with a brass band.")
    assert "text=" in str(info.value)
    assert ("text", 0.0) in info.value.scores
