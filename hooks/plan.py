"""MkDocs hook: the plan page (``<!-- plan -->``) and the employers' plan-link form (``<!-- plan-link -->``).

The markup comes from handbook.site.plan_page; the rules from data/steps.yml (handbook.site.plan_rules), the steps' text
from the checklist in the language being built. The general steps are added as Markdown (so the facts hook
fills their figures and MkDocs checks their links); the form goes in after Markdown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.content.languages import babel_locale
from handbook.content.translations import version_in
from handbook.core.front_matter import parse_front_matter
from handbook.pipeline.build_context import current
from handbook.site.plan_page import PLAN, PLAN_LINK, fallback_markdown, plan_tool_html
from handbook.site.plan_rules import CHECKLIST, load_steps

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = current()
    code, project = context.code, context.project
    steps, problems = load_steps(project)
    if problems:
        raise PluginError("data problems (run `make check`):\n" + "\n".join(map(str, problems)))
    _state.update(
        code=code,
        steps=steps,
        locale=babel_locale(code).replace("_", "-"),
        strings=context.strings,
        municipalities=context.region.region.municipalities,
    )
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if PLAN not in markdown:
        return markdown
    checklist = version_in(Path(config.docs_dir), CHECKLIST, _state["code"])
    body = parse_front_matter(checklist.read_text(encoding="utf-8")).body
    return markdown.replace(PLAN, f"{PLAN}\n\n{fallback_markdown(body, _state['strings'])}")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    root = "../" * page.url.count("/") or "./"
    for marker, mode in ((PLAN, "plan"), (PLAN_LINK, "link")):
        if marker in html:
            tool = plan_tool_html(
                mode, _state["steps"], _state["municipalities"], _state["strings"], _state["locale"], root
            )
            html = html.replace(marker, tool)
    return html
