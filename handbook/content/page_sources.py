"""All markdown sources of the handbook, loaded once for the checks.

A :class:`SourcePage` is one file: an original (``topics/housing.md``) or a
translation (``topics/housing.de.md``), with its parsed front matter and, on
demand, its rendered HTML.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from handbook.content.markdown_html import render_html
from handbook.content.translations import split_source
from handbook.core.front_matter import FrontMatter, FrontMatterError, parse_front_matter, read_text


@dataclass
class SourcePage:
    src_uri: str  # relative to docs/, e.g. "topics/housing.de.md"
    page: str  # the original's src_uri, e.g. "topics/housing.md"
    language: str | None  # None for the original
    text: str
    front_matter: FrontMatter | None
    front_matter_error: FrontMatterError | None
    config_file: Path
    bom: bool = False  # the file started with a byte-order mark (content_checks.bom_problem; read without it)
    readable: bool = True  # False when the file is not UTF-8 text: reported once, its content judged by nothing else
    _rendered: str | None = field(default=None, repr=False)
    _html: BeautifulSoup | None = field(default=None, repr=False)

    @property
    def path(self) -> str:
        """The path editors see in messages."""
        return f"docs/{self.src_uri}"

    @property
    def body(self) -> str:
        return self.front_matter.body if self.front_matter else self.text

    @property
    def body_line(self) -> int:
        return self.front_matter.body_line if self.front_matter else 1

    @property
    def rendered(self) -> str:
        """The body as Markdown renders it: the text the allow-list judges, exactly as browsers would get it."""
        if self._rendered is None:
            self._rendered = render_html(self.body, self.config_file)
        return self._rendered

    @property
    def html(self) -> BeautifulSoup:
        if self._html is None:
            self._html = BeautifulSoup(self.rendered, "html.parser")
        return self._html

    @property
    def ids(self) -> set[str]:
        """Every id an anchor can point at on this page."""
        return {str(tag["id"]) for tag in self.html.find_all(id=True)}

    def line_of(self, needle: str, occurrence: int = 0) -> int:
        """File line of the ``occurrence``-th appearance of ``needle`` in the body (first line if absent)."""
        return self.find_line(needle, occurrence) or self.body_line

    def find_line(self, needle: str, occurrence: int = 0) -> int | None:
        """File line of the ``occurrence``-th appearance of ``needle`` in the body, or None."""
        seen = 0
        for number, line in enumerate(self.body.splitlines(), self.body_line):
            # Raw HTML may write a character as an entity (&#106;avascript:): count it as the reader's browser reads it.
            count = max(line.count(needle), html.unescape(line).count(needle))
            if seen + count > occurrence:
                return number
            seen += count
        return None


def version_of(page: SourcePage) -> str:
    """The version of an original that translations record: a hash of its title and text.

    Review dates and other bookkeeping fields are left out, so re-reviewing an
    original without changing it does not mark its translations outdated.
    """
    title = (page.front_matter.data.get("title", "") if page.front_matter else "").strip()
    digest = hashlib.sha256(f"{title}\n{page.body.strip()}".encode())
    return digest.hexdigest()[:12]


def load_pages(
    docs_dir: Path, codes: Sequence[str], config_file: Path, only: Collection[str | None] | None = None
) -> list[SourcePage]:
    """Every ``.md`` file under ``docs_dir``, originals and translations.

    ``only`` limits it to some languages (``None`` stands for the originals): a language
    build needs its own translations and the originals, not the other languages' files.
    """
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        name = split_source(src_uri, codes)
        if only is not None and name.language not in only:
            continue
        if path.is_symlink():
            continue  # never read through a link (it could point at any file); check_file_kinds reports it
        try:
            text, bom = read_text(path)
        except FrontMatterError as exc:
            pages.append(SourcePage(src_uri, name.page, name.language, "", None, exc, config_file, readable=False))
            continue
        try:
            front_matter, error = parse_front_matter(text), None
        except FrontMatterError as exc:
            front_matter, error = None, exc
        pages.append(SourcePage(src_uri, name.page, name.language, text, front_matter, error, config_file, bom))
    return pages


_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_EXPLICIT_ID = re.compile(r"\{:?[^}]*?#([^\s}]+)[^}]*\}\s*$")


def headings(page: SourcePage) -> Iterator[tuple[int, int, str, str | None]]:
    """(line, level, text, explicit id) of every ATX heading outside code fences."""
    in_fence = False
    for number, line in enumerate(page.body.splitlines(), page.body_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not (match := _ATX_HEADING.match(line)):
            continue
        text = match.group(2)
        explicit = _EXPLICIT_ID.search(text)
        yield number, len(match.group(1)), text, explicit.group(1) if explicit else None
