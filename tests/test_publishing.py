"""Publishing: a build replaces the site only when it passed, Ctrl-C leaves it whole, preview links say so."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

from handbook.core.public_address import is_preview_address
from handbook.pipeline.build import build_site
from tests.helpers import FIXTURE_PROJECT


def handbook(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "handbook", "--project", str(FIXTURE_PROJECT), *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_interrupted_build_leaves_the_previous_site_whole(tmp_path: Path):
    site = tmp_path / "site"
    build_site(site, project=FIXTURE_PROJECT, report=lambda message: None)
    before = sorted(path.relative_to(site).as_posix() for path in site.rglob("*"))
    (site / "marker.txt").write_text("from the previous build", encoding="utf-8")
    process = handbook("build", "--site-dir", str(site), cwd=tmp_path)
    building = tmp_path / ".site.building"
    deadline = time.monotonic() + 60
    while not (building / "en").exists() and time.monotonic() < deadline:  # the language builds have started
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] == "Interrupted: nothing was changed."
    assert (site / "marker.txt").read_text(encoding="utf-8") == "from the previous build"
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.name != "marker.txt") == before
    assert not building.exists()


def test_a_build_for_publishing_refuses_an_address_that_works_only_here(tmp_path: Path):
    for address in ("http://127.0.0.1:8000/", "http://localhost/", ""):
        process = handbook("build", "--public", "--base-url", address, "--site-dir", "site", cwd=tmp_path)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 1, address
        assert stderr.strip() == (
            f"the public address is missing: '{address}' works only on this machine"
            " — set HANDBOOK_BASE_URL to the address the site is published at"
        )
    assert not (tmp_path / "site").exists()
    assert is_preview_address("http://[::1]:8000/") and not is_preview_address("https://welcome.region-stuttgart.de/")


def test_printed_packs_and_the_link_catalogue_of_a_preview_say_so(built_site: Path):
    def notices(path: str) -> list[str]:
        html = BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [notice["data-notice"] for notice in html.select("[data-notice]")]

    assert "preview" in notices("en/employers/welcome-pack/tamm")
    assert "preview" in notices("ar/employers/links")
    assert "preview" not in notices("en/topics/housing")


def test_one_https_rule_for_every_link_in_the_data():
    from handbook.core.public_address import is_https_address

    assert is_https_address("https://www.stuttgart.de/")
    for bad in (
        "http://www.stuttgart.de/",
        "https://",
        "https:///path",
        "https://www.x.de/a b",
        " https://x.de/",
        None,
        3,
    ):
        assert not is_https_address(bad), bad
