"""`make serve` (python -m handbook serve) shows a saved change, on a guide and on generated pages."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from handbook.core.local_server import free_port
from handbook.pipeline.build import PROJECT

COPIED = [
    "mkdocs.yml",
    "docs",
    "overrides",
    "hooks",
    "handbook",
    "i18n",
    "data",
    "content",
    "config",
]  # all mkdocs.yml watches


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float) -> str:
    """The page at ``url`` once it contains ``text``; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            body = fetch(url)
            if text in body:
                return body
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not show {text!r} within {seconds} s")
        time.sleep(0.1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the handbook, so the test can edit its sources."""
    for name in COPIED:
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def test_preview_shows_saved_changes(project: Path, tmp_path: Path):
    port = free_port()
    log = (tmp_path / "serve.log").open("w")  # a file, not a pipe nobody reads: the server must never block
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "handbook",
            "--project",
            str(project),
            "serve",
            "--language",
            "de",
            "--address",
            f"127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/de/"
    try:
        wait_for(f"{base}municipalities/sindelfingen/", "71063", 120)
        guide = project / "docs" / "topics" / "housing.de.md"
        guide.write_text(guide.read_text(encoding="utf-8") + "\nVorschau-Markierung-eins\n", encoding="utf-8")
        wait_for(f"{base}topics/housing/", "Vorschau-Markierung-eins", 60)
        # Generated pages follow their sources: new local prose appears on the municipality page.
        (project / "content" / "municipalities" / "sindelfingen.de.md").write_text(
            "---\nlast_reviewed: 2026-11-01\nowner: Test\nsources:\n  - title: Stadt Sindelfingen\n"
            "    url: https://www.sindelfingen.de/\n---\n\nVorschau-Markierung-zwei\n",
            encoding="utf-8",
        )
        wait_for(f"{base}municipalities/sindelfingen/", "Vorschau-Markierung-zwei", 60)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
