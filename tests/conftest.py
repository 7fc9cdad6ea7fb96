"""Shared fixtures: one real build of the handbook, served on 127.0.0.1, and a headless Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.content.languages import Language, load_languages
from handbook.core.local_server import free_port, serve_directory
from handbook.pipeline.build import PROJECT, build_site
from tests.helpers import FIXTURE_PROJECT

CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


@pytest.fixture(scope="session")
def languages() -> list[Language]:
    return load_languages(PROJECT / "mkdocs.yml")


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port: int) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The real handbook, built once per test session exactly as `make build` builds it."""
    site = tmp_path_factory.mktemp("built") / "site"
    build_site(site, root_url=site_url, report=lambda message: None)
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """A three-language fixture handbook (English, German, Arabic; one page untranslated in Arabic)."""
    site = tmp_path_factory.mktemp("fixture") / "site"
    build_site(site, root_url=site_url, project=FIXTURE_PROJECT, report=lambda message: None)
    return site


@pytest.fixture(scope="session")
def served_site(built_site: Path, site_port: int, site_url: str) -> Iterator[str]:
    """The built site on a local HTTP server (the URL the site was built for)."""
    with serve_directory(built_site, site_port) as url:
        assert url == site_url
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' (.ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page per test; JavaScript errors fail the test."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
