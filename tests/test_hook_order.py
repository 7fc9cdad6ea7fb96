"""The order in which MkDocs runs the hooks and plugins, as the configuration really gives it (priorities and the
order of `hooks:` in mkdocs.yml). Each assertion names why the order matters, so a new priority that breaks one is
caught here and not as a subtly wrong page."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

import pytest
from mkdocs.config import load_config

from handbook.pipeline.build import PROJECT


@pytest.fixture(scope="module")
def order():
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    config = load_config(str(PROJECT / "mkdocs.yml"))

    def names(event: str) -> list[str]:
        """The handlers of ``event`` in run order: hooks by file name, plugins by package ("mkdocs_static_i18n")."""
        return [
            PurePosixPath(module).stem if module.startswith("hooks/") else module.split(".")[0]
            for module in (handler.__module__ for handler in config.plugins.events[event])
        ]

    return names


def before(names: list[str], first: str, then: str) -> bool:
    return names.index(first) < names.index(then)


def test_generated_pages_are_added_after_the_language_s_files_are_chosen(order):
    files = order("files")
    for hook in ("municipalities", "glossary", "editor_reports"):
        assert before(files, "mkdocs_static_i18n", hook), files


def test_the_plan_adds_the_checklist_before_the_figures_are_filled_in(order):
    assert before(order("page_markdown"), "plan", "facts")


def test_the_finished_page_is_minified_last(order):
    post_page = order("post_page")
    assert post_page[-1] == "minify", "whitespace is collapsed once the language marks and the direction are in"


def test_page_context_gets_the_status_after_the_language_switcher(order):
    context = order("page_context")
    assert before(context, "mkdocs_static_i18n", "alternates") and before(context, "alternates", "page_status")
