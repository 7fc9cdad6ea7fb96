"""Content rules on small fixture pages: exact messages and lines."""

from pathlib import Path

from handbook.checks.content_checks import (
    check_heading_ids,
    check_links,
    check_navigation,
    check_shadowing,
    check_translation_ids,
    check_unsafe_html,
)
from tests.helpers import ORIGINAL, pages_from

HEADER = ORIGINAL.split("# Registering")[0]  # front matter of a valid original (12 lines)
TRANSLATION = (
    "---\ntitle: Anmeldung\ndescription: Wie Sie sich anmelden.\n"
    "machine_translated: true\ntranslated_from: abcdefabcdef\n---\n\n"
)


def as_text(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_section_headings_need_stable_explicit_ids(tmp_path: Path):
    body = "# Title\n\n## Register {#register}\n\n## Без id\n\n```\n## not a heading\n```\n\n### Visa {#Visa_Card}\n"
    pages = pages_from(tmp_path, {"guide.md": HEADER + body})
    assert as_text(check_heading_ids(pages)) == [
        "docs/guide.md:17: heading 'Без id' has no explicit id"
        " — end the heading with an id like {#register-address} (the original's id in translations)",
        "docs/guide.md:23: heading id 'Visa_Card' is not a stable id"
        " — use lower-case English letters, digits and hyphens, e.g. {#register-address}",
    ]


def test_translation_must_keep_the_originals_ids(tmp_path: Path):
    original = HEADER + "# T\n\n## Register {#register}\n\n## Deadline {#deadline}\n"
    translation = TRANSLATION + "# T\n\n## Anmelden {#anmelden}\n\n## Frist {#deadline}\n"
    pages = pages_from(tmp_path, {"guide.md": original, "guide.de.md": translation})
    assert as_text(check_translation_ids(pages)) == [
        "docs/guide.de.md:7: heading id 'register' of the original (docs/guide.md:15) is missing"
        " — add {#register} to the translated heading",
        "docs/guide.de.md:10: heading id 'anmelden' is not in the original docs/guide.md"
        " — use the id of the matching heading in the original",
    ]


def test_links_and_anchors_resolve_in_every_language(tmp_path: Path):
    files = {
        "guide.md": ORIGINAL,
        "guide.de.md": TRANSLATION + "# A\n\n## Anmelden {#register}\n",
        "topics/index.md": HEADER
        + "# Topics\n\n[ok](../guide.md#register)\n[gone](../visa.md)\n[bad anchor](../guide.md#deadline)\n"
        + "[self](#nowhere)\n[insecure](http://www.bamf.de/)\n[folder](../guide/)\n"
        + '<a href="/en/guide/">absolute</a>\n[mail](mailto:info@example.org) [web](https://www.bamf.de/)\n',
    }
    pages = pages_from(tmp_path, files)
    assert as_text(check_links(pages, tmp_path / "docs")) == [
        "docs/topics/index.md:16: link to a page that does not exist: '../visa.md'"
        " — check the file name, relative to this file; link the original (without a language code)",
        "docs/topics/index.md:17: anchor '#deadline' does not exist on docs/guide.md"
        " — use one of the heading ids ({#...}) of that page",
        "docs/topics/index.md:18: anchor '#nowhere' does not exist on this page"
        " — use one of the heading ids ({#...}) of that page",
        "docs/topics/index.md:19: insecure link 'http://www.bamf.de/'"
        " — use the https:// address (the check of external links will confirm it)",
        "docs/topics/index.md:20: link to a folder or URL path '../guide/'"
        " — link the page's .md file instead, e.g. topics/index.md",
        "docs/topics/index.md:21: absolute link '/en/guide/' breaks in other languages and hosts"
        " — link the page's .md file relatively, e.g. ../topics/housing.md#deposit",
    ]


def test_a_translations_links_are_checked_against_the_language_it_links_to(tmp_path: Path):
    files = {
        "guide.md": ORIGINAL,
        "guide.de.md": TRANSLATION + "# A\n\n## Anmelden {#register}\n",
        "faq.md": HEADER + "# FAQ\n\n[g](guide.md#register)\n",
        "faq.de.md": TRANSLATION + "# FAQ\n\n[g](guide.md#registrieren)\n",
    }
    pages = pages_from(tmp_path, files)
    assert as_text(check_links(pages, tmp_path / "docs")) == [
        "docs/faq.de.md:10: anchor '#registrieren' does not exist on docs/guide.de.md"
        " — use one of the heading ids ({#...}) of that page",
    ]


def test_unsafe_content_is_rejected(tmp_path: Path):
    body = (
        '# T\n\n<script>alert(1)</script>\n\n<p onclick="steal()">x</p>\n\n'
        '<iframe src="https://video.example/"></iframe>\n\n[x](javascript:alert(1))\n'
    )
    pages = pages_from(tmp_path, {"guide.md": HEADER + body})
    assert as_text(check_unsafe_html(pages)) == [
        "docs/guide.md:15: <script> is not allowed in content"
        " — remove it; ask a maintainer if the page needs interactive parts",
        "docs/guide.md:17: inline event handler 'onclick' is not allowed — remove the attribute; pages may not run"
        " scripts",
        "docs/guide.md:19: <iframe> is not allowed in content"
        " — remove it; ask a maintainer if the page needs interactive parts",
        "docs/guide.md:21: unsafe link 'javascript:alert(1)' — remove it: pages may not run scripts",
    ]
    assert check_links(pages, tmp_path / "docs") == []  # one rule, one report: the allow-list decides schemes


def test_two_files_for_one_address_are_both_reported(tmp_path: Path):
    pages = pages_from(tmp_path, {"visa.md": ORIGINAL, "visa/index.md": ORIGINAL})
    assert as_text(check_shadowing(pages)) == [
        "docs/visa.md: publishes the same address 'visa/' as another file (docs/visa.md, docs/visa/index.md)"
        " — keep one of them: rename or merge the other",
        "docs/visa/index.md: publishes the same address 'visa/' as another file (docs/visa.md, docs/visa/index.md)"
        " — keep one of them: rename or merge the other",
    ]


def test_every_page_reachable_and_every_nav_entry_real(tmp_path: Path):
    pages = pages_from(tmp_path, {"index.md": ORIGINAL, "orphan.md": ORIGINAL, "editors/x.md": ORIGINAL})
    config = "nav:\n  - index.md\n  - Visa: visa.md\n"
    nav = ["index.md", {"Visa": "visa.md"}]
    assert as_text(check_navigation(pages, nav, config, "mkdocs.yml", ("editors/",))) == [
        "mkdocs.yml:3: navigation entry 'visa.md' is not a page — fix the path (relative to docs/) or remove the entry",
        "docs/orphan.md: no navigation entry reaches this page — add 'orphan.md' to nav in mkdocs.yml",
    ]
