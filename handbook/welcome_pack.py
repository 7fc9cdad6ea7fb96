"""Printable welcome packs: one per municipality, the first-weeks checklist plus that municipality's
facts, with QR codes to the pages, drawn at build time (no online QR service)."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import segno

from handbook.markdown_html import render_html
from handbook.municipality_pages import fill
from handbook.region_data import Municipality


@lru_cache(maxsize=None)
def qr_svg(url: str, title: str) -> str:
    """An inline SVG QR code for ``url`` (error correction M: survives a smudged print).

    Cached: every pack of a language carries the same checklist code, and choosing a
    QR code's mask is the slowest step of building the welcome packs.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, scale=3, title=title, nl=False, omitsize=True,
        svgclass="handbook-qr",
    )
    return buffer.getvalue().decode("utf-8")


_SOURCE_LINK = re.compile(r'href="(?!https?:|mailto:|#)([^"#]*)\.md(#[^"]*)?"')


def _page_address(match: re.Match[str]) -> str:
    """``href="topics/x.md#a"`` -> the address MkDocs gives that page, seen from a pack.

    A pack's address is three folders below the language root (employers/welcome-pack/<town>/).
    """
    path = match.group(1)
    folder = path.removesuffix("index") if path == "index" or path.endswith("/index") else f"{path}/"
    return f'href="../../../{folder}{match.group(2) or ""}"'


@lru_cache(maxsize=None)
def checklist_html(checklist_body: str, config_file: Path) -> str:
    """The checklist's steps (without its title and introduction) as HTML for the welcome packs.

    Every pack of a language carries the same steps, so they are rendered once per language
    instead of once per pack (this halves the time the packs take to build). Links to pages
    become the addresses MkDocs makes of them; the built site's link check covers them.
    """
    steps = checklist_body.split("\n## ", 1)[1] if "\n## " in checklist_body else checklist_body
    html = render_html("## " + steps, config_file)
    return _SOURCE_LINK.sub(_page_address, html)


def welcome_pack_markdown(
    m: Municipality, code: str, strings: Mapping[str, str], checklist: str, language_root: str
) -> str:
    """The welcome pack page for municipality ``m`` in language ``code``; ``checklist`` is checklist_html()."""
    municipality_url = f"{language_root}municipalities/{m.slug}/"
    checklist_url = f"{language_root}checklist/"
    office = m.immigration_office
    immigration = ""
    if office and office.confirmed:
        immigration = fill(strings, "mun_immigration_own", office=office.name, name=m.short_name)
    elif office:
        immigration = fill(strings, "mun_immigration_usual", office=office.name)
    title = fill(strings, "wp_title", name=m.short_name)
    return "\n".join(
        [
            "---",
            f'title: "{title}"',
            "generated: every-language",
            "noindex: true",
            "---",
            "",
            f"# {title}",
            "",
            fill(strings, "wp_intro", name=m.short_name),
            "",
            '<div class="handbook-qr-codes">',
            f'<figure>{qr_svg(municipality_url, strings["wp_qr_municipality"])}'
            f'<figcaption>{strings["wp_qr_municipality"]}<br><a href="{municipality_url}">{municipality_url}</a></figcaption></figure>',
            f'<figure>{qr_svg(checklist_url, strings["wp_qr_checklist"])}'
            f'<figcaption>{strings["wp_qr_checklist"]}<br><a href="{checklist_url}">{checklist_url}</a></figcaption></figure>',
            "</div>",
            "",
            f"## {strings['mun_offices_title']} {{#offices}}",
            "",
            f"- **{strings['mun_registration_title']}:** "
            + fill(strings, "mun_registration_body", name=m.short_name),
            f"- **{strings['mun_immigration_title']}:** {immigration}",
            f"- **{strings['mun_postcodes']}:** {' '.join(m.postcodes)}",
            f"- **{strings['mun_district']}:** {m.district_label}",
            "",
            f'<div class="handbook-pack-checklist">\n{checklist}\n</div>',
        ]
    ) + "\n"
