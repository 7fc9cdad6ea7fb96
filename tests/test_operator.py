"""Operator details: one config place, visible gaps, warnings for what is missing; legal links everywhere."""

from pathlib import Path

from bs4 import BeautifulSoup

from handbook.content.ui_strings import load_ui_strings
from handbook.site.operator import fill_operator_markers, missing_operator_details

UI = load_ui_strings()


def test_markers_are_filled_or_shown_as_missing():
    text = "**[[operator:name]]** — [[operator:email]]"
    assert fill_operator_markers(text, {"name": "Verband Region Stuttgart", "email": ""}, "not yet provided") == (
        "**Verband Region Stuttgart** — *not yet provided*"
    )


def test_missing_details_are_listed_with_their_lines(tmp_path: Path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "operator.yml").write_text(
        'name: Verband Region Stuttgart\nlegal_form: x\naddress: y\nrepresented_by: "Jane Doe"\n'
        'email: ""\nphone: "0711"\nresponsible_for_content: a\ndata_protection_officer: b\nhosting_provider: c\n'
        "server_log_retention: g\naccessibility_contact: d\naccessibility_enforcement: e\nreport_problem_url:"
        " f\nmayor: z\n",
        encoding="utf-8",
    )
    assert [str(p) for p in missing_operator_details(tmp_path)] == [
        "config/operator.yml:5: required operator detail 'email' is empty"
        " — fill it in once the operator has confirmed it (readers see 'not yet provided')",
        "config/operator.yml:14: unknown field 'mayor' — remove it or fix its name",
    ]


def test_legal_pages_and_report_link_on_every_page(built_site, languages):
    for lang in languages:
        for path in ("", "topics/", "municipalities/sindelfingen/", "about/privacy/"):
            html = BeautifulSoup(
                (built_site / lang.code / path / "index.html").read_text(encoding="utf-8"), "html.parser"
            )
            footer = [a.get_text(strip=True) for a in html.select(".handbook-legal a")]
            assert footer == [
                UI[key][lang.code]
                for key in (
                    "footer_impressum",
                    "footer_privacy",
                    "footer_accessibility",
                    "footer_easy_read",
                    "footer_sign_language",
                )
            ], (lang.code, path)
            report = html.select_one('[data-handbook="report-problem"]')
            assert report.get_text(strip=True) == UI["report_problem"][lang.code]


def test_impressum_shows_the_operator_and_marks_what_is_missing(built_site):
    html = BeautifulSoup((built_site / "de/about/impressum/index.html").read_text(encoding="utf-8"), "html.parser")
    text = html.select_one("article").get_text(" ", strip=True)
    assert "Verband Region Stuttgart" in text and "Kronenstraße 25, 70174 Stuttgart" in text
    assert UI["not_provided"]["de"] in text
