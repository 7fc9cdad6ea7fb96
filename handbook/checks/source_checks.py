"""Checks that need only the source files, so ``make check`` answers in seconds.

Each check is a pure function returning every problem it finds; :func:`check_sources`
runs them all so one run reports everything at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from handbook.checks.content_checks import (
    bom_problem,
    check_front_matter_of,
    check_heading_ids,
    check_links,
    check_navigation,
    check_shadowing,
    check_translation_ids,
    check_unsafe_html,
)
from handbook.checks.url_manifest import MANIFEST, check_manifest
from handbook.content.content_model import check_front_matter
from handbook.content.facts import Fact, check_fact_markers, load_facts
from handbook.content.glossary import check_glossary
from handbook.content.languages import Language, load_languages
from handbook.content.page_sources import SourcePage, load_pages
from handbook.content.translations import split_source
from handbook.content.ui_strings import I18N_DIR, QUOTE_FIX, load_ui_strings, plural_problem, quote_problem, texts_of
from handbook.core import environment
from handbook.core.front_matter import FrontMatterError, duplicate_key, read_text
from handbook.core.generated_pages import GLOSSARY_KIND, GLOSSARY_PAGE, PageKind, kinds_in
from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem
from handbook.region.municipality_pages import pages_for as region_page_paths
from handbook.region.region_data import RegionData, load_region
from handbook.site.operator import OPERATOR_FILE, operator_markup
from handbook.site.plan_rules import check_checklists, check_guides, load_steps


def generated_in_nav(project: Path) -> tuple[str, ...]:
    """Generated pages that the navigation links (the glossary, if the project has its data)."""
    return (GLOSSARY_PAGE,) if GLOSSARY_KIND in kinds_in(project) else ()


def check_not_in_nav(config: dict, config_text: str, config_path: str, kinds: Iterable[PageKind]) -> list[Problem]:
    """mkdocs.yml's ``not_in_nav`` lists every folder of generated pages kept out of the navigation
    (handbook.core.generated_pages), so MkDocs does not report them as pages missing from the navigation."""
    listed = set(str(config.get("not_in_nav") or "").split())
    line = next((n for n, text in enumerate(config_text.splitlines(), 1) if text.startswith("not_in_nav:")), 0)
    return [
        Problem(
            config_path,
            line,
            f"not_in_nav does not list {folder}, where {kind.hook} makes the {kind.name} pages",
            f"add the line '  {folder}' under not_in_nav",
        )
        for kind in kinds
        if not kind.in_nav and (folder := f"/{kind.folder}") not in listed
    ]


# A suffix that looks like a language code (as mkdocs-static-i18n would read it).
_LANGUAGE_LIKE = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")


def check_language_suffixes(src_uris: Iterable[str], codes: Sequence[str]) -> list[Problem]:
    """A page named ``x.pt.md`` in an unconfigured language would be skipped silently: report it."""
    problems = []
    for uri in src_uris:
        parts = uri.split("/")[-1].split(".")
        if uri.endswith(".md") and len(parts) >= 3 and _LANGUAGE_LIKE.match(parts[-2]) and parts[-2] not in codes:
            problems.append(
                Problem(
                    f"docs/{uri}",
                    0,
                    f"unknown language '{parts[-2]}' in the file name",
                    f"use one of {', '.join(codes)}, or add the language to mkdocs.yml first",
                )
            )
    return problems


def check_translations_have_originals(src_uris: Iterable[str], codes: Sequence[str]) -> list[Problem]:
    """A translation whose original is missing would have no page to belong to."""
    uris = set(src_uris)
    problems = []
    for uri in sorted(uris):
        name = split_source(uri, codes)
        if name.language and name.page not in uris:
            problems.append(
                Problem(
                    f"docs/{uri}",
                    0,
                    f"translation without an original: docs/{name.page} does not exist",
                    f"write the original docs/{name.page} first, or rename this file",
                )
            )
    return problems


def check_ui_string_keys(files: Sequence[Path]) -> list[Problem]:
    """A string defined in two files would silently replace the other: report the later one."""
    first: dict[str, str] = {}
    problems = []
    for path in files:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            key = text.split(":", 1)[0]
            if text[:1].isalpha() and ":" in text:
                if key in first:
                    problems.append(
                        Problem(
                            _i18n_name(path),
                            number,
                            f"string '{key}' is also defined in {first[key]}",
                            "rename it or remove one of the two",
                        )
                    )
                else:
                    first[key] = _i18n_name(path)
    return problems


def check_ui_strings(path: Path, codes: Sequence[str]) -> list[Problem]:
    """Every interface string must exist in every language."""
    lines = path.read_text(encoding="utf-8").splitlines()
    strings = load_ui_strings(path)
    problems = []
    for key, texts in strings.items():
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 0)
        for code in codes:
            if not (texts or {}).get(code):
                problems.append(
                    Problem(
                        _i18n_name(path),
                        line,
                        f"string '{key}' has no '{code}' text",
                        f"add a line '  {code}: …' under '{key}:'",
                    )
                )
            elif plural := plural_problem(texts[code], code):
                problems.append(
                    Problem(
                        _i18n_name(path),
                        line,
                        f"string '{key}' in '{code}' {plural}",
                        "give the forms the language has, always with 'other' (see the top of i18n/ui.yml)",
                    )
                )
            else:
                at = next((n for n in range(line + 1, len(lines) + 1) if lines[n - 1].startswith(f"  {code}:")), line)
                for text in texts_of(texts[code]):
                    for wrong, fix in ((markup_in(text), FIX), (quote_problem(text), QUOTE_FIX)):
                        if wrong:
                            problems.append(Problem(_i18n_name(path), at, f"string '{key}' in '{code}' {wrong}", fix))
    return problems


def _i18n_name(path: Path) -> str:
    """How messages name an interface strings file: the project's i18n/ folder is the only place they live."""
    return f"i18n/{path.name}"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def check_local_prose(
    folder: Path,
    codes: list[str],
    region: RegionData,
    config_file: Path,
    today: date,
    facts: Mapping[str, Fact],
    docs_pages: Sequence[SourcePage] = (),
) -> list[Problem]:
    """Editors' local prose for municipality pages: a known municipality and language, valid front matter,
    known figures, safe, and links that work from the municipality's page (``docs_pages`` are their targets)."""
    if not folder.exists():
        return []
    addresses = {m.slug for m in region.municipalities}
    problems = []
    for page in load_pages(folder, codes, config_file):
        path = f"content/municipalities/{page.src_uri}"
        page_problems: list[Problem] = []
        if page.src_uri == "README.md":
            continue
        address = page.page.removesuffix(".md")
        if address not in addresses:
            page_problems.append(
                Problem(
                    path,
                    0,
                    f"no municipality has the address '{address}'",
                    "name the file after the page address, e.g. sindelfingen.de.md",
                )
            )
        if page.bom:
            page_problems.append(bom_problem(path))
        if page.front_matter_error:
            page_problems.append(
                Problem(
                    path, page.front_matter_error.line, page.front_matter_error.message, page.front_matter_error.fix
                )
            )
        elif page.front_matter is not None:
            for field in check_front_matter(page.front_matter, False, today, kind="local"):
                page_problems.append(Problem(path, field.line, field.message, field.fix))
            for problem in check_unsafe_html([page]):
                page_problems.append(Problem(path, problem.line, problem.message, problem.fix))
            page_problems += check_fact_markers([(path, page.body, page.body_line)], facts)
            # The prose is shown on municipalities/<address>/: its links are relative to that page.
            shown = replace(page, src_uri=f"municipalities/{page.src_uri}", page=f"municipalities/{page.page}")
            page_problems += [
                replace(problem, path=path) for problem in check_links([shown], config_file.parent / "docs", docs_pages)
            ]
        problems.extend(page_problems)
    return problems


def published_pages(pages: list, region: RegionData | None, project: Path) -> list[str]:
    """Source paths of every published page: the originals in docs/ and the generated pages."""
    originals = [page.src_uri for page in pages if page.language is None]
    return originals + list(generated_in_nav(project)) + (list(region_page_paths(region)) if region else [])


def redirect_maps(config: dict) -> dict[str, str]:
    """mkdocs-redirects' old source path -> new target (a page, perhaps with #anchor)."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "redirects" in plugin:
            return {str(old): str(new) for old, new in ((plugin["redirects"] or {}).get("redirect_maps") or {}).items()}
    return {}


def redirect_sources(config: dict) -> list[str]:
    """The old source paths that mkdocs-redirects keeps answering for."""
    return list(redirect_maps(config))


def check_redirects(redirects: Mapping[str, str], published: Sequence[str], config_text: str) -> list[Problem]:
    """A redirect leads to a page that exists, in one step, and replaces no page that still exists."""
    pages = set(published)
    lines = config_text.splitlines()

    def line_of(old: str) -> int:
        key = re.compile(rf"^\s*[\"']?{re.escape(old)}[\"']?\s*:")
        return next((n for n, text in enumerate(lines, 1) if key.match(text)), 0)

    problems = []
    for old, new in redirects.items():
        target = new.split("#", 1)[0]
        if "://" in new:
            continue  # to another website: the external link check covers it
        if old in pages:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    line_of(old),
                    f"redirect from '{old}' would hide the page that exists there",
                    "remove the redirect, or move the page first",
                )
            )
        elif target in redirects:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    line_of(old),
                    f"redirect from '{old}' leads to '{target}', which is itself redirected",
                    f"point it at the final page ('{redirects[target].split('#', 1)[0]}')"
                    if redirects[target].split("#", 1)[0] != old
                    else "one of the two must point at a page",
                )
            )
        elif target not in pages:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    line_of(old),
                    f"redirect from '{old}' leads to '{target}', which is not a page",
                    "point it at an existing page's .md file",
                )
            )
    return problems


def source_uris(docs_dir: Path) -> list[str]:
    """Every file under docs/, as MkDocs names it (forward slashes, relative)."""
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())


# The kinds of file a page folder may hold: pages, and pictures that cannot run anything (no SVG, no HTML).
PUBLISHED_KINDS = (".md", ".png", ".jpg", ".jpeg", ".webp")


def check_file_kinds(folder: Path, shown_as: str) -> list[Problem]:
    """Every file that would end up in the site is one the checks understand; no symbolic links.

    A raw .html file or a .markdown page would be published without any of the checks, and a link
    could publish any file of the machine in every language.
    """
    if not folder.exists():
        return []
    problems = []
    for path in sorted(folder.rglob("*")):
        where = f"{shown_as}/{path.relative_to(folder).as_posix()}"
        if path.is_symlink():
            problems.append(
                Problem(where, 0, "symbolic links are not allowed", "put the file itself here, or remove the link")
            )
        elif path.is_file() and path.suffix.lower() not in PUBLISHED_KINDS:
            problems.append(
                Problem(
                    where,
                    0,
                    f"files of type '{path.suffix or path.name}' are not published",
                    f"write the page as .md (pictures: {', '.join(PUBLISHED_KINDS[1:])}), or remove the file",
                )
            )
    return problems


def _yaml_problem(shown_as: str, error: BaseException | None) -> Problem:
    """YAML that cannot be read, at the line where the parser gave up."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or error
    return Problem(shown_as, mark.line + 1 if mark else 0, f"not valid YAML ({problem})", "fix the YAML at this line")


def read_config(config_file: Path) -> tuple[str, dict, list[Problem]]:
    """mkdocs.yml's text and values, or the problem that stops every check (it names the line)."""
    name = config_file.name
    try:
        text, _ = read_text(config_file)
        config = yaml_load(text)
    except FrontMatterError as error:
        return "", {}, [Problem(name, error.line, error.message, error.fix)]
    except (yaml.YAMLError, ConfigurationError) as error:  # MkDocs wraps the YAML error in its own
        return (
            "",
            {},
            [
                _yaml_problem(
                    name, (error.__cause__ or error.__context__) if isinstance(error, ConfigurationError) else error
                )
            ],
        )
    if not isinstance(config, dict):
        return "", {}, [Problem(name, 1, "must be a list of settings", "restore it from git")]
    found = duplicate_key(text)
    return text, config, [Problem(name, found.line, found.message, "keep one of the two")] if found else []


def check_yaml_file(path: Path, shown_as: str) -> list[Problem]:
    """A YAML file that a hook loads later: readable, valid, and no key written twice."""
    try:
        text, _ = read_text(path)
        yaml.safe_load(text)
    except FrontMatterError as error:
        return [Problem(shown_as, error.line, error.message, error.fix)]
    except yaml.YAMLError as error:
        return [_yaml_problem(shown_as, error)]
    found = duplicate_key(text)
    return [Problem(shown_as, found.line, found.message, "keep one of the two")] if found else []


def check_sources(project: Path, today: date | None = None) -> list[Problem]:
    """Run every source check of the project and return all problems, sorted and deduplicated."""
    today = today or environment.today()  # one rule for today: HANDBOOK_TODAY or the clock
    config_file = project / "mkdocs.yml"
    config_text, config, config_problems = read_config(config_file)
    if not config:
        return config_problems
    i18n_dir = project / "i18n" if (project / "i18n").exists() else I18N_DIR
    i18n_files = sorted(i18n_dir.glob("*.yml"))
    broken_yaml = [
        *(problem for file in i18n_files for problem in check_yaml_file(file, _i18n_name(file))),
        *(check_yaml_file(project / OPERATOR_FILE, OPERATOR_FILE) if (project / OPERATOR_FILE).exists() else []),
    ]
    if broken_yaml:  # the later checks load these files: report what is wrong with them, and only that
        return sorted(set(config_problems + broken_yaml))
    languages: list[Language] = load_languages(config_file)
    codes = [lang.code for lang in languages]
    docs_dir = project / config.get("docs_dir", "docs")
    uris = source_uris(docs_dir)
    unknown_language = check_language_suffixes(uris, codes)
    skipped = {problem.path.removeprefix("docs/") for problem in unknown_language}
    # A file in an unknown language is reported once, not again as a broken original.
    pages = [page for page in load_pages(docs_dir, codes, config_file) if page.src_uri not in skipped]
    # Projects without the municipality register (test fixtures) have no generated pages to check.
    region = load_region(project / "data", today) if (project / "data" / "region").exists() else None
    facts, fact_problems = load_facts(project, codes, today)
    published = published_pages(pages, region, project)
    steps, step_problems = load_steps(project)
    problems = [
        *fact_problems,
        *step_problems,
        *check_guides(steps, pages),
        *check_checklists(steps, pages, rules_read=bool(steps or step_problems)),
        *check_fact_markers(((page.path, page.body, page.body_line) for page in pages), facts),
        *unknown_language,
        *check_translations_have_originals(uris, codes),
        *config_problems,
        *check_file_kinds(docs_dir, docs_dir.name),
        *check_file_kinds(project / "content", "content"),
        *(problem for file in i18n_files for problem in check_ui_strings(file, codes)),
        *check_ui_string_keys(i18n_files),
        *check_front_matter_of(pages, today),
        *check_heading_ids(pages),
        *check_translation_ids(pages),
        *check_links(pages, docs_dir),
        *check_unsafe_html(pages),
        *check_shadowing(pages),
        *check_navigation(
            pages,
            config.get("nav"),
            config_text,
            "mkdocs.yml",
            [kind.folder for kind in kinds_in(project) if not kind.in_nav],
            generated_in_nav(project),
        ),
        *check_not_in_nav(config, config_text, "mkdocs.yml", kinds_in(project)),
        *check_glossary(project, codes, pages),
        *operator_markup(project),
        *(region.problems if region else []),
        *(
            check_local_prose(project / "content" / "municipalities", codes, region, config_file, today, facts, pages)
            if region
            else []
        ),
        *check_manifest(_read(project / MANIFEST), published, redirect_sources(config)),
        *check_redirects(redirect_maps(config), published, config_text),
    ]
    return sorted(set(problems))
