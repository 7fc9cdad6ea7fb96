"""Front matter rules, each with the exact message and line an editor reads."""

from datetime import date

from handbook.checks.content_checks import check_front_matter_of
from tests.helpers import ORIGINAL, pages_from

TODAY = date(2026, 11, 26)


def messages(tmp_path, files):
    return [str(p) for p in check_front_matter_of(pages_from(tmp_path, files), TODAY)]


def test_a_complete_original_passes(tmp_path):
    assert messages(tmp_path, {"guide.md": ORIGINAL}) == []


def test_malformed_yaml_names_its_line(tmp_path):
    text = ORIGINAL.replace("owner: Editorial team", "owner: [Editorial team")
    assert messages(tmp_path, {"guide.md": text}) == [
        "docs/guide.md:8: front matter is not valid YAML (did not find expected ',' or ']')"
        " — fix the YAML between the --- lines"
    ]


def test_every_field_problem_at_once(tmp_path):
    text = (
        ORIGINAL.replace("kind: guide", "kind: guid")
        .replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-13-40")
        .replace("owner: Editorial team", "ownr: Editorial team")
        .replace("https://www.service-bw.de/", "http://www.service-bw.de/")
    )
    assert messages(tmp_path, {"guide.md": text}) == [
        "docs/guide.md:1: missing field 'owner' — add 'owner: …' (The team or organisation responsible for the facts.)",
        "docs/guide.md:4: 'kind' is 'guid' — use one of: guide, checklist, municipality, district, legal, index",
        "docs/guide.md:5: 'last_reviewed' is not a valid date: '2026-13-40' — write a real date as YYYY-MM-DD",
        "docs/guide.md:7: unknown field 'ownr' — remove it; did you mean 'owner'?",
        "docs/guide.md:10: source URL is not an https:// address: 'http://www.service-bw.de/'"
        " — use the official page's https:// URL",
    ]


def test_wrong_types_and_missing_sources(tmp_path):
    text = ORIGINAL.replace("review_interval_months: 6", "review_interval_months: six")
    text = text.split("sources:")[0] + "---\n\n# T\n"
    assert messages(tmp_path, {"guide.md": text}) == [
        "docs/guide.md:1: missing field 'sources' — add 'sources: …' (Official pages the facts come from.)",
        "docs/guide.md:6: 'review_interval_months' must be a whole number"
        " — Months after last_reviewed when the facts must be checked again. Use this or review_by.",
    ]


def test_dates_in_the_future_and_in_the_wrong_order(tmp_path):
    text = ORIGINAL.replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-12-24").replace(
        "review_interval_months: 6", "review_by: 2026-12-01"
    )
    assert messages(tmp_path, {"guide.md": text}) == [
        "docs/guide.md:5: 'last_reviewed' 2026-12-24 is in the future — write the day a person actually checked it",
        "docs/guide.md:6: 'review_by' (2026-12-01) is not after 'last_reviewed' (2026-12-24) — set the next review to"
        " a later date",
    ]


def test_translations_have_their_own_smaller_model(tmp_path):
    translation = "---\ntitle: Anmeldung\ndescription: Wie Sie Ihre Adresse anmelden.\nowner: x\n---\n\n# Anmeldung\n"
    assert messages(tmp_path, {"guide.md": ORIGINAL, "guide.de.md": translation}) == [
        "docs/guide.de.md:1: missing field 'machine_translated' — add 'machine_translated: …'"
        " (true until a person who knows both languages has checked the whole translation.)",
        "docs/guide.de.md:1: missing field 'translated_from' — add 'translated_from: …'"
        " (The version of the original this translation was made from; `make stamp` writes it.)",
        "docs/guide.de.md:4: unknown field 'owner' — remove it; allowed fields: description, machine_translated,"
        " title, translated_from",
    ]


def test_the_page_templates_are_valid(tmp_path):
    from pathlib import Path

    from handbook.content.content_model import check_front_matter
    from handbook.core.front_matter import parse_front_matter

    templates = Path(__file__).resolve().parent.parent / "templates"
    for template in sorted(templates.glob("*.md")):
        front_matter = parse_front_matter(template.read_text(encoding="utf-8"))
        problems = check_front_matter(front_matter, template.name == "translation.md", TODAY)
        assert problems == [], (template.name, problems)
