"""The glossary of German official terms (data/glossary.yml): validated, and rendered in one language.

The glossary page exists in every language and names each German term with an
explanation in the reader's language, so searching for a term such as
"Meldebescheinigung" finds it, and the guide section behind it, from any language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.content.page_sources import SourcePage, headings
from handbook.core.front_matter import FrontMatter, FrontMatterError, parse_front_matter, read_text
from handbook.core.generated_pages import EVERY_LANGUAGE, GLOSSARY_KIND, front_matter
from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem

GLOSSARY = GLOSSARY_KIND.made_from  # data/glossary.yml


@dataclass(frozen=True)
class Term:
    term: str
    section: str  # "topics/registration.md#register-address"
    explanations: Mapping[str, str]


def _parse(project: Path) -> FrontMatter | None:
    """The glossary as parsed YAML with the line of every key (None for a project without one)."""
    path = project / GLOSSARY
    if not path.exists():
        return None
    text, _ = read_text(path)
    return parse_front_matter(f"---\n{text}\n---\n")


def load_glossary(project: Path) -> tuple[list[Term], dict[str, int]]:
    """The terms and the line of each, in file order (malformed entries are reported by check_glossary)."""
    parsed = _parse(project)
    if not parsed:
        return [], {}
    terms = [
        Term(str(term), str(entry.get("section", "")), {k: str(v) for k, v in entry.items() if k != "section"})
        for term, entry in parsed.data.items()
        if isinstance(entry, dict)
    ]
    return terms, {str(term): parsed.line_of((term,)) - 1 for term in parsed.data}


def check_glossary(project: Path, codes: Sequence[str], pages: Iterable[SourcePage]) -> list[Problem]:
    """Every term: an explanation in every language and a section that exists in the guides."""
    try:
        parsed = _parse(project)
        terms, lines = load_glossary(project)
    except FrontMatterError as error:
        return [
            Problem(GLOSSARY, max(error.line - 1, 0), error.message, error.fix if error.line == 0 else "fix the YAML")
        ]
    originals = {page.src_uri: page for page in pages if page.language is None}
    problems = []
    allowed = {"section", *codes}
    if parsed is None:
        return []
    for name, entry in parsed.data.items():
        line = parsed.line_of((name,)) - 1
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    GLOSSARY,
                    line,
                    f"'{name}' has no 'section' and explanations",
                    "give it 'section:' and one line per language",
                )
            )
            continue
        for key in sorted(set(map(str, entry)) - allowed):
            problems.append(
                Problem(
                    GLOSSARY,
                    parsed.line_of((name, key)) - 1,
                    f"'{name}' has an unknown field '{key}'",
                    f"use 'section' or a language code ({', '.join(codes)})",
                )
            )
        if markup_in(str(name)):
            problems.append(Problem(GLOSSARY, line, f"the name '{name}' {markup_in(str(name))}", FIX))
        for code in codes:
            if markup_in(entry.get(code)):
                problems.append(
                    Problem(
                        GLOSSARY,
                        parsed.line_of((name, code)) - 1,
                        f"the '{code}' explanation of '{name}' {markup_in(entry.get(code))}",
                        FIX,
                    )
                )
    for term in terms:
        line = lines.get(term.term, 0)
        for code in codes:
            if not term.explanations.get(code):
                problems.append(
                    Problem(
                        GLOSSARY,
                        line,
                        f"'{term.term}' has no '{code}' explanation",
                        f"add '  {code}: …' under '{term.term}:'",
                    )
                )
        page, _, anchor = term.section.partition("#")
        target = originals.get(page)
        ids = {explicit for _, _, _, explicit in headings(target)} if target else set()
        if target is None or anchor not in ids:
            problems.append(
                Problem(
                    GLOSSARY,
                    line,
                    f"'{term.term}' links to a missing section '{term.section}'",
                    "use a guide's .md path under docs/ and one of its heading ids",
                )
            )
    return problems


def glossary_markdown(terms: Sequence[Term], code: str, strings: Mapping[str, str]) -> str:
    """The glossary page in language ``code`` (a definition list, A to Z)."""
    lines = [
        front_matter({"title": strings["glossary_title"], "generated": EVERY_LANGUAGE}).rstrip("\n"),
        "",
        f"# {strings['glossary_title']}",
        "",
        strings["glossary_intro"],
        "",
    ]
    for term in sorted(terms, key=lambda t: t.term.lower()):
        lines += [
            f'*<span lang="de">{term.term}</span>*',
            f":   {term.explanations[code]} [{strings['glossary_more']}]({term.section})",
            "",
        ]
    return "\n".join(lines)
