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


def test_every_public_record_and_error_is_exported() -> None:
    import attrs

    import minutes_parser
    from minutes_parser import errors, models

    records = {name for name, obj in vars(models).items() if isinstance(obj, type) and attrs.has(obj)}
    errs = {name for name, obj in vars(errors).items() if isinstance(obj, type) and issubclass(obj, Exception)}
    assert records | errs <= set(minutes_parser.__all__)


def test_version_comes_from_the_package_metadata() -> None:
    from importlib import metadata

    import minutes_parser

    assert minutes_parser.__version__ == metadata.version("minutes-parser")


def test_license_is_spdx_with_its_file() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "dask" not in " ".join(project["optional-dependencies"]["test"])
