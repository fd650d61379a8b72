"""The documentation site builds (``mkdocs build --strict``) and every code block of its pages runs.

``python`` blocks of a page run in order, in one namespace, from the repository's
root; an expression followed by a comment that reads as a Python value must equal
it (as in the README). ``bash`` blocks: each ``minutes-parser`` command runs.
``text`` blocks are not code. The tutorial has its own test (``test_tutorial.py``).
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from test_readme import _comments, _env, _stated

import minutes_parser

DOCS = ROOT / "docs"
OWN_TEST = {"tutorial.md"}
_FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<code>.*?)^```", re.MULTILINE | re.DOTALL)
PAGES = sorted(p for p in DOCS.rglob("*.md") if p.name not in OWN_TEST)


def _blocks(page: Path, lang: str) -> list[str]:
    return [m.group("code") for m in _FENCE.finditer(page.read_text(encoding="utf-8")) if m.group("lang") == lang]


def test_every_page_is_in_the_site() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md") if str(p.relative_to(DOCS)) not in nav]
    assert not missing, f"pages not in mkdocs.yml's nav: {missing}"


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p, "python")], ids=lambda p: p.name)
def test_python_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "docs"}
    checked = 0
    try:
        for n, code in enumerate(_blocks(page, "python"), 1):
            comments = _comments(code)
            for node in ast.parse(code).body:
                source = ast.get_source_segment(code, node)
                assert source is not None
                where = f"{page.name}:block{n}"
                if isinstance(node, ast.Expr):
                    value = eval(compile(ast.Expression(node.value), where, "eval"), namespace)
                    readable, stated = _stated(comments.get(node.end_lineno or node.lineno, ""))
                    if readable:
                        assert value == stated, f"{where} says {source} gives {stated!r}; it gives {value!r}"
                        checked += 1
                else:
                    exec(compile(ast.Module(body=[node], type_ignores=[]), where, "exec"), namespace)
    finally:
        for name in [a.name for a in minutes_parser.registry.adapters()]:
            if name == "anyville":  # the adapter guide's example registers one
                minutes_parser.registry.unregister(name)
    assert checked, f"{page.name}: no stated value was checked"


def _commands() -> list[tuple[str, str]]:
    out = []
    for page in PAGES:
        for code in _blocks(page, "bash"):
            for line in code.splitlines():
                command = line.split("#", 1)[0].strip()
                if command.startswith("minutes-parser"):
                    out.append((page.name, command))
    return out


@pytest.mark.parametrize(("page", "command"), _commands(), ids=[f"{p}:{c}" for p, c in _commands()])
def test_bash_commands_run(page: str, command: str) -> None:
    result = subprocess.run(shlex.split(command), cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"{page}: {command}\n{result.stderr}"


def test_site_builds_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra (mkdocs) is not installed")
    pytest.importorskip("mkdocstrings", reason="the docs extra (mkdocstrings) is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", os.fspath(tmp_path / "site")],
        cwd=ROOT,
        env={**_env(), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
