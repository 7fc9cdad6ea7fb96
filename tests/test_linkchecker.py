"""LinkChecker, the independent second opinion, over the built site served on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook.core.local_server import serve_directory

LINKCHECKER = str(Path(sys.executable).with_name("linkchecker"))


def run_linkchecker(url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Check every internal link below ``url``; external links are left to `make linkcheck`."""
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nthreads=8\nmaxrequestspersecond=1000\n", encoding="utf-8")
    return subprocess.run(
        [LINKCHECKER, "--config", str(config), "--no-status", "--no-warnings", url],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_no_broken_internal_link(served_site, tmp_path):
    result = run_linkchecker(served_site, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout, result.stdout


def test_linkchecker_does_report_a_broken_link(tmp_path):
    """Control: the same invocation fails on a site with a broken link, so the test above can fail."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text('<!doctype html><title>x</title><a href="missing/">gone</a>')
    with serve_directory(tmp_path / "site") as url:
        result = run_linkchecker(url, tmp_path)
    assert result.returncode == 1
    assert "missing/" in result.stdout
