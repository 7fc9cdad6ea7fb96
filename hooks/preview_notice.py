"""MkDocs hook: welcome packs and the link catalogue of a preview build say that their links work only here.

A build for http://127.0.0.1:8000/ writes that address into QR codes and copy-link buttons; HR staff who
print such a pack would hand out links that open nothing. overrides/partials/page-notices.html shows the notice.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.core.generated_pages import WELCOME_PACK
from handbook.core.public_address import is_preview_address

SHARED_PAGES = (WELCOME_PACK.folder, "employers/links/")  # pages whose links are printed or sent on


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["preview_links"] = is_preview_address(config.site_url or "") and page.url.startswith(SHARED_PAGES)
    return context
