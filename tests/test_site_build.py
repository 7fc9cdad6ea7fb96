"""The real handbook, built as `make build` builds it: every page in every language, correctly labelled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.checks.source_checks import source_uris
from handbook.content.translations import page_path, translation_map
from handbook.pipeline.build import PROJECT, BuildError, build_site
from tests.helpers import fixture_copy, sitemap_alternates


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def source_pages(languages) -> dict[str, frozenset[str]]:
    codes = [lang.code for lang in languages]
    return translation_map(source_uris(PROJECT / "docs"), codes, codes[0])


def test_every_source_page_exists_in_every_language(built_site, languages):
    pages = source_pages(languages)
    assert len(pages) >= 4
    missing = [
        f"{lang.code}/{page_path(page)}"
        for page in pages
        for lang in languages
        if not (built_site / lang.code / page_path(page) / "index.html").is_file()
    ]
    assert missing == []


def test_lang_dir_and_alternates_on_every_page(built_site, languages, site_url):
    pages = source_pages(languages)
    sitemaps = {lang.code: sitemap_alternates(built_site, lang.code) for lang in languages}
    for page, available in pages.items():
        for lang in languages:
            html = soup(built_site / lang.code / page_path(page) / "index.html")
            root = html.find("html")
            where = f"{lang.code}/{page_path(page)}"
            assert root["lang"] == lang.code, where
            assert root["dir"] == ("rtl" if lang.code == "ar" else "ltr"), where
            assert html.select('link[rel="alternate"]') == [], where
            url = f"{site_url}{lang.code}/{page_path(page)}"
            if lang.code not in available:  # a fallback copy: not in the sitemap, canonical is the original
                assert url not in sitemaps[lang.code], where
                continue
            expected = {code: f"{site_url}{code}/{page_path(page)}" for code in available}
            expected["x-default"] = f"{site_url}en/{page_path(page)}"
            assert sitemaps[lang.code][url] == expected, where


def test_translated_pages_have_no_untranslated_notice(built_site, languages):
    for page, available in source_pages(languages).items():
        for code in available:
            html = soup(built_site / code / page_path(page) / "index.html")
            assert html.select_one('[data-notice="untranslated"]') is None


def test_each_language_has_its_own_site_name(built_site, languages):
    names = {lang.code: soup(built_site / lang.code / "index.html").title.get_text() for lang in languages}
    assert len(set(names.values())) == len(languages), names


def test_site_wide_files(built_site, languages, site_url):
    chooser = soup(built_site / "index.html")
    assert [a["href"] for a in chooser.select("main a")] == [f"{lang.code}/" for lang in languages]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in languages:
        assert f"<loc>{site_url}{lang.code}/sitemap.xml</loc>" in sitemap
    assert (built_site / "404.html").is_file()
    for lang in languages:  # one search bundle per language, holding that language only
        indexed = {
            p.name.split(".")[1].split("_")[0] for p in (built_site / lang.code / "pagefind").glob("pagefind.*.pf_meta")
        }
        assert indexed == {lang.code}, lang.code


def test_no_page_references_another_host(built_site, site_url):
    """Every src/href in the HTML is relative or on the site's own origin (hreflang/canonical are)."""
    offenders = []
    for html_file in built_site.rglob("*.html"):
        html = soup(html_file)
        for tag in html.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if url and url.startswith(("http:", "https:", "//")) and not url.startswith(site_url):
                offenders.append(f"{html_file.relative_to(built_site)}: {tag.name} {url}")
    assert offenders == []


def test_a_failing_language_fails_the_whole_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(
        PROJECT, project, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "*_cache", "tests")
    )
    docs = project / "docs"
    # A broken link only in the Turkish home page: strict mode must stop the build, naming Turkish.
    (docs / "index.tr.md").write_text("---\ntitle: Bozuk\n---\n\n# Bozuk\n\n[yok](missing.md)\n", encoding="utf-8")
    messages: list[str] = []
    with pytest.raises(BuildError, match=r"build failed for: tr$"):
        build_site(tmp_path / "site", project=project, report=messages.append)
    assert any("missing.md" in message and message.endswith("[tr]") for message in messages), messages


def test_build_messages_shared_by_languages_are_shown_once():
    from handbook.pipeline.build import LanguageBuild, merged_messages

    builds = [
        LanguageBuild("en", 1, "INFO - Building\nWARNING - Doc file 'x.md' contains a broken link\n"),
        LanguageBuild("de", 1, "WARNING - Doc file 'x.md' contains a broken link\nWARNING - only German\n"),
    ]
    assert merged_messages(builds) == [
        "WARNING - Doc file 'x.md' contains a broken link",
        "WARNING - only German  [de]",
    ]


def test_two_builds_of_one_commit_are_byte_identical_sequential_or_parallel(tmp_path):
    """Reproducible, and building the languages in parallel changes nothing: one build runs
    the languages one after the other (jobs=1), the other all at once."""
    from tests.helpers import FIXTURE_PROJECT

    def build(name: str, jobs: int) -> dict[str, bytes]:
        site = tmp_path / name
        build_site(
            site, root_url="https://example.org/", jobs=jobs, project=FIXTURE_PROJECT, report=lambda message: None
        )
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    sequential, parallel = build("sequential", jobs=1), build("parallel", jobs=3)
    assert sequential.keys() == parallel.keys()
    assert [path for path in sequential if sequential[path] != parallel[path]] == []


def test_languages_are_indexed_as_they_finish_each_once_never_two_at_once(tmp_path):
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from handbook.pipeline import build

    indexed: list[str] = []
    running = []

    def fake_index(site_dir: Path, code: str, folders: list[str]) -> None:
        running.append(code)
        assert len(running) == 1, f"two Pagefind runs at once: {running}"
        time.sleep(0.01)
        indexed.append(code)
        running.remove(code)
        if code == "b2":
            raise BuildError("Pagefind failed for b2")

    indexer = build.SearchIndexer(tmp_path, index=fake_index)
    codes = [f"{letter}{n}" for letter in "ab" for n in range(10)]
    start = threading.Barrier(4)

    def finish(code: str) -> None:
        if code.endswith("0"):
            start.wait()  # four languages finishing at the same moment
        indexer.add(code, ["pagefind"])

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(finish, codes[:2] + ["c0", "d0"] + codes[2:]))
    assert sorted(indexed) == sorted(codes + ["c0", "d0"])
    assert indexer.errors == ["Pagefind failed for b2"]


def test_a_language_too_large_to_index_next_to_a_build_waits_for_the_end(tmp_path):
    from handbook.pipeline import build

    indexed: list[str] = []
    for code, size in (("en", 10), ("uk", 11)):
        (tmp_path / code / "topics").mkdir(parents=True)
        (tmp_path / code / "topics" / "index.html").write_text("x" * size, encoding="utf-8")
    indexer = build.SearchIndexer(
        tmp_path, alongside_max_html=10, index=lambda site_dir, code, folders: indexed.append(code)
    )
    indexer.add("uk", ["pagefind"])
    indexer.add("en", ["pagefind"])
    assert indexed == ["en"]
    indexer.finish()
    assert indexed == ["en", "uk"]


def test_a_failed_search_index_does_not_hide_broken_links(tmp_path):
    """A real build in which Pagefind fails for every language and one page links nowhere: both are reported."""
    project = fixture_copy(tmp_path)
    # A file where Pagefind writes its folder: every language's index fails. A link in raw HTML: the engine
    # does not look at it, the site's link check does.
    (project / "docs" / "pagefind").write_text("not a folder\n", encoding="utf-8")
    guide = project / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + '\n<a href="../nowhere/">Nowhere</a>\n', encoding="utf-8")
    reported: list[str] = []
    with pytest.raises(BuildError) as failure:
        build_site(tmp_path / "site", project=project, report=reported.append)
    broken = [line.split(":", 1) for line in reported if "nowhere" in line]
    assert [page for page, _ in broken] == ["site/en/guide/index.html"], reported
    assert broken[0][1].split(": ", 1)[1] == (
        "link '../nowhere/' leads to no file (in 2 languages: en, ar)"
        " — fix the template, navigation entry or page that produces it"
    )
    lines = str(failure.value).splitlines()
    failed = sorted(line for line in lines if line.startswith("Pagefind failed for "))
    assert failed == ["Pagefind failed for ar:", "Pagefind failed for de:", "Pagefind failed for en:"], lines
    assert lines[-1] == "1 broken link(s) in the built site"
