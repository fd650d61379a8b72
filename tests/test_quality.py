"""The package is ruff-clean and mypy --strict clean (tools from the test extra)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_ruff_clean() -> None:
    result = _run("ruff", "check", "minutes_parser", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean() -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy", "--strict", "minutes_parser")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_needs_no_optional_extra() -> None:
    code = "import sys, minutes_parser; assert 'dask' not in sys.modules; print('ok')"
    result = _run(sys.executable, "-c", code)
    assert result.stdout.strip() == "ok", result.stderr
