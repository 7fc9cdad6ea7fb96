"""Figures kept once in data/facts.yml: loading, checks, formatting, expiry, and the built pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.checks.source_checks import check_sources
from handbook.content.facts import (
    check_fact_markers,
    due_warnings,
    fact_keys,
    figures_due,
    fill_fact_markers,
    format_value,
    load_facts,
)
from handbook.content.languages import load_languages
from handbook.content.page_status import page_status
from handbook.pipeline.build import PROJECT

CODES = ["en", "de", "ar", "es", "fr", "tr", "uk", "zh"]
TODAY = date(2026, 12, 2)
LABELS = "".join(f"    {code}: Label {code}\n" for code in CODES)


def write_facts(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "facts.yml").write_text(text, encoding="utf-8")
    return tmp_path


def fact(key: str, kind: str, values: str) -> str:
    return f"{key}:\n  kind: {kind}\n  label:\n{LABELS}  values:\n{values}"


def period(
    value: str,
    start: str,
    end: str | None = "2026-12-31",
    checked: str = "2026-12-01",
    url: str = "https://www.example.org/",
) -> str:
    until = f"      valid_until: {end}\n" if end else ""
    return (
        f"    - value: {value}\n      valid_from: {start}\n{until}      checked: {checked}\n"
        f"      sources:\n        - name: Authority\n          url: {url}\n"
    )


FACTS_TEXT = (
    fact("fee", "money", period("50700", "2026-01-01") + period("52200", "2027-01-01", "2027-12-31"))
    + fact("reduced", "money", period("45934.20", "2026-01-01"))
    + fact("rate", "percent", period("14.6", "2015-01-01", None))
    + fact("old", "percent", period("2.5", "2025-01-01", "2025-12-31"))
    + fact("hotline", "phone", period('"0761 19240"', "2020-01-01", None))
)


@pytest.fixture
def facts(tmp_path: Path):
    loaded, problems = load_facts(write_facts(tmp_path, FACTS_TEXT), CODES, TODAY)
    assert problems == []
    return loaded


def test_the_handbooks_facts_are_complete_and_every_marker_is_known():
    codes = [language.code for language in load_languages(PROJECT / "mkdocs.yml")]
    loaded, problems = load_facts(PROJECT, codes, TODAY)
    assert [str(problem) for problem in problems] == []
    assert len(loaded) >= 18
    for key in ("blue_card_salary_standard", "kindergeld_per_child", "phone_medical_on_call"):
        assert key in loaded
    assert not [str(p) for p in check_sources(PROJECT, TODAY) if "fact" in p.message]


@pytest.mark.parametrize(
    ("code", "fee", "reduced", "rate"),
    [
        ("en", "€50,700", "€45,934.20", "14.6%"),
        ("de", "50.700\u00a0€", "45.934,20\u00a0€", "14,6\u00a0%"),
        ("fr", "50\u202f700\u00a0€", "45\u202f934,20\u00a0€", "14,6\u00a0%"),
        ("tr", "€50.700", "€45.934,20", "%14,6"),
        ("zh", "€50,700", "€45,934.20", "14.6%"),
        ("ar", "\u200f50,700\u00a0€", "\u200f45,934.20\u00a0€", "14.6%"),
        ("es", "50.700\u00a0€", "45.934,20\u00a0€", "14,6\u00a0%"),
        ("uk", "50\u00a0700\u00a0EUR", "45\u00a0934,20\u00a0EUR", "14,6%"),
    ],
)
def test_values_are_written_as_readers_of_each_language_write_them(facts, code, fee, reduced, rate):
    assert format_value(facts["fee"], facts["fee"].shown_on(TODAY), code) == fee
    assert format_value(facts["reduced"], facts["reduced"].shown_on(TODAY), code) == reduced
    assert format_value(facts["rate"], facts["rate"].shown_on(TODAY), code) == rate
    assert format_value(facts["hotline"], facts["hotline"].shown_on(TODAY), code) == "0761\u00a019240"


def test_the_value_of_the_day_is_used_and_a_later_one_is_announced(facts):
    assert facts["fee"].shown_on(TODAY).value == 50700
    assert facts["fee"].shown_on(date(2027, 1, 1)).value == 52200
    assert facts["fee"].next_after(TODAY).valid_from == date(2027, 1, 1)
    assert facts["fee"].next_after(date(2027, 1, 1)) is None


def test_markers_become_isolated_values_and_unknown_ones_stay_visible(facts):
    text = "Pay [[fact:fee]], call [[fact:hotline]]; [[fact:nope]]."
    assert fact_keys(text + " [[fact:fee]]") == ["fee", "hotline", "nope"]
    assert fill_fact_markers(text, facts, TODAY, "de") == (
        'Pay <bdi class="handbook-fact" data-fact="fee">50.700\u00a0€</bdi>, call '
        '<bdi class="handbook-fact" data-fact="hotline" dir="ltr">0761\u00a019240</bdi>; [[fact:nope]].'
    )


def test_an_unknown_marker_is_reported_with_its_line_and_a_suggestion(facts):
    text = "# Title\n\nThe fee is [[fact:fe]].\nAnd [[fact:kindergeld]] too.\n"
    assert [str(p) for p in check_fact_markers([("docs/x.md", text, 7)], facts)] == [
        "docs/x.md:9: unknown fact 'fe' — did you mean 'fee'? use a key of data/facts.yml, "
        "or add the fact there with its source",
        "docs/x.md:10: unknown fact 'kindergeld' — use a key of data/facts.yml, or add the fact there with its source",
    ]


def test_a_value_past_its_period_is_a_warning_and_makes_its_pages_overdue(facts):
    old_line = next(number for number, line in enumerate(FACTS_TEXT.splitlines(), 1) if line == "old:")
    assert [str(w) for w in due_warnings(facts, TODAY)] == [
        f"data/facts.yml:{old_line}: fact 'old' has no value for 2026-12-02 (the last one ended on 2025-12-31); "
        "pages using it show it as overdue — add the value valid from 2026-01-01 with its source and checked date"
    ]
    assert figures_due(["fee", "old"], facts, TODAY) == date(2026, 1, 1)
    assert figures_due(["fee", "rate"], facts, TODAY) is None
    assert due_warnings(facts, date(2028, 1, 1))[0].message.startswith("fact 'fee' has no value for 2028-01-01")
    fresh = {"last_reviewed": "2026-11-01", "review_interval_months": 12}
    assert not page_status(fresh, None, "", TODAY, None).overdue
    status = page_status(fresh, None, "", TODAY, None, figures_due=date(2026, 1, 1))
    assert status.overdue and status.review_due == date(2026, 1, 1)


def test_every_mistake_in_the_facts_file_is_reported_at_once_with_its_line(tmp_path):
    text = (
        "# comment\n"
        + fact("Bad-Key", "money", period("1", "2026-01-01"))
        + "broken:\n  kind: money\n  label:\n    en: Only English\n  values:\n"
        + "    - value: ten\n      valid_from: 2026-13-01\n      checked: 2999-01-01\n"
        + "      sources:\n        - name: Insecure\n          url: http://example.org/\n      note: x\n"
        + fact("overlap", "percent", period("1", "2026-01-01") + period("2", "2026-06-01", "2026-12-31"))
        + fact("kindless", "length", period("1", "2026-01-01"))
        + fact("backwards", "money", period("1", "2026-01-01", "2025-01-01"))
    )
    _, problems = load_facts(write_facts(tmp_path, text), CODES, TODAY)
    lines = [str(problem) for problem in problems]
    assert lines[0] == (
        "data/facts.yml:2: fact key 'Bad-Key' is not lower case letters, digits and underscores — "
        "rename it, e.g. 'kindergeld_per_child'"
    )
    assert "data/facts.yml:23: fact 'broken' has no 'de' label — add '    de: …' under label:" in lines
    assert (
        "data/facts.yml:26: fact 'broken': value 'ten' does not fit kind 'money' — write a number, e.g. 259 or 14.6"
    ) in lines
    assert "data/facts.yml:27: fact 'broken': valid_from '2026-13-01' is not a date — write it as YYYY-MM-DD" in lines
    assert (
        "data/facts.yml:28: fact 'broken': 'checked' 2999-01-01 is in the future — write the day a person "
        "actually checked it"
    ) in lines
    assert (
        "data/facts.yml:29: fact 'broken': needs at least one source with name and an https:// url — "
        "add sources: - name: … url: https://…"
    ) in lines
    assert (
        "data/facts.yml:32: fact 'broken': unknown field 'note' — use only value, valid_from, valid_until, "
        "checked, sources"
    ) in lines
    assert any(
        line.startswith("data/facts.yml:") and "fact 'overlap': the value from 2026-06-01 overlaps" in line
        for line in lines
    )
    assert any("fact 'kindless' has kind 'length' — write kind: money, percent, phone" in line for line in lines)
    assert any("fact 'backwards': valid_until is before valid_from" in line for line in lines)


def test_a_key_written_twice_and_broken_yaml_are_reported_not_swallowed(tmp_path):
    text = fact("fee", "money", period("1", "2026-01-01")) + fact("fee", "money", period("2", "2026-01-01"))
    _, problems = load_facts(write_facts(tmp_path, text), CODES, TODAY)
    second = text.splitlines().index("fee:", 1) + 1
    assert [str(p) for p in problems] == [
        f"data/facts.yml:{second}: not valid YAML ('fee' is written twice (first on line 1)) — fix the YAML at this"
        " line"
    ]
    _, problems = load_facts(write_facts(tmp_path, "fee:\n  kind: [money\n"), CODES, TODAY)
    assert len(problems) == 1 and str(problems[0]).startswith("data/facts.yml:3: not valid YAML (")
    (tmp_path / "data" / "facts.yml").write_bytes(b"fee: \xff\n")
    assert [str(p) for p in load_facts(tmp_path, CODES, TODAY)[1]] == [
        "data/facts.yml: not UTF-8 text (invalid start byte) — save the file as UTF-8"
    ]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_built_pages_show_the_same_figure_in_every_language_with_its_source(fixture_site):
    values = {}
    for code in ("en", "de", "ar"):
        page = soup(fixture_site, f"{code}/fees")
        values[code] = {tag["data-fact"]: tag.get_text() for tag in page.select("[data-pagefind-body] bdi[data-fact]")}
        figures = page.select_one('[data-handbook="figures"]')
        assert [dd["data-fact"] for dd in figures.select("dd")] == [
            "fixture_fee",
            "fixture_old_rate",
            "fixture_hotline",
        ]
        assert figures.select_one('[data-fact="fixture_fee"] a')["href"] == "https://www.service-bw.de/"
        assert figures.select_one('[data-fact="fixture_old_rate"] [data-figure="ended"]') is not None
        assert figures.select_one('[data-fact="fixture_fee"] [data-figure="next"]') is not None
        assert [n["data-notice"] for n in page.select("[data-notice]")][0] == "overdue"
    assert values["en"] == {
        "fixture_fee": "€1,234.50",
        "fixture_old_rate": "14.6%",
        "fixture_hotline": "0761\u00a019240",
    }
    assert values["de"] == {
        "fixture_fee": "1.234,50\u00a0€",
        "fixture_old_rate": "14,6\u00a0%",
        "fixture_hotline": "0761\u00a019240",
    }
    assert values["ar"]["fixture_fee"] == "\u200f1,234.50\u00a0€"
    german = soup(fixture_site, "de/fees").select_one('[data-handbook="figures"]').get_text(" ", strip=True)
    assert "Testgebühr im Monat" in german and "Gilt vom 1. Januar 2020 bis 31. Dezember 2998." in german
    assert "Ab 1. Januar 2999:" in german and "Geprüft am 1. November 2026." in german
    assert "[[fact:" not in (fixture_site / "de" / "fees" / "index.html").read_text(encoding="utf-8")
    assert soup(fixture_site, "en").select('[data-handbook="figures"]') == []


def test_the_freshness_report_lists_figures_by_the_day_they_run_out(fixture_site):
    report = json.loads((fixture_site / "en" / "editors" / "freshness.json").read_text(encoding="utf-8"))
    assert [(row["key"], row["overdue"]) for row in report["facts"]] == [
        ("fixture_old_rate", True),
        ("fixture_fee", False),
        ("fixture_hotline", False),
    ]
    assert report["facts"][1]["next_from"] == "2999-01-01" and report["facts"][1]["pages"] == ["docs/fees.md"]
    fees = next(row for row in report["pages"] if row["page"] == "docs/fees.md")
    assert fees["overdue"] and fees["review_due"] == "2021-01-01"
    table = soup(fixture_site, "en/editors/freshness").get_text(" ", strip=True)
    assert "2020-12-31 (overdue)" in table and "Fixture rate" in table
