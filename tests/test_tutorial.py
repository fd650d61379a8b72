"""docs/tutorial.md runs: its Python blocks, in order, in one namespace, from the repository's root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT

TUTORIAL = ROOT / "docs" / "tutorial.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_tutorial_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    blocks = _BLOCK.findall(TUTORIAL.read_text(encoding="utf-8"))
    assert len(blocks) == 5
    namespace: dict[str, object] = {"__name__": "tutorial"}
    monkeypatch.chdir(ROOT)
    for n, block in enumerate(blocks, 1):
        code = compile(block, f"{TUTORIAL}:block{n}", "exec")
        # The plot is written where the reader runs the tutorial; here, in a temporary folder.
        block_code = (
            code
            if "savefig" not in block
            else compile(
                block.replace('"decisions-per-month.png"', repr(os.fspath(tmp_path / "decisions-per-month.png"))),
                f"{TUTORIAL}:block{n}",
                "exec",
            )
        )
        exec(block_code, namespace)
    out = capsys.readouterr().out
    assert "4 pages parsed" in out and "skipped" not in out
    assert "Waste Collection Service Review - 3 page(s): decision, issue_history, meeting" in out
    per_month = namespace["per_month"]
    counts = {(str(month), committee): int(n) for month, row in per_month.iterrows() for committee, n in row.items()}  # type: ignore[attr-defined]
    assert counts == {
        ("2025-03", "Cabinet"): 1,
        ("2025-03", "Planning Committee"): 0,
        ("2025-04", "Cabinet"): 0,
        ("2025-04", "Planning Committee"): 2,
    }
    if namespace.get("plt") is not None:
        assert (tmp_path / "decisions-per-month.png").stat().st_size > 0
