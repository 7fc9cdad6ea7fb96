"""How the build grows with the handbook: the same project with its guides copied many times.

A scaled copy keeps everything of the real project (hooks, data, all languages) and adds
``copies`` duplicates of every topic guide in every language, next to the originals
(``docs/topics/scale-0001-housing.de.md``), so their relative links and anchors stay valid.
The copies are left out of the navigation, as the municipality pages are.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.memory import sample
from handbook.pipeline.build import build_site

PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "handbook", "i18n", "data", "content", "config"]


@dataclass(frozen=True)
class ScalePoint:
    copies: int
    pages: int  # HTML pages in the built site, all languages
    seconds: float
    peak_bytes: int  # whole process tree


def _guide_files(topics: Path) -> list[Path]:
    """Every topic guide's source files, originals and translations (``housing.md``, ``housing.de.md`` …)."""
    return [p for p in sorted(topics.glob("*.md")) if not p.name.startswith("index.")]


def copies_for(size: float, pages: int, project: Path, languages: int) -> int:
    """How many copies of the guides make a site of ``pages`` pages about ``size`` times as large.

    Worked out from today's guides, so the curve keeps reaching ten times the handbook as guides are added
    (a fixed number of copies reached 17.7 times once the guides had doubled). Each copy of a guide adds one
    page in every language: its translation, or the fallback copy of the original.
    """
    originals = [p for p in _guide_files(project / "docs" / "topics") if p.suffixes == [".md"]]
    return round((size - 1) * pages / (len(originals) * languages))


def scaled_project(project: Path, target: Path, copies: int) -> Path:
    """A copy of ``project`` in ``target`` with every topic guide duplicated ``copies`` times."""
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = project / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    topics = target / "docs" / "topics"
    guides = _guide_files(topics)
    for number in range(1, copies + 1):
        for guide in guides:
            (topics / f"scale-{number:04d}-{guide.name}").write_bytes(guide.read_bytes())
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, found = re.subn(r"^not_in_nav: \|\n", "not_in_nav: |\n  /topics/scale-*\n", text, flags=re.MULTILINE)
    if found != 1:
        raise RuntimeError("mkdocs.yml has no 'not_in_nav: |' block to extend")
    config.write_text(text, encoding="utf-8")
    return target


def measure_scale(project: Path, work: Path, copies: int, root_url: str) -> ScalePoint:
    """Build a scaled copy with all cores; time it and sample the memory of all its processes."""
    scaled = scaled_project(project, work / f"project-{copies}", copies)
    site = work / f"site-{copies}"
    with sample() as memory:
        started = time.perf_counter()
        build_site(site, root_url=root_url, project=scaled, report=lambda message: None)
        seconds = time.perf_counter() - started
    pages = sum(1 for _ in site.glob("*/**/index.html"))
    shutil.rmtree(site)
    shutil.rmtree(scaled)
    return ScalePoint(copies, pages, seconds, memory.peak)
