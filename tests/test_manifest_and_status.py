"""Published-URL manifest, translation versions, review due dates and the editors' reports."""

from datetime import date
from pathlib import Path

from handbook.checks.freshness import overdue_problems
from handbook.checks.url_manifest import HEADER, check_manifest, updated_manifest
from handbook.content.content_model import review_due
from handbook.content.page_sources import version_of
from handbook.content.translation_status import stamp, translation_states
from handbook.site.reports import freshness_rows, translation_markdown
from tests.helpers import ORIGINAL, pages_from

MANIFEST = HEADER + "/\n/topics/\n/topics/visa/\n"


def test_a_moved_page_without_redirect_breaks_a_published_address():
    problems = check_manifest(MANIFEST, ["index.md", "topics/index.md", "topics/work.md"], [])
    assert [str(p) for p in problems] == [
        "published-urls.txt:7: published address /topics/visa/ would break: no page and no redirect has it"
        " — add a redirect in mkdocs.yml (redirects: redirect_maps: 'topics/visa.md': '<new page>.md') or restore the"
        " page",
        "published-urls.txt: new page address /topics/work/ is not listed — run `make urls` and commit the result",
    ]


def test_a_redirect_keeps_the_old_address_alive():
    assert check_manifest(MANIFEST, ["index.md", "topics/index.md"], ["topics/visa.md"]) == []


def test_make_urls_adds_and_never_removes():
    new = updated_manifest(MANIFEST, ["index.md", "topics/work.md"])
    assert new == HEADER + "/\n/topics/\n/topics/visa/\n/topics/work/\n"


def test_stamp_records_the_originals_version(tmp_path: Path):
    translation = "---\ntitle: A\ndescription: Beschreibung der Seite.\nmachine_translated: true\n---\n\n# A\n"
    assert stamp(translation, "0123456789ab") == (
        "---\ntitle: A\ndescription: Beschreibung der Seite.\nmachine_translated: true\n"
        'translated_from: "0123456789ab"\n---\n\n# A\n'
    )
    restamped = stamp(stamp(translation, "0123456789ab"), "ffffffffffff")
    assert restamped.count("translated_from") == 1 and "ffffffffffff" in restamped


def test_translation_states(tmp_path: Path):
    pages = pages_from(tmp_path, {"guide.md": ORIGINAL})
    version = version_of(pages[0])
    current = (
        "---\ntitle: A\ndescription: Die Anmeldung.\n"
        f"machine_translated: true\ntranslated_from: {version}\n---\n\n# A\n"
    )
    stale = current.replace(version, "000000000000").replace("true", "false")
    pages = pages_from(tmp_path, {"guide.de.md": current, "guide.ar.md": stale})
    assert [(s.language, s.status, s.machine) for s in translation_states(pages, ["en", "de", "ar", "tr"])] == [
        ("de", "machine", True),
        ("ar", "outdated", False),
        ("tr", "missing", False),
    ]
    table = translation_markdown(translation_states(pages, ["en", "de", "ar", "tr"]), ["en", "de", "ar", "tr"])
    assert "| `docs/guide.md` | machine | **outdated** | missing |" in table


def test_a_bookkeeping_edit_does_not_outdate_translations(tmp_path: Path):
    before = version_of(pages_from(tmp_path / "a", {"guide.md": ORIGINAL})[0])
    rereviewed = ORIGINAL.replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-20")
    assert version_of(pages_from(tmp_path / "b", {"guide.md": rereviewed})[0]) == before
    edited = ORIGINAL.replace("Text.", "New text.")
    assert version_of(pages_from(tmp_path / "c", {"guide.md": edited})[0]) != before


def test_review_due_dates():
    assert review_due({"last_reviewed": "2026-08-31", "review_interval_months": 6}) == date(2027, 2, 28)
    assert review_due({"last_reviewed": "2026-01-10", "review_by": "2026-03-01"}) == date(2026, 3, 1)
    assert review_due({"last_reviewed": "2026-13-40", "review_interval_months": 6}) is None


def test_freshness_report_and_strict_modes(tmp_path: Path):
    fresh = ORIGINAL
    old = ORIGINAL.replace("last_reviewed: 2026-11-01", "last_reviewed: 2025-01-15")
    pages = pages_from(tmp_path, {"fresh.md": fresh, "old.md": old, "old.de.md": "---\ntitle: x\n---\n"})
    rows = freshness_rows(pages, date(2026, 11, 26))
    assert [(row.page, row.review_due, row.overdue) for row in rows] == [
        ("docs/old.md", "2025-07-15", True),
        ("docs/fresh.md", "2027-05-01", False),
    ]
    assert [str(p) for p in overdue_problems(pages, date(2026, 11, 26))] == [
        "docs/old.md:5: review overdue since 2025-07-15 (owner: Editorial team)"
        " — check the facts against the sources, then set last_reviewed to today (and review_by, if used)"
    ]
    # A pull request that touches only the fresh page passes; touching a translation counts for its original.
    assert overdue_problems(pages, date(2026, 11, 26), ["docs/fresh.md"]) == []
    assert len(overdue_problems(pages, date(2026, 11, 26), ["docs/old.de.md"])) == 1


def test_one_rule_for_overdue_in_the_readers_notice_and_the_editors_report(tmp_path: Path):
    from handbook.content.content_model import is_overdue
    from handbook.content.page_status import page_status

    on = date(2026, 12, 2)
    cases = {
        "due today": ({"review_by": "2026-12-02"}, None, False),
        "due yesterday": ({"review_by": "2026-12-01"}, None, True),
        "no review day (a welcome pack)": ({}, None, False),
        "a figure without a value": ({"review_by": "2027-06-01"}, date(2026, 12, 1), True),
    }
    for name, (data, figures, expected) in cases.items():
        assert is_overdue(data, figures, on) is expected, name
        assert page_status(data, None, "v", on, None, figures).overdue is expected, name
    text = "---\ntitle: A\nreview_by: 2026-12-01\n---\n\n# A\n"
    pages = pages_from(tmp_path, {"guide.md": text, "pack.md": "---\ntitle: B\n---\n\n# B\n"})
    assert [(row.page, row.overdue) for row in freshness_rows(pages, on)] == [
        ("docs/pack.md", False),
        ("docs/guide.md", True),
    ]
