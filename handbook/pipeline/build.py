"""Build the whole handbook: one engine build per language, in parallel, then the shared parts.

Each language is an ordinary ``properdocs build`` (handbook/pipeline/engine.py) of the same mkdocs.yml with three
environment variables (language, output folder, URL), each in a process of its own (forked from one that has
imported the engine already: handbook/pipeline/engine_processes.py), so ``/en/…`` is built
exactly like ``/de/…`` and a broken language fails the whole build. After the
language builds this module writes what belongs to the whole site: the language
chooser at ``/``, the sitemap index, robots.txt and the top-level 404 page. Each
language's Pagefind search index (one chunked bundle per language) is made as soon as
that language is built; the site's own link check runs last, over everything.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from handbook.content.languages import Language, default_language, load_languages
from handbook.content.ui_strings import load_ui_strings
from handbook.core import environment
from handbook.core.environment import language_env
from handbook.pipeline.build_context import BuildResult
from handbook.pipeline.engine import ENGINE, QUIET
from handbook.pipeline.engine_processes import Runner, engine_processes, new_process_runner
from handbook.pipeline.search_bundles import PRIMARY, split_evenly
from handbook.pipeline.site_links import check_site_links
from handbook.project import PROJECT

DEFAULT_ROOT_URL = "http://127.0.0.1:8000/"


class BuildError(Exception):
    """One or more language builds or site-wide steps failed."""


@dataclass(frozen=True)
class LanguageBuild:
    code: str
    returncode: int
    output: str  # what the engine printed
    result: BuildResult | None = None  # what the build reported back; None when it stopped before its end

    @property
    def messages(self) -> list[str]:
        """Its warnings and errors: from its result, or from what it printed when it stopped before writing one."""
        if self.result is not None and (self.result.warnings or self.returncode == 0):
            return self.result.warnings
        lines = (line.strip() for line in self.output.splitlines())
        return [line for line in lines if line and not line.startswith("INFO")]


def source_date_epoch(project: Path) -> str | None:
    """The last commit's time, so that two builds of one commit are byte-identical (MkDocs reads
    SOURCE_DATE_EPOCH for the sitemap dates instead of the clock)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip() or None


def build_language(
    code: str,
    root_url: str,
    site_dir: Path,
    project: Path,
    template_cache: str = "",
    engine: str = ENGINE,
    run: Runner | None = None,
) -> LanguageBuild:
    """Run one strict engine build in its own process (so languages use all cores).

    ``template_cache``: a folder the language builds share for compiled templates (hooks/template_cache.py).
    ``run``: where the engine runs (handbook.pipeline.engine_processes); a new process when not given.
    """
    with tempfile.TemporaryDirectory(prefix=f"handbook-{code}-") as folder:
        result_file = Path(folder) / "result.json"
        env = {**os.environ, **QUIET, **language_env(code, root_url, site_dir), environment.RESULT: str(result_file)}
        if template_cache:
            env[environment.TEMPLATE_CACHE] = template_cache
        if "SOURCE_DATE_EPOCH" not in env and (epoch := source_date_epoch(project)):
            env["SOURCE_DATE_EPOCH"] = epoch
        returncode, output = (run or new_process_runner(engine))(
            ["build", "--strict", "--config-file", str(project / "mkdocs.yml")], project, env
        )
        return LanguageBuild(code, returncode, output, BuildResult.read(result_file))


def merged_messages(builds: Sequence[LanguageBuild]) -> list[str]:
    """MkDocs' warnings and errors of all language builds, each distinct line once, with its languages.

    A problem in a shared source or template shows up in every language build; the
    editor needs to read it once. INFO lines are dropped.
    """
    languages_of: dict[str, list[str]] = {}
    for build in builds:
        for text in dict.fromkeys(build.messages):
            languages_of.setdefault(text, []).append(build.code)
    everyone = len(builds)
    return [text if len(codes) == everyone else f"{text}  [{', '.join(codes)}]" for text, codes in languages_of.items()]


def render_root_files(site_dir: Path, languages: Sequence[Language], root_url: str) -> None:
    """Write the files that belong to no single language."""
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        keep_trailing_newline=True,
    )
    strings = load_ui_strings()
    context = {
        "languages": languages,
        "default": default_language(languages),
        "root_url": root_url,
        "choose": strings["choose_language"],
    }
    for name in ("index.html", "sitemap.xml", "robots.txt"):
        (site_dir / name).write_text(env.get_template(name).render(context), encoding="utf-8")
    # Static hosts serve /404.html for every unknown path; the original language's one has absolute links.
    shutil.copyfile(site_dir / default_language(languages).code / "404.html", site_dir / "404.html")


def index_language(site_dir: Path, code: str, folders: Sequence[str]) -> None:
    """Index one language's rendered pages with Pagefind into the bundles its build reported.

    Normally one chunked bundle in ``<lang>/pagefind/``. A language too large for one Pagefind
    run (handbook.pipeline.search_bundles) is indexed part by part: each part's pages are hard-linked
    into a staging folder that mirrors the site, so result addresses stay the site's.
    """
    if len(folders) <= 1:
        run_pagefind(site_dir, code, site_dir / code / PRIMARY)
        return
    language = site_dir / code
    pages = sorted(
        path.relative_to(site_dir)
        for path in language.rglob("*.html")
        if not path.relative_to(language).parts[0].startswith(PRIMARY)
    )
    for folder, group in zip(folders, split_evenly(pages, len(folders)), strict=False):
        # Next to the site, not in it (the link check may be reading the site); same file system for links.
        with tempfile.TemporaryDirectory(prefix=".handbook-search-", dir=site_dir.parent) as tmp:
            staging = Path(tmp)
            for relative in group:
                (staging / relative).parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(site_dir / relative, staging / relative)
                except OSError:  # another file system: copy instead
                    shutil.copyfile(site_dir / relative, staging / relative)
            run_pagefind(staging, code, language / folder)


def run_pagefind(source: Path, code: str, bundle: Path) -> None:
    """One Pagefind run over the ``code`` pages under ``source``, written to ``bundle``."""
    result = subprocess.run(
        # Heading permalinks ("¶") would otherwise end up in result titles.
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(source),
            "--glob",
            f"{code}/**/*.html",
            "--output-path",
            str(bundle),
            "--exclude-selectors",
            ".headerlink",
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"Pagefind failed for {code}:\n{result.stdout}{result.stderr}")
    # Pagefind writes this small JSON's keys in hash order; sorted, two builds of one commit are identical.
    entry = bundle / "pagefind-entry.json"
    entry.write_text(
        json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )


# Pagefind needs about 12-16 bytes of memory per byte of HTML it indexes (1.96 GB for the
# Ukrainian pages of a handbook ten times today's size, 144 MB of HTML). Next to a language
# build only a language this small is indexed (today's are about 7 MB): at most ~500 MB.
ALONGSIDE_BUILDS_MAX_HTML = 32 * 2**20


def html_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.html"))


class SearchIndexer:
    """Indexes each language as soon as it is built, one Pagefind run at a time.

    One run at a time because Pagefind holds a whole language in memory. The thread whose
    language build finished runs the index itself, in its own job slot, so the machine never
    runs more than ``jobs`` things at once; a language that finishes while another is being
    indexed waits in the queue and the thread already indexing takes it, while its own thread
    builds the next language. Indexing alongside the builds saves the seconds Pagefind spent
    alone writing files. A language too large to index next to a build
    (ALONGSIDE_BUILDS_MAX_HTML) waits for ``finish``, called once every build has ended.
    """

    def __init__(
        self,
        site_dir: Path,
        alongside_max_html: int = ALONGSIDE_BUILDS_MAX_HTML,
        index: Callable[[Path, str, Sequence[str]], None] | None = None,
    ) -> None:
        """``index``: what indexes one language (index_language; the tests give their own to watch the order)."""
        self.site_dir = site_dir
        self._index_one = index or index_language
        self.errors: list[str] = []
        self._alongside_max_html = alongside_max_html
        self._later: list[str] = []
        self._bundles: dict[str, list[str]] = {}
        self._waiting: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._running = threading.Lock()

    def add(self, code: str, bundles: Sequence[str]) -> None:
        """Index ``code`` into ``bundles`` (the folders its build reported) now, or after the builds."""
        self._bundles[code] = list(bundles)
        if html_bytes(self.site_dir / code) > self._alongside_max_html:
            self._later.append(code)  # atomic; finish() sorts them
            return
        self._waiting.put(code)
        # Re-checked after every release: a language queued while this thread was finishing is not left behind.
        while not self._waiting.empty() and self._running.acquire(blocking=False):
            try:
                while not self._waiting.empty():
                    self._index(self._waiting.get())
            finally:
                self._running.release()

    def finish(self) -> None:
        """Index the languages kept for later; call once every build has ended."""
        for code in sorted(self._later):
            self._index(code)
        self._later.clear()

    def _index(self, code: str) -> None:
        try:
            self._index_one(self.site_dir, code, self._bundles[code])
        except BuildError as error:
            self.errors.append(str(error))


def clear_site(site_dir: Path, codes: Sequence[str]) -> None:
    """Empty ``site_dir`` except the language folders: each language's MkDocs build empties its own
    (in parallel, instead of one slow delete of every page before any build starts)."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        if entry.name in codes and entry.is_dir() and not entry.is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def build_site(
    site_dir: Path,
    root_url: str = DEFAULT_ROOT_URL,
    jobs: int | None = None,
    project: Path = PROJECT,
    report=print,
    engine: str = ENGINE,
) -> None:
    """Build every language and the site-wide files into a new folder, then put it in place of ``site_dir``.

    Raise BuildError on any failure. The folder being built sits next to ``site_dir`` and replaces it
    only when everything passed, so a failed or interrupted build leaves the previous site whole.
    """
    final = site_dir.resolve()
    building = final.with_name(f".{final.name}.building")
    shutil.rmtree(building, ignore_errors=True)
    try:
        _build_site(building, root_url, jobs, project, report, engine)
    except BaseException:  # failures and Ctrl-C alike: nothing half-built is left behind
        shutil.rmtree(building, ignore_errors=True)
        raise
    previous = final.with_name(f".{final.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    building.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
    report(f"Built the site into {final}")


def _build_site(site_dir: Path, root_url: str, jobs: int | None, project: Path, report, engine: str) -> None:
    if not root_url.endswith("/"):
        root_url += "/"
    project, site_dir = project.resolve(), site_dir.resolve()
    languages = load_languages(project / "mkdocs.yml")
    clear_site(site_dir, [lang.code for lang in languages])
    jobs = jobs or os.cpu_count() or 1
    search = SearchIndexer(site_dir)

    def build_and_index(lang: Language, cache: str, run: Runner) -> LanguageBuild:
        build = build_language(lang.code, root_url, site_dir, project, cache, engine, run)
        if build.returncode == 0:
            search.add(lang.code, build.result.search_bundles if build.result else [PRIMARY])
        return build

    with (
        tempfile.TemporaryDirectory(prefix="handbook-templates-") as cache,
        engine_processes(jobs, engine) as run,
        ThreadPoolExecutor(max_workers=jobs) as pool,
    ):
        builds = list(pool.map(lambda lang: build_and_index(lang, cache, run), languages))
    failed = [b for b in builds if b.returncode != 0]
    for message in merged_messages(builds):
        report(message)
    if failed:
        raise BuildError("build failed for: " + ", ".join(b.code for b in failed))
    render_root_files(site_dir, languages, root_url)
    # Languages too large to index next to a build are indexed now, one part at a time, while the link
    # check reads the pages: at most one Pagefind part (about 1 GB, handbook.pipeline.search_bundles) at once.
    with ThreadPoolExecutor(max_workers=1) as pool:
        finishing = pool.submit(search.finish)
        problems = check_site_links(site_dir, root_url, [lang.code for lang in languages], jobs)
        finishing.result()
    if problems:
        report("\n".join(map(str, problems)))
    failures = [*search.errors, *([f"{len(problems)} broken link(s) in the built site"] if problems else [])]
    if failures:  # all of them at once: a failed index does not hide the broken links
        raise BuildError("\n".join(failures))
    report(f"Built {len(languages)} languages")
