"""LinkChecker, the independent second opinion, over the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from tests.conftest import QuietHandler, free_port

LINKCHECKER = str(Path(sys.executable).with_name("linkchecker"))


def run_linkchecker(url: str) -> subprocess.CompletedProcess[str]:
    """Check every internal link and anchor below ``url``; external links are left to `make linkcheck`."""
    return subprocess.run(
        [LINKCHECKER, "--no-status", "--no-warnings", "--threads", "4", url],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_no_broken_internal_link(served_site):
    result = run_linkchecker(served_site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout, result.stdout


def test_linkchecker_does_report_a_broken_link(tmp_path):
    """Control: the same invocation fails on a site with a broken link, so the test above can fail."""
    (tmp_path / "index.html").write_text('<!doctype html><title>x</title><a href="missing/">gone</a>')
    port = free_port()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(tmp_path))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = run_linkchecker(f"http://127.0.0.1:{port}/")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1
    assert "missing/" in result.stdout
