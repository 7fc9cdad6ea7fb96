"""What a careless or hostile editor writes is a `path:line` problem, never markup in a page or a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from handbook.checks.source_checks import check_sources
from handbook.region.region_data import DATA, load_region
from tests.helpers import FIXTURE_PROJECT, line_of

TODAY = date(2026, 12, 2)
FIX = "write it as plain text, without < or > (no HTML in this field)"
QUOTE_FIX = "use typographic quotes („…“, “…” or «…») instead"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "handbook"
    shutil.copytree(FIXTURE_PROJECT, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    return [str(problem) for problem in check_sources(project, TODAY)]


def run(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handbook", "--project", str(project), *args],
        cwd=project.parent,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_markup_in_fields_that_are_text_is_rejected_with_its_line(project: Path):
    guide = project / "docs" / "guide.md"
    edit(guide, "title: Guide", 'title: "Guide <img src=x onerror=alert(1)>"')
    edit(guide, "description: A guide whose", 'description: A guide "><script>alert(1)</script> whose')
    edit(guide, 'name: "service-bw: Anmeldung"', 'name: "<b onmouseover=alert(1)>service-bw</b>"')
    assert problems(project) == [
        f"docs/guide.md:2: 'title' contains markup (< or >) — {FIX}",
        f"docs/guide.md:3: 'description' contains markup (< or >) — {FIX}",
        f"docs/guide.md:9: 'sources[0].name' contains markup (< or >) — {FIX}",
    ]


def test_a_key_written_twice_in_front_matter_is_reported_with_both_lines(project: Path):
    edit(project / "docs" / "guide.md", "owner: Fixture editors\n", "owner: Fixture editors\ntitle: Other title\n")
    assert problems(project) == [
        "docs/guide.md:8: front matter is not valid YAML ('title' is written twice (first on line 2))"
        " — fix the YAML between the --- lines"
    ]


def test_files_that_would_bypass_the_checks_are_rejected(project: Path, tmp_path: Path):
    docs = project / "docs"
    (docs / "notes.markdown").write_text("# Notes\n", encoding="utf-8")
    (docs / "raw.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text("# Not for publishing\n", encoding="utf-8")
    (docs / "passwd.md").symlink_to(secret)
    found = problems(project)
    assert (
        "docs/notes.markdown: files of type '.markdown' are not published — write the page as .md"
        " (pictures: .png, .jpg, .jpeg, .webp), or remove the file" in found
    )
    assert (
        "docs/raw.html: files of type '.html' are not published — write the page as .md"
        " (pictures: .png, .jpg, .jpeg, .webp), or remove the file" in found
    )
    assert "docs/passwd.md: symbolic links are not allowed — put the file itself here, or remove the link" in found


def test_unreadable_text_is_a_problem_not_a_traceback(project: Path):
    docs = project / "docs"
    (docs / "guide.de.md").write_bytes("---\ntitle: Leitfaden\n---\n\n# Gr\xfc\xdfe\n".encode("latin-1"))
    index = docs / "index.de.md"
    index.write_bytes(b"\xef\xbb\xbf" + index.read_bytes())
    found = problems(project)
    assert "docs/guide.de.md: not UTF-8 text (byte 30: invalid start byte) — save the file as UTF-8" in found
    assert "docs/index.de.md:1: the file starts with a byte-order mark (BOM) — save it as UTF-8 without BOM" in found
    assert not any("missing" in line and "index.de.md" in line for line in found), found  # not misread as empty


def test_heading_ids_twice_on_a_page_or_with_a_space(project: Path):
    guide = project / "docs" / "guide.md"
    edit(
        guide,
        "Go to the citizens' office (*Bürgerbüro*).",
        "Go to the citizens' office.\n\n## Again {#register}\n\nText.\n\n## Other {#other address}\n\nText.",
    )
    found = problems(project)
    assert (
        "docs/guide.md:19: heading id 'register' is used twice on this page (first on line 15)"
        " — give each section its own id" in found
    )
    assert (
        "docs/guide.md:23: heading attributes '{#other address}' are more than an id"
        " — write only the id, e.g. {#other} (lower case, hyphens, no spaces)" in found
    )


def test_broken_configuration_files_are_reported_with_their_line(project: Path):
    shutil.copytree(Path(__file__).resolve().parent.parent / "i18n", project / "i18n")
    edit(project / "i18n" / "ui.yml", "untranslated_body:\n", "untranslated_body:\n  en: [broken\n")
    (project / "config").mkdir()
    (project / "config" / "operator.yml").write_text("name: A\nname: B\n", encoding="utf-8")
    assert problems(project) == [
        "config/operator.yml:2: 'name' is written twice (first on line 1) — keep one of the two",
        "i18n/ui.yml:18: not valid YAML (expected ',' or ']', but got ':') — fix the YAML at this line",
    ]
    edit(project / "mkdocs.yml", "docs_dir: docs\n", "docs_dir: docs\ndocs_dir: other\n")
    shutil.rmtree(project / "i18n")
    (project / "config" / "operator.yml").write_text('name: A\nemail: "<a href=x>mail</a>"\n', encoding="utf-8")
    found = problems(project)
    assert found[:2] == [
        f"config/operator.yml:2: detail 'email' contains markup (< or >) — {FIX}",
        "mkdocs.yml:7: 'docs_dir' is written twice (first on line 6) — keep one of the two",
    ]
    edit(project / "mkdocs.yml", "docs_dir: other\n", "nav: [index.md\n")
    result = run(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0].startswith("mkdocs.yml:8: not valid YAML (")


def test_a_bad_handbook_today_is_one_line_and_no_build(project: Path):
    result = run(project, "build", "--site-dir", "site", env={"HANDBOOK_TODAY": "2026-02-30"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "HANDBOOK_TODAY: '2026-02-30' is not a date — write it as YYYY-MM-DD, or unset it to use today"
    )
    assert not (project.parent / "site").exists()


def test_markup_in_data_names_is_rejected(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    edit(data / "region" / "municipalities.csv", ",Aidlingen,Aidlingen,", ",Aidlingen,<img src=x onerror=alert(1)>,")
    edit(data / "immigration_offices.yml", 'name: "Landratsamt Göppingen', 'name: "<b>Landratsamt Göppingen')
    found = [str(problem) for problem in load_region(data, TODAY).problems]
    assert f"data/region/municipalities.csv:3: column 'name_short' contains markup (< or >) — {FIX}" in found
    line = next(
        n for n, text in enumerate((data / "immigration_offices.yml").read_text().splitlines(), 1) if "<b>" in text
    )
    assert (
        f"data/immigration_offices.yml:{line}: name of office 'landratsamt-goeppingen' contains markup (< or >) — {FIX}"
        in found
    )


HOSTILE_BODY = """Go to the citizens' office (*Bürgerbüro*).

<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>

<style>body { background: url(https://evil.example/x.png) }</style>

<p style="background: url(https://evil.example/y.png)">Styled</p>

<link rel="stylesheet" href="https://evil.example/s.css">

![map](https://evil.example/map.png)

[elsewhere](//evil.example/page)

<!--><img src=x onerror=alert(1)>-->

<a href="&#106;avascript:alert(1)">encoded</a>

<input type="text" value="x"> <img src="local-map.png" alt="A map" onload="alert(1)">
"""


def test_only_what_the_allow_list_names_may_be_in_a_page(project: Path):
    edit(project / "docs" / "guide.md", "Go to the citizens' office (*Bürgerbüro*).", HOSTILE_BODY)
    refuse = "remove it; ask a maintainer if the page needs interactive parts"
    assert problems(project) == [
        f"docs/guide.md:19: <svg> is not allowed in content — {refuse}",
        f"docs/guide.md:19: <text> is not allowed in content — {refuse}",
        f"docs/guide.md:21: <style> is not allowed in content — {refuse}",
        "docs/guide.md:23: attribute 'style' is not allowed on <p> — remove it; the site's own styles and markup apply",
        f"docs/guide.md:25: <link> is not allowed in content — {refuse}",
        "docs/guide.md:27: image from another website: 'https://evil.example/map.png' — put the picture into docs/"
        " and link it relatively: the site asks no other host for anything",
        "docs/guide.md:29: link without a scheme '//evil.example/page' leads to another host"
        " — write the whole https:// address, or link a page of the handbook relatively",
        "docs/guide.md:31: a comment written '<!-->' or '<!--->' ends at once in browsers"
        " — write comments as <!-- text -->, or remove it",
        "docs/guide.md:31: inline event handler 'onerror' is not allowed — remove the attribute; pages may not run"
        " scripts",
        "docs/guide.md:33: unsafe link 'javascript:alert(1)' — remove it: pages may not run scripts",
        'docs/guide.md:35: <input type="text"> is not allowed — use a checklist item (- [ ] …) instead',
        "docs/guide.md:35: attribute 'value' is not allowed on <input> — remove it; the site's own styles and markup"
        " apply",
        "docs/guide.md:35: inline event handler 'onload' is not allowed — remove the attribute; pages may not run"
        " scripts",
        "docs/guide.md:35: link to a file that does not exist: 'local-map.png' — check the file name, relative to"
        " this file",
    ]


def test_redirects_lead_to_a_page_in_one_step_and_hide_none(project: Path):
    edit(
        project / "mkdocs.yml",
        '"old-guide.md": "guide.md#register"',
        '"old-guide.md": "guide.md#register"\n        "gone.md": "missing.md"\n        "index.md": "guide.md"\n'
        '        "a.md": "b.md"\n        "b.md": "a.md"',
    )
    found = [line for line in problems(project) if line.startswith("mkdocs.yml")]
    gone = line_of(project / "mkdocs.yml", '"gone.md"')  # the fixture's config may grow above the redirects
    assert found == [
        f"mkdocs.yml:{gone}: redirect from 'gone.md' leads to 'missing.md', which is not a page"
        " — point it at an existing page's .md file",
        f"mkdocs.yml:{gone + 1}: redirect from 'index.md' would hide the page that exists there"
        " — remove the redirect, or move the page first",
        f"mkdocs.yml:{gone + 2}: redirect from 'a.md' leads to 'b.md', which is itself redirected"
        " — one of the two must point at a page",
        f"mkdocs.yml:{gone + 3}: redirect from 'b.md' leads to 'a.md', which is itself redirected"
        " — one of the two must point at a page",
    ]


def test_links_in_local_prose_work_from_the_municipality_page(tmp_path: Path):
    project = tmp_path / "handbook"
    root = Path(__file__).resolve().parent.parent
    for part in ("docs", "data", "i18n", "config", "content"):
        shutil.copytree(root / part, project / part)
    for part in ("mkdocs.yml", "published-urls.txt"):
        shutil.copy(root / part, project / part)
    (project / "content" / "municipalities" / "tamm.md").write_text(
        "---\nlast_reviewed: 2026-11-01\nowner: Stadt Tamm\nsources:\n  - name: Stadt Tamm\n    url:"
        " https://www.tamm.de/\n---\n\nSee the [guide](../topics/housing.md#deposit), "
        "the [town](http://www.tamm.de/) and [nothing](../topics/nothing.md).\n",
        encoding="utf-8",
    )
    found = [line for line in problems(project) if line.startswith("content/")]
    assert found == [
        "content/municipalities/tamm.md:9: insecure link 'http://www.tamm.de/'"
        " — use the https:// address (the check of external links will confirm it)",
        "content/municipalities/tamm.md:9: link to a page that does not exist: '../topics/nothing.md'"
        " — check the file name, relative to this file; link the original (without a language code)",
    ]


def test_well_formed_but_impossible_data_is_rejected(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    edit(data / "region" / "municipalities.csv", ",51483,", ",-51483,")  # Sindelfingen's population
    edit(
        data / "region" / "municipalities.csv",
        "08115001,081155001001,Aidlingen,Aidlingen,08115,",
        "08116001,081155001001,Aidlingen,Aidlingen,08115,",
    )
    found = [str(problem) for problem in load_region(data, TODAY).problems if "municipalities.csv" in problem.path]
    assert (
        "data/region/municipalities.csv:3: municipality key 08116001 is not in district 08115 — the first five digits"
        " of the key are its district's: check both columns" in found
    )
    assert any(line.endswith("population -51483 is impossible — write the Destatis figure") for line in found)


def buildable(project: Path) -> Path:
    """The copied fixture with its theme and hooks found from anywhere (its mkdocs.yml points three folders up)."""
    root = Path(__file__).resolve().parent.parent
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{root}/")
    config.write_text(text, encoding="utf-8")
    return project


def test_quotes_and_ampersands_in_fields_stay_text_in_every_built_page(project: Path, tmp_path: Path):
    import lxml.html

    buildable(project)
    description = 'Guide" onmouseover="alert(1) & a description long enough for the schema'
    guide = project / "docs" / "guide.md"
    edit(
        guide,
        "description: A guide whose facts are overdue for review, translated into German only.",
        "description: '" + description.replace("'", "''") + "'",
    )
    edit(guide, "title: Guide", "title: 'Guide \" onfocus=\"alert(2)'")
    site = tmp_path / "site"
    result = run(project, "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    live = []
    for page in site.rglob("*.html"):
        for element in lxml.html.parse(str(page)).iter():
            if isinstance(element.tag, str):
                live += [(page.name, element.tag, name) for name in element.attrib if name.lower().startswith("on")]
                live += [
                    (page.name, element.tag, name)
                    for name, value in element.attrib.items()
                    if name in ("href", "src") and value.strip().lower().startswith("javascript:")
                ]
    assert live == []
    html = lxml.html.parse(str(site / "en" / "guide" / "index.html"))
    assert html.find(".//meta[@name='description']").get("content") == description
    assert html.findtext(".//title").startswith('Guide " onfocus="alert(2) - ')


def test_text_from_data_that_markdown_would_turn_into_a_live_link_fails_the_build(project: Path, tmp_path: Path):
    # No < or >, so the field check lets it through; Markdown would make it a javascript: link in the Impressum.
    buildable(project)
    (project / "config").mkdir()
    (project / "config" / "operator.yml").write_text('name: "[Verband](javascript:alert(1))"\n', encoding="utf-8")
    edit(
        project / "docs" / "guide.md",
        "Go to the citizens' office",
        "Published by [[operator:name]]. Go to the citizens' office",
    )
    site = tmp_path / "site"
    result = run(project, "build", "--site-dir", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "link 'javascript:alert(1)' would run code (in 2 languages: en, ar)" in result.stdout + result.stderr
    assert not site.exists()


def test_an_interface_string_that_would_break_an_attribute_is_refused_at_its_language_line(project: Path):
    """Interface strings go into attributes too (the search box's texts): a straight double quote would end one."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "i18n", project / "i18n")
    ui = project / "i18n" / "ui.yml"
    edit(ui, "  ar: عرض مزيد من النتائج\n", "  ar: 'عرض \" onfocus=\"x'\n")
    edit(ui, "  de: Weitere Ergebnisse zeigen\n", "  de: Weitere <b>Ergebnisse</b>\n")
    lines = ui.read_text(encoding="utf-8").splitlines()
    de, ar = lines.index("  de: Weitere <b>Ergebnisse</b>") + 1, lines.index("  ar: 'عرض \" onfocus=\"x'") + 1
    found = [p for p in problems(project) if p.startswith("i18n/")]
    assert found == [
        f"i18n/ui.yml:{de}: string 'search_more' in 'de' contains markup (< or >) — {FIX}",
        f"i18n/ui.yml:{ar}: string 'search_more' in 'ar' contains a straight double quote (\") — {QUOTE_FIX}",
    ]
