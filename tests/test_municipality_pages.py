"""Municipality page markdown and editors' local prose, without a build."""

from datetime import date
from pathlib import Path

from handbook.checks.source_checks import check_local_prose
from handbook.content.ui_strings import load_ui_strings, strings_for
from handbook.region.municipality_pages import choose_prose, municipality_markdown, prose_block
from handbook.region.region_data import DATA, load_region
from handbook.region.region_map import Projection

REGION = load_region(DATA, date(2026, 11, 26))
CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
CODES = ["en", "de", "ar", "es", "fr", "tr", "uk", "zh"]


def test_local_prose_in_the_readers_language_else_the_original_else_any():
    texts = {"de": "Deutsch", "tr": "Türkçe"}
    assert choose_prose(texts, "tr", CODES) == ("tr", "Türkçe")
    assert choose_prose(texts, "ar", CODES) == ("de", "Deutsch")
    assert choose_prose({"en": "English", "de": "Deutsch"}, "ar", CODES) == ("en", "English")
    assert choose_prose({}, "ar", CODES) is None
    assert prose_block("de", "Text", "ar", "ltr") == '<div lang="de" dir="ltr" markdown>\n\nText\n\n</div>'


def test_local_prose_appears_on_the_page():
    sindelfingen = next(m for m in REGION.municipalities if m.slug == "sindelfingen")
    strings = strings_for(load_ui_strings(), "fr")
    page = municipality_markdown(sindelfingen, "fr", strings, Projection.fit(REGION.municipalities), "Bonjour.")
    assert f"## {strings['mun_local_title']} {{#local}}\n\nBonjour." in page
    assert "## " + strings["mun_local_title"] not in municipality_markdown(
        sindelfingen, "fr", strings, Projection.fit(REGION.municipalities)
    )


def test_local_prose_files_are_checked(tmp_path: Path):
    folder = tmp_path / "content" / "municipalities"
    folder.mkdir(parents=True)
    good = "---\nlast_reviewed: 2026-11-01\nowner: Stadt Sindelfingen\nsources:\n  - name: Stadt\n    url: https://www.example.org/\n---\n\nText.\n"
    (folder / "sindelfingen.de.md").write_text(good, encoding="utf-8")
    (folder / "sindelfingn.md").write_text(good, encoding="utf-8")
    (folder / "waiblingen.md").write_text(good.replace("sources:", "source:"), encoding="utf-8")
    problems = [str(p) for p in check_local_prose(folder, CODES, REGION, CONFIG, date(2026, 11, 26), {})]
    assert problems == [
        "content/municipalities/sindelfingn.md: no municipality has the address 'sindelfingn'"
        " — name the file after the page address, e.g. sindelfingen.de.md",
        "content/municipalities/waiblingen.md:1: missing field 'sources' — add 'sources: …'"
        " (Official pages the local facts come from.)",
        "content/municipalities/waiblingen.md:4: unknown field 'source' — remove it; did you mean 'sources'?",
    ]


def test_unreadable_local_prose_is_a_problem_with_its_line_not_a_crash(tmp_path: Path):
    from handbook.region.region_pages import local_prose

    folder = tmp_path / "content" / "municipalities"
    folder.mkdir(parents=True)
    (folder / "sindelfingen.md").write_text("---\nowner: [Town\n---\n\nText\n", encoding="utf-8")
    (folder / "boeblingen.md").write_text("---\nowner: Town\n---\n\nLocal text\n", encoding="utf-8")
    prose, problems = local_prose(tmp_path, CODES)
    assert prose == {"boeblingen": {"en": "\nLocal text\n"}}
    assert [(p.path, p.line, p.fix) for p in problems] == [
        ("content/municipalities/sindelfingen.md", 3, "fix the YAML between the --- lines")
    ]
