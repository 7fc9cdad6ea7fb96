"""The handbook builds with ProperDocs (handbook/pipeline/engine.py); MkDocs 1.6.1 builds the very same site.

Built for real: the three-language fixture handbook (the project's theme overrides and hooks) and the real
handbook's English pages, once with each engine. Every file must be byte-identical apart from the generator tag,
which names the engine.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
from pathlib import Path

import pytest

from handbook.pipeline.build import PROJECT, build_language, build_site
from handbook.pipeline.engine import ENGINE, engine_command
from handbook.pipeline.engine_processes import PRELOAD, engine_processes, new_process_runner
from tests.helpers import FIXTURE_PROJECT

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def files(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(ours: Path, theirs: Path) -> list[str]:
    """The files that are missing on one side or differ in more than the generator tag."""
    a, b = files(ours), files(theirs)
    found = [f"only in one build: {path}" for path in sorted(a.keys() ^ b.keys())]
    found += [
        f"differs: {path}"
        for path in sorted(a.keys() & b.keys())
        if GENERATOR.sub(b"", a[path]) != GENERATOR.sub(b"", b[path])
    ]
    return found


def test_the_build_runs_properdocs():
    assert ENGINE == "properdocs"
    assert engine_command("build")[1:] == ["-m", "properdocs", "build"]
    with pytest.raises(ValueError, match="unknown engine 'hugo'"):
        engine_command("build", engine="hugo")
    version = subprocess.run(engine_command("--version"), capture_output=True, text=True, check=True).stdout
    assert "properdocs, version 1.6.7 from" in version, version


def test_a_forked_build_reports_exit_code_and_output_as_a_new_process_does(tmp_path):
    """The language builds run in forks of a preloaded server (handbook/pipeline/engine_processes.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    missing = ["build", "--config-file", str(tmp_path / "missing.yml")]
    with engine_processes(2) as forked:
        version, failed = forked(["--version"], PROJECT, env), forked(missing, tmp_path, env)
    assert version == new_process_runner()(["--version"], PROJECT, env)
    assert version[0] == 0 and "properdocs, version 1.6.7" in version[1]
    assert failed == new_process_runner()(missing, tmp_path, env)
    assert failed[0] == 2 and "missing.yml" in failed[1], failed


def test_every_preloaded_module_exists():
    """multiprocessing skips a preload name it cannot import; a renamed module would only make builds slower."""
    assert [name for name in PRELOAD if importlib.util.find_spec(name) is None] == []


def test_the_comparison_sees_a_changed_page(tmp_path):
    """Control: a difference outside the generator tag is reported, the generator tag alone is not."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b'<meta name="generator" content="mkdocs-1.6.1"><p>One</p>')
    (tmp_path / "b" / "index.html").write_bytes(b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7"><p>One</p>')
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "index.html").write_bytes(b'<meta name="generator" content="x"><p>Two</p>')
    assert differences(tmp_path / "a", tmp_path / "b") == ["differs: index.html"]


def test_mkdocs_builds_the_fixture_handbook_identically(fixture_site, site_url, tmp_path):
    theirs = tmp_path / "site"
    build_site(theirs, root_url=site_url, project=FIXTURE_PROJECT, report=lambda message: None, engine="mkdocs")
    assert differences(fixture_site, theirs) == []
    page = (fixture_site / "en" / "index.html").read_bytes()
    assert GENERATOR.search(page).group(1).startswith(b"mkdocs-ProperDocs 1.6.7")  # type: ignore[union-attr]
    assert GENERATOR.search((theirs / "en" / "index.html").read_bytes()).group(1).startswith(b"mkdocs-1.6.1")  # type: ignore[union-attr]


def test_mkdocs_builds_the_real_english_pages_identically(built_site, site_url, tmp_path):
    build = build_language("en", site_url, tmp_path, PROJECT, engine="mkdocs")
    assert build.returncode == 0, build.output
    ours = files(built_site / "en")
    theirs = files(tmp_path / "en")
    only_search = {path for path in ours.keys() - theirs.keys() if path.parts[0].startswith("pagefind")}
    assert ours.keys() - theirs.keys() == only_search  # the search index is made after the language build
    changed = [p for p in theirs if GENERATOR.sub(b"", ours.get(p, b"")) != GENERATOR.sub(b"", theirs[p])]
    assert changed == []
    assert len(theirs) > 400
