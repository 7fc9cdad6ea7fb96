"""The build context (handbook/pipeline/build_context.py), and the result each language build writes for
handbook.pipeline.build."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from handbook.pipeline import build_context
from handbook.pipeline.build import LanguageBuild, build_language
from handbook.pipeline.build_context import BuildResult, context_from_config
from tests.helpers import fixture_copy


def fake_config(build_only: str | None) -> SimpleNamespace:
    """What the context reads of a loaded MkDocsConfig: mkdocs-static-i18n's languages and the paths."""
    i18n = SimpleNamespace(
        languages=[SimpleNamespace(locale=code) for code in ("en", "de", "ar")], build_only_locale=build_only
    )
    return SimpleNamespace(
        plugins={"i18n": SimpleNamespace(config=i18n)},
        config_file_path="/project/mkdocs.yml",
        docs_dir="/project/docs",
        site_dir="/project/site/ar",
        site_url=None,
    )


def test_the_context_names_the_language_being_built_and_the_original():
    context = context_from_config(fake_config("ar"), date(2026, 12, 2))
    assert (context.code, context.codes, context.original, context.is_original) == (
        "ar",
        ("en", "de", "ar"),
        "en",
        False,
    )
    assert (context.project, context.docs_dir, context.site_url) == (Path("/project"), Path("/project/docs"), "")
    assert context.today == date(2026, 12, 2) and context.result == BuildResult("ar")
    assert context_from_config(fake_config(None), date(2026, 12, 2)).is_original  # no build_only_locale: the original


def test_the_figures_are_read_once_per_build():
    from handbook.pipeline.build import PROJECT

    config = fake_config("de")
    config.config_file_path = str(PROJECT / "mkdocs.yml")
    context = context_from_config(config, date(2026, 12, 2))
    assert context.facts is context.facts  # every hook gets the same figures, read once
    assert context.facts[0] and context.facts[1] == []  # the real data/facts.yml, without problems


def test_a_hook_asking_before_the_build_started_is_told_what_to_fix(monkeypatch):
    monkeypatch.setattr(build_context, "_current", None)
    with pytest.raises(RuntimeError, match=r"list hooks/build_context.py first under hooks: in mkdocs.yml"):
        build_context.current()


def test_a_result_survives_the_file_and_a_missing_file_is_none(tmp_path):
    result = BuildResult("de", ["WARNING -  x"], ["pagefind", "pagefind-2"])
    (tmp_path / "r.json").write_text(result.to_json(), encoding="utf-8")
    assert BuildResult.read(tmp_path / "r.json") == result
    assert BuildResult.read(tmp_path / "missing.json") is None
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert BuildResult.read(tmp_path / "bad.json") is None


def test_a_build_that_stopped_early_is_told_by_what_it_printed():
    stopped = LanguageBuild("en", 1, "INFO    -  Building\nERROR   -  Config value 'hooks': boom\n")
    assert stopped.messages == ["ERROR   -  Config value 'hooks': boom"]
    finished = LanguageBuild("en", 1, "INFO    -  x\nAborted with 1 warnings", BuildResult("en", ["WARNING -  y"]))
    assert finished.messages == ["WARNING -  y"]


def test_a_real_language_build_reports_its_warnings_and_search_bundles(tmp_path):
    project = fixture_copy(tmp_path)
    clean = build_language("de", "http://127.0.0.1:8000/", tmp_path / "site", project)
    assert clean.returncode == 0, clean.output
    assert clean.result == BuildResult("de", [], ["pagefind"])
    (project / "docs" / "index.de.md").write_text("---\ntitle: T\n---\n\n# T\n\n[kaputt](fehlt.md)\n", encoding="utf-8")
    broken = build_language("de", "http://127.0.0.1:8000/", tmp_path / "site", project)
    assert broken.returncode == 1
    assert broken.result is not None and len(broken.result.warnings) == 1, broken.output
    assert broken.result.warnings[0].startswith("WARNING -  Doc file 'index.de.md' contains a link 'fehlt.md'")
