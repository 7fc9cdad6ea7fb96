"""Performance figures of the handbook, side by side with the stock configuration on the same content.

``make bench`` (python benchmarks/bench.py) builds the real handbook three ways: as ``make build``
does (languages in parallel), the same with one language after the other, and the stock
configuration (benchmarks/stock.py). It then measures what readers download in headless
Chromium, how fast the editor preview shows a saved page, how long the internal link check
takes, and how the build grows with ten times the content (benchmarks/scale.py).

It prints a table with the targets of the performance issue and whether each is met, and
writes it to benchmarks/results/latest.md (the README shows the latest one). Compressed
sizes are gzip level 6 of each response body, as a compressing web server sends them.
``--quick`` leaves out the stock preview and the scale curve (the two slow parts).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from benchmarks.memory import sample  # noqa: E402
from benchmarks.scale import PROJECT_PARTS, ScalePoint, copies_for, measure_scale  # noqa: E402
from benchmarks.stock import write_stock_project  # noqa: E402
from handbook.content.languages import load_languages  # noqa: E402
from handbook.core.local_server import free_port, serve_directory  # noqa: E402
from handbook.pipeline.build import build_site  # noqa: E402
from handbook.pipeline.site_links import check_site_links  # noqa: E402

CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
GUIDE = "topics/housing/"  # one of the longest guides
FIRST_VIEW = "topics/"  # the page HR staff link to most
SEARCH_TERM = "Anmeldung"
SCALE_SIZES = (1, 2, 3, 5, 10)  # the scale curve: the handbook, then two to ten times its pages
ROUNDS = 3
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class Figures:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # figure, ours, stock, target
    scale: list[ScalePoint] = field(default_factory=list)

    def add(self, figure: str, ours: str, stock: str = "", target: str = "") -> None:
        self.rows.append((figure, ours, stock, target))


def kib(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def compressed(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def frame_size(page: bytes) -> int:
    """Bytes of a page outside its <article>: what every page carries whatever its text."""
    start, end = page.find(b"<article"), page.rfind(b"</article>")
    return len(page) - (end + len(b"</article>") - start) if start >= 0 and end > start else len(page)


def plan_bytes(site: Path, codes: list[str]) -> tuple[int, str]:
    """The plan's script plus its rules and texts (the page's JSON block), compressed, in its heaviest language."""
    script = compressed((site / codes[0] / "assets" / "javascripts" / "plan.js").read_bytes())
    blocks = {}
    for code in codes:
        page = (site / code / "plan" / "index.html").read_text(encoding="utf-8")
        block = page.split('id="handbook-plan-data">', 1)[1].split("</script>", 1)[0]
        blocks[code] = compressed(block.encode())
    worst = max(blocks, key=blocks.__getitem__)
    return script + blocks[worst], worst


def digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html"]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def build_stock(config_file: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file)],
        check=True,
        env={**os.environ, **MKDOCS_ENV},
        capture_output=True,
    )


@dataclass(frozen=True)
class Transfer:
    """Everything one action made the browser fetch."""

    responses: list[tuple[str, int, int]]  # (URL, HTTP status, compressed bytes)

    @property
    def requests(self) -> int:
        return len(self.responses)

    @property
    def size(self) -> int:
        return sum(size for _, _, size in self.responses)

    def urls(self, status: int | None = None) -> list[str]:
        return [url for url, code, _ in self.responses if status is None or code == status]


def transferred(page: Page, action: Callable[[], object]) -> Transfer:
    seen: list[tuple[str, int, int]] = []

    def record(response) -> None:
        try:
            seen.append((response.url, response.status, compressed(response.body())))
        except Exception:  # redirects and aborted requests have no body
            seen.append((response.url, response.status, 0))

    page.on("response", record)
    action()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return Transfer(seen)


def reader_figures(figures: Figures, ours_url: str, stock_url: str, codes: list[str]) -> None:
    """First page view and first search, in Chromium, ours beside stock."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def fresh() -> Page:
            return browser.new_context().new_page()

        page = fresh()
        ours_view = transferred(page, lambda: page.goto(f"{ours_url}en/{FIRST_VIEW}"))
        page = fresh()
        stock_view = transferred(page, lambda: page.goto(f"{stock_url}{FIRST_VIEW}"))
        figures.add(
            f"First view of /{FIRST_VIEW}, compressed, CSS + JS + fonts included",
            f"{kib(ours_view.size)} in {ours_view.requests} requests",
            f"{kib(stock_view.size)} in {stock_view.requests} requests",
            "≤ 150 KB",
        )
        figures.add(
            "Search files fetched by a page view before searching",
            str(sum("pagefind" in url or "search" in url for url in ours_view.urls())),
            str(sum("search" in url for url in stock_view.urls())),
            "0",
        )
        figures.add(
            "Requests that answer 404 on a page view",
            str(len(ours_view.urls(404))),
            str(len(stock_view.urls(404))),
            "0",
        )

        def ours_search(page: Page) -> None:
            page.locator("[data-handbook-search] input").fill(SEARCH_TERM)
            page.wait_for_selector(".md-search-result__list a", timeout=20_000)

        worst = (0, 0, "")
        for code in codes:
            page = fresh()
            page.goto(f"{ours_url}{code}/{FIRST_VIEW}")
            page.wait_for_load_state("networkidle")
            search = transferred(page, functools.partial(ours_search, page))
            if search.size > worst[1]:
                worst = (search.requests, search.size, code)
        # Stock: Material's worker loads the one index for all languages with the page; count it.
        stock_search = 0
        for url in stock_view.urls():
            if "search" in url and not url.endswith(".html") and not url.endswith("/"):
                with urllib.request.urlopen(url) as response:
                    stock_search += compressed(response.read())
        figures.add(
            f"First search '{SEARCH_TERM}', compressed, search code included (worst language)",
            f"{kib(worst[1])} in {worst[0]} requests ({worst[2]})",
            f"{kib(stock_search)} (one index, all languages)",
            "≤ 150 KB",
        )
        browser.close()


def wait_for_text(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at ``url`` contains ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def preview_seconds(command: list[str], page_url: str, source: Path, tries: int, env: dict[str, str]) -> float:
    """Median seconds from saving ``source`` to its page showing the change in a running preview."""
    server = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    original = source.read_text(encoding="utf-8")
    try:
        wait_for_text(page_url, "<html", 600)
        times = []
        for number in range(tries):
            marker = f"previewmarker{number}"
            source.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            times.append(wait_for_text(page_url, marker, 600))
            time.sleep(1)
        return statistics.median(times)
    finally:
        source.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def preview_figures(figures: Figures, work: Path, stock_config: Path | None) -> None:
    copy = work / "preview-project"
    copy.mkdir()
    for name in PROJECT_PARTS:
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    port = free_port()
    ours = preview_seconds(
        [sys.executable, "-m", "handbook", "--project", str(copy), "serve", "--address", f"127.0.0.1:{port}"],
        f"http://127.0.0.1:{port}/en/{GUIDE}",
        copy / "docs" / "topics" / "housing.md",
        3,
        {},
    )
    stock = "not measured (--quick)"
    if stock_config:
        port = free_port()
        seconds = preview_seconds(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--config-file",
                str(stock_config),
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            f"http://127.0.0.1:{port}/{GUIDE}",
            stock_config.parent / "docs" / "topics" / "housing.md",
            1,
            MKDOCS_ENV,
        )
        stock = f"{seconds:.1f} s"
    figures.add("Editor preview: save a page until it shows (`make serve`)", f"{ours:.1f} s", stock, "< 2 s")


def machine() -> str:
    memory = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    return f"{cpu}, {os.cpu_count()} cores, {memory / 1024:.1f} GB RAM, Python {platform.python_version()}"


def table(figures: Figures) -> str:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}.",
        "",
        "| Figure | This handbook | Stock configuration | Target |",
        "| --- | ---: | ---: | --- |",
    ]
    lines += [f"| {figure} | {ours} | {stock} | {target} |" for figure, ours, stock, target in figures.rows]
    if figures.scale:
        base = figures.scale[0]
        lines += [
            "",
            "Scale: the handbook with its guides copied in every language (all cores). The copies are",
            "long guides, heavier than the average page, so the fair test of linear growth is the cost of",
            "each added page, which should stay flat.",
            "",
            "| Pages | Size | Build | Seconds per 1,000 added pages | Peak memory (all processes) |",
            "| ---: | ---: | ---: | ---: | ---: |",
        ]
        for point in figures.scale:
            added = point.pages - base.pages
            marginal = f"{(point.seconds - base.seconds) / added * 1000:.1f}" if added else "–"
            lines.append(
                f"| {point.pages} | {point.pages / base.pages:.1f}x | {point.seconds:.1f} s | {marginal} | "
                f"{point.peak_bytes / 2**20:.0f} MB |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true", help="leave out the stock preview and the scale curve")
    args = options.parse_args(argv)
    codes = [lang.code for lang in load_languages(PROJECT / "mkdocs.yml")]
    figures = Figures()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(tmp)
        ours_site, sequential_site, stock_dir = work / "site", work / "sequential", work / "stock"
        with serve_directory(ours_site) as ours_url, serve_directory(stock_dir / "site") as stock_url:
            stock_config = write_stock_project(PROJECT, stock_dir, stock_url)

            def quiet(message: str) -> None:
                return None

            # The first build starts without the QR codes earlier builds keep in .cache/ (a fresh clone);
            # the stock project has them drawn into its markdown already, so later rounds compare like with like.
            shutil.rmtree(PROJECT / ".cache" / "handbook", ignore_errors=True)
            # Three rounds, alternating, and the fastest of each: shared machines are noisy.
            parallel = stock = float("inf")
            cold = peak = 0.0
            for _ in range(ROUNDS):
                with sample() as memory:
                    seconds = timed(lambda: build_site(ours_site, root_url=ours_url, report=quiet))
                cold, parallel, peak = cold or seconds, min(parallel, seconds), max(peak, memory.peak)
                stock = min(stock, timed(lambda: build_stock(stock_config)))
            sequential = timed(lambda: build_site(sequential_site, root_url=ours_url, jobs=1, report=quiet))
            same = digest(ours_site) == digest(sequential_site)
            ours_pages, stock_pages = html_pages(ours_site), html_pages(stock_dir / "site")
            figures.add(
                "Full build, all languages, wall time", f"{parallel:.1f} s", f"{stock:.1f} s", "≤ 0.35 of stock"
            )
            figures.add("Ratio to stock", f"{parallel / stock:.2f}", "1.00", "≤ 0.35")
            figures.add("First build on a fresh clone (QR codes not yet cached)", f"{cold:.1f} s", "", "")
            figures.add(
                "Same build, one language after the other", f"{sequential:.1f} s", "", "output identical to parallel"
            )
            figures.add("Parallel output identical to sequential", "yes" if same else "NO", "", "yes")
            figures.add("HTML pages built", str(len(ours_pages)), str(len(stock_pages)), "")
            figures.add("Peak memory of the build (all processes)", f"{peak / 2**20:.0f} MB", "", "< 2 GB")
            # A long guide's size follows its text (concrete, local answers are long); what the budget guards is
            # what a phone downloads, and the page's frame around the text, which the handbook controls.
            ours_guide = (ours_site / "en" / GUIDE / "index.html").read_bytes()
            stock_guide = (stock_dir / "site" / GUIDE / "index.html").read_bytes()
            figures.add(f"HTML of a long guide (/{GUIDE}), raw", kib(len(ours_guide)), kib(len(stock_guide)), "")
            figures.add(
                f"HTML of a long guide (/{GUIDE}), compressed as sent",
                kib(compressed(ours_guide)),
                kib(compressed(stock_guide)),
                "≤ 15 KB",
            )
            figures.add(
                "The same page without its article (header, navigation, table of contents, footer), raw",
                kib(frame_size(ours_guide)),
                kib(frame_size(stock_guide)),
                "≤ 20 KB",
            )
            figures.add(
                "HTML per page, median of all pages",
                kib(statistics.median(p.stat().st_size for p in ours_pages)),
                kib(statistics.median(p.stat().st_size for p in stock_pages)),
                "≤ 30 KB",
            )
            plan, plan_language = plan_bytes(ours_site, codes)
            figures.add(
                f"Plan page: its script, rules and texts, compressed (worst language: {plan_language})",
                kib(plan),
                "",
                "≤ 20 KB",
            )
            check = timed(lambda: check_site_links(ours_site, ours_url, codes, os.cpu_count() or 1))
            figures.add("Internal link and anchor check of the whole site", f"{check:.1f} s", "", "< 10 s")
            reader_figures(figures, ours_url, stock_url, codes)
            preview_figures(figures, work, None if args.quick else stock_config)
        if not args.quick:
            shutil.rmtree(sequential_site)
            for size in SCALE_SIZES:
                copies = copies_for(size, len(ours_pages), PROJECT, len(codes))
                figures.scale.append(measure_scale(PROJECT, work, copies, "http://127.0.0.1:8000/"))
    report = table(figures)
    print(report)
    out = PROJECT / "benchmarks" / "results" / ("quick.md" if args.quick else "latest.md")
    out.write_text(report, encoding="utf-8")
    print(f"Written to {out.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
