"""The code is kept linted, formatted and typed (ruff and mypy, configured in pyproject.toml): part of `make test`,
so a pull request that breaks them fails like any other test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.pipeline.build import PROJECT

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        # Files and options: [tool.ruff] and [tool.mypy] in pyproject.toml.
        ["ruff", "check"],
        ["ruff", "format", "--check"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_the_code_passes(command):
    done = subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=PROJECT, capture_output=True, text=True, timeout=280
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_linters_do_report_a_mistake(tmp_path):
    """Control: an unused import and a wrong type are reported, so the test above can fail."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\n\ndef half(n: int) -> str:\n    return n / 2\n", encoding="utf-8")
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--isolated", str(bad)], capture_output=True, text=True)
    assert ruff.returncode == 1 and "F401" in ruff.stdout
    mypy = subprocess.run(
        [str(BIN / "mypy"), "--no-incremental", str(bad)], cwd=tmp_path, capture_output=True, text=True, timeout=280
    )
    assert mypy.returncode == 1 and "Incompatible return value type" in mypy.stdout


def test_ruff_covers_all_python_code_and_nothing_else():
    """Control: with no paths, ruff lints every folder of Python code (pyproject.toml's include), so a file in
    tests/ or benchmarks/ cannot slip past the test above."""
    listed = subprocess.run(
        [str(BIN / "ruff"), "check", "--show-files"], cwd=PROJECT, capture_output=True, text=True, timeout=280
    ).stdout.splitlines()
    folders = {Path(line).relative_to(PROJECT).parts[0] for line in listed if line.endswith(".py")}
    assert folders == {"handbook", "hooks", "tests", "benchmarks"}
