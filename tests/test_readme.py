"""Every code block of README.md runs, and the values its comments state are what the code gives.

``bash`` blocks: each ``&&``-joined command runs from the project root, except
``pip install ...`` (the package is installed to run the tests) and the test
command itself. ``python`` blocks: a block with a ``__main__`` guard runs as a
script; any other runs statement by statement, and an expression followed by a
comment that reads as a Python value (``# '43', 'Cabinet', date(2025, 3, 11)``)
must equal it. ``text`` blocks are not code.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

README = ROOT / "README.md"
_FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<code>.*?)^```", re.MULTILINE | re.DOTALL)
SKIPPED_COMMANDS = ("pip install", "python -m pytest")


def blocks(lang: str) -> list[str]:
    return [m.group("code") for m in _FENCE.finditer(README.read_text(encoding="utf-8")) if m.group("lang") == lang]


def _env() -> dict[str, str]:
    scripts = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", "")}


def _commands() -> list[str]:
    out = []
    for code in blocks("bash"):
        for line in code.splitlines():
            for command in line.split("&&"):
                command = command.strip()
                if command and not command.startswith(SKIPPED_COMMANDS):
                    out.append(command)
    return out


def test_readme_has_code_to_run() -> None:
    assert _commands() and blocks("python")


@pytest.mark.parametrize("command", _commands())
def test_readme_command(command: str) -> None:
    result = subprocess.run(
        command, shell=True, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    if command.startswith("minutes-parser parse"):
        assert json.loads(result.stdout)["items"]


def _comments(code: str) -> dict[int, str]:
    """Line number -> the text of the comment ending that line."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = token.string[1:].strip()
    return found


def _stated(comment: str) -> tuple[bool, Any]:
    """(True, value) when the comment reads as a Python value, else (False, None)."""
    try:
        return True, eval(comment, {"__builtins__": {}, "date": dt.date})  # a README comment, not input
    except Exception:
        return False, None


PYTHON = blocks("python")


@pytest.mark.parametrize("code", PYTHON, ids=[f"python-{i}" for i in range(len(PYTHON))])
def test_readme_python_block(code: str, tmp_path: Path) -> None:
    if "__main__" in code:
        script = tmp_path / "readme_example.py"
        script.write_text(code, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(script)],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
        return
    comments = _comments(code)
    namespace: dict[str, Any] = {"__name__": "readme"}
    checked = 0
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for node in ast.parse(code).body:
            source = ast.get_source_segment(code, node)
            assert source is not None
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), "README.md", "eval"), namespace)
                readable, stated = _stated(comments.get(node.end_lineno or node.lineno, ""))
                if readable:
                    assert value == stated, f"README says {source} gives {stated!r}; it gives {value!r}"
                    checked += 1
            else:
                exec(compile(ast.Module(body=[node], type_ignores=[]), "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    if comments:
        assert checked, "no stated value was checked"
