"""Read a page's YAML front matter together with the line of every key.

MkDocs itself ignores front matter it cannot parse (the page is then built
without title or dates, silently). Here a parse error is a problem with a line
number, and every key keeps its line so that later checks can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The same delimiters MkDocs accepts (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


# libyaml's parser and serialiser when PyYAML has them (every wheel does): front matter and the interface strings
# are read, and generated front matter written, in every language build; the C versions are about ten times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _DatesAsText(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps dates as the text the editor wrote.

    PyYAML's own date conversion raises a bare ValueError on '2026-13-40'; as text,
    the schema's date format reports it as an invalid date with its line instead.
    """


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FrontMatterError(Exception):
    """The front matter is not valid YAML (or not a mapping), or the file cannot be read as UTF-8 text."""

    def __init__(self, line: int, message: str, fix: str = "fix the YAML between the --- lines") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


def read_text(path: Path) -> tuple[str, bool]:
    """A source file's text without a byte-order mark, and whether it had one (a problem to report: it
    would hide the opening ``---`` from MkDocs). Raises FrontMatterError (line 0) when it is not UTF-8."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise FrontMatterError(
            0, f"not UTF-8 text (byte {error.start}: {error.reason})", "save the file as UTF-8"
        ) from error
    return text.removeprefix("\ufeff"), text.startswith("\ufeff")


def duplicate_key(text: str, offset: int = 1) -> YamlError | None:
    """The first key written twice in one mapping of ``text`` (any YAML, custom tags included), or None."""
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return None  # not valid YAML: reported by whoever loads it
    return _duplicate_key(node, offset) if node is not None else None


@dataclass
class FrontMatter:
    """Parsed front matter: the values, the file line of each key path, and where the body starts.

    The body is read out of the file's text when asked for, not kept as a second copy: a build keeps every
    source page of its language, and at several times today's content the copies alone were tens of megabytes.
    """

    data: dict[str, Any]
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    text: str = ""  # the whole file
    body_start: int = 0  # index in ``text`` where the body starts
    body_line: int = 1  # file line of the first body line

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def line_of(self, path: tuple[Any, ...]) -> int:
        """The line of the deepest known key on ``path`` (the opening ``---`` when none is known)."""
        return deepest_line(self.lines, path, 1)


def deepest_line(lines: dict[tuple[Any, ...], int], path: tuple[Any, ...], default: int) -> int:
    """The file line of the deepest key on ``path`` that ``lines`` knows, else ``default``.

    A problem in a value is reported where the editor wrote it, or at its nearest parent key.
    """
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return default


def _key_lines(node: yaml.Node, path: tuple[Any, ...], offset: int, out: dict[tuple[Any, ...], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = path + (key_node.value,)
            out[key_path] = key_node.start_mark.line + offset
            _key_lines(value_node, key_path, offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = item.start_mark.line + offset
            _key_lines(item, path + (index,), offset, out)


class YamlError(Exception):
    """YAML that cannot be read, with the file line to point at."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _duplicate_key(node: yaml.Node, offset: int) -> YamlError | None:
    """The first key written twice in one mapping: YAML itself would silently keep the last one."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + offset
            if key_node.value in seen:
                return YamlError(line, f"'{key_node.value}' is written twice (first on line {seen[key_node.value]})")
            seen[key_node.value] = line
            found = _duplicate_key(value_node, offset)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate_key(item, offset)
            if found:
                return found
    return None


def load_yaml_with_lines(source: str, offset: int) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML once into its values (dates kept as text) and the file line of every key path.

    ``offset`` is the file line of the YAML's first line. Raises YamlError for invalid YAML
    and for a key written twice in one mapping.
    """
    loader = _DatesAsText(source)
    try:
        node = loader.get_single_node()  # parsed once: the node gives the lines, then the values
        if node is not None and (duplicate := _duplicate_key(node, offset)):
            raise duplicate
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + offset if mark else offset
        raise YamlError(line, str(getattr(error, "problem", None) or error)) from error
    finally:
        loader.dispose()
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _key_lines(node, (), offset, lines)
    return data, lines


def parse_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into front matter and body; raise FrontMatterError with a file line on bad YAML."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise FrontMatterError(1, "front matter is not closed")
        return FrontMatter(data={}, text=text)
    offset = 2  # YAML line 0 is file line 2, after the opening ---
    try:
        data, lines = load_yaml_with_lines(match.group(1), offset)
    except YamlError as error:
        raise FrontMatterError(error.line, f"front matter is not valid YAML ({error.message})") from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(offset, "front matter must be a list of 'key: value' lines")
    body_line = text[: match.end()].count("\n") + 1
    return FrontMatter(data=data, lines=lines, text=text, body_start=match.end(), body_line=body_line)
