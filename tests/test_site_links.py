"""The fast checker of the rendered site, on small hand-made sites."""

from pathlib import Path

from handbook.pipeline.site_links import check_site_links

ROOT = "https://example.org/handbook/"


def write(site: Path, path: str, html: str) -> None:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(f"<!doctype html><title>t</title>\n{html}\n", encoding="utf-8")


def test_a_template_bug_in_every_language_is_reported_once(tmp_path: Path):
    for code in ("en", "de"):
        write(tmp_path, f"{code}/index.html", '<a href="topics/">ok</a>\n<a href="guide/">missing</a>')
        write(tmp_path, f"{code}/topics/index.html", '<h2 id="visa">Visa</h2>')
    problems = check_site_links(tmp_path, ROOT, ["en", "de"], jobs=1)
    assert [str(p) for p in problems] == [
        "site/en/index.html:3: link 'guide/' leads to no file (in 2 languages: en, de)"
        " — fix the template, navigation entry or page that produces it"
    ]


def test_anchors_absolute_site_urls_and_root_relative_links(tmp_path: Path):
    write(tmp_path, "en/topics/index.html", '<h2 id="visa">Visa</h2>')
    write(
        tmp_path,
        "en/index.html",
        '<a href="topics/#visa">ok</a>\n<a href="topics/#housing">no anchor</a>\n'
        '<link rel="alternate" href="https://example.org/handbook/en/topics/">\n'
        '<link rel="alternate" href="https://example.org/handbook/de/topics/">\n'
        '<a href="/handbook/en/topics/#visa">ok</a>\n<a href="https://other.example/">external</a>\n'
        '<a href="#top">no anchor here</a>',
    )
    problems = check_site_links(tmp_path, ROOT, ["en", "de"], jobs=1)
    assert [(p.line, p.message) for p in problems] == [
        (8, "link '#top' has no anchor '#top'"),
        (5, "link 'https://example.org/handbook/de/topics/' leads to no file"),
        (3, "link 'topics/#housing' has no anchor '#housing'"),
    ]


def test_the_real_site_has_no_broken_link(built_site, site_url, languages):
    assert check_site_links(built_site, site_url, [lang.code for lang in languages]) == []


def test_event_handlers_and_code_running_addresses_fail_whatever_wrote_them(tmp_path: Path):
    write(
        tmp_path,
        "en/index.html",
        '<a href=" java\tscript:alert(1)">x</a>\n<img src="data:text/html,x">\n'
        '<p onclick="alert(1)">text</p>\n<a href="https://example.org/">fine</a>',
    )
    assert [(p.line, p.message) for p in check_site_links(tmp_path, ROOT, ["en"], jobs=1)] == [
        (2, "link ' java\tscript:alert(1)' would run code"),
        (4, "'<p onclick=…>' is an inline event handler: it would run code"),
        (3, "link 'data:text/html,x' would run code"),
    ]
