"""Benchmark the handbook build and what a reader downloads.

Prints (and writes to benchmarks/results/latest.md) a table of:
wall time of a full build, pages per second, HTML bytes of a typical page,
bytes a first page view transfers (gzip-compressed, as a compressing web server
would send them; fonts included: the site uses system fonts, so there are none),
and bytes a first search transfers per language.

Run with `make bench`. Targets are set by the performance issue; this script
only measures, so the figures can be compared run by run.
"""

from __future__ import annotations

import gzip
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from handbook.build import build_site  # noqa: E402
from handbook.languages import load_languages  # noqa: E402
from handbook.local_server import serve_directory  # noqa: E402

CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
TYPICAL_PAGE = "topics/"
SEARCH_TERM = "Anmeldung"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def compressed_size(body: bytes) -> int:
    """Bytes on the wire from a gzip-serving host (level 6, the usual server default)."""
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def transferred(page, action) -> tuple[int, int]:
    """Run ``action`` on a page and return (requests, compressed bytes) of every response it caused."""
    sizes: list[int] = []

    def record(response) -> None:
        try:
            sizes.append(compressed_size(response.body()))
        except Exception:  # redirects and aborted requests have no body
            sizes.append(0)

    page.on("response", record)
    action()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return len(sizes), sum(sizes)


def measure(site_url: str, site: Path, codes: list[str]) -> dict[str, object]:
    html_sizes = [p.stat().st_size for p in site.glob("*/**/index.html") if "pagefind" not in p.parts]
    typical = (site / "en" / TYPICAL_PAGE / "index.html").stat().st_size
    results: dict[str, object] = {"html_typical": typical, "html_median": int(statistics.median(html_sizes))}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        search_bytes = {}
        for code in codes:
            context = browser.new_context()
            page = context.new_page()
            requests, size = transferred(page, lambda: page.goto(f"{site_url}{code}/{TYPICAL_PAGE}"))
            if code == "en":
                results["first_view"] = (requests, size)

            def run_search() -> None:
                box = page.locator("[data-handbook-search] input")
                box.fill(SEARCH_TERM)
                page.wait_for_selector(".md-search-result__list a", timeout=15_000)

            search_bytes[code] = transferred(page, run_search)
            context.close()
        browser.close()
    results["search"] = search_bytes
    return results


def table(build_seconds: float, pages: int, figures: dict[str, object]) -> str:
    requests, first_view = figures["first_view"]
    rows = [
        ("Full build, all languages (wall time)", f"{build_seconds:.1f} s"),
        ("Pages built", f"{pages}"),
        ("Pages per second", f"{pages / build_seconds:.0f}"),
        (f"HTML of a typical page (/en/{TYPICAL_PAGE})", f"{figures['html_typical'] / 1024:.1f} KB"),
        ("HTML per page, median", f"{figures['html_median'] / 1024:.1f} KB"),
        ("First page view, compressed, fonts included", f"{first_view / 1024:.1f} KB in {requests} requests"),
    ]
    for code, (count, size) in figures["search"].items():
        rows.append((f"First search '{SEARCH_TERM}' in {code}, compressed", f"{size / 1024:.1f} KB in {count} requests"))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {machine}.", "", "| Figure | Value |", "| --- | ---: |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    codes = [lang.code for lang in load_languages(PROJECT / "mkdocs.yml")]
    with tempfile.TemporaryDirectory() as tmp, serve_directory(Path(tmp) / "site") as url:
        site = Path(tmp) / "site"
        started = time.perf_counter()
        build_site(site, root_url=url, report=lambda message: None)
        seconds = time.perf_counter() - started
        pages = sum(1 for p in site.glob("*/**/index.html"))
        report = table(seconds, pages, measure(url, site, codes))
    print(report)
    out = PROJECT / "benchmarks" / "results" / "latest.md"
    out.write_text(report, encoding="utf-8")
    print(f"Written to {out.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
