"""Printable welcome packs: one per municipality, the first-weeks checklist plus that municipality's
facts, with QR codes to the pages, drawn at build time (no online QR service)."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import segno

from handbook.content.markdown_html import render_html
from handbook.core.generated_pages import EVERY_LANGUAGE, front_matter
from handbook.region.municipality_pages import appointment_label, fill
from handbook.region.region_data import Municipality

_QR_ERROR = "m"  # error correction M: survives a smudged print
_SVG_OPTIONS = {"xmldecl": False, "svgns": True, "scale": 3, "nl": False, "omitsize": True, "svgclass": "handbook-qr"}


@cache
def qr_svg(url: str, title: str) -> str:
    """An inline SVG QR code for ``url``.

    Cached: every pack of a language carries the same checklist code, and choosing a
    QR code's mask is the slowest step of building the welcome packs.
    """
    buffer = io.BytesIO()
    segno.make(url, error=_QR_ERROR).save(buffer, kind="svg", title=title, **_SVG_OPTIONS)
    return buffer.getvalue().decode("utf-8")


class QrCache:
    """QR codes drawn by earlier builds, one JSON file per language (as Material keeps social cards in .cache/).

    Drawing the 180 codes of a language takes about a second, a fifth of its build, and
    they change only when a town or the site's address does. The key holds everything
    the drawing depends on (segno's version and the options), so a stale entry is never
    used; the file keeps only the codes the last build used, so it does not grow.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no cache yet, or a damaged one: draw again
            before = {}
        self._before: dict[str, str] = before if isinstance(before, dict) else {}
        self._used: dict[str, str] = {}
        self._style = f"segno {segno.__version__} error {_QR_ERROR} {sorted(_SVG_OPTIONS.items())}"

    def get(self, url: str, title: str) -> str:
        key = f"{self._style}\n{url}\n{title}"
        svg = self._used.get(key) or self._before.get(key) or qr_svg(url, title)
        self._used[key] = svg
        return svg

    def save(self) -> None:
        """Write the codes this build used, if they differ from what the file held."""
        if self._used != self._before:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self._used, sort_keys=True, ensure_ascii=False), encoding="utf-8")
            self._before = dict(self._used)


_SOURCE_LINK = re.compile(r'href="(?!https?:|mailto:|#)([^"#]*)\.md(#[^"]*)?"')


def _page_address(match: re.Match[str]) -> str:
    """``href="topics/x.md#a"`` -> the address MkDocs gives that page, seen from a pack.

    A pack's address is three folders below the language root (employers/welcome-pack/<town>/).
    """
    path = match.group(1)
    folder = path.removesuffix("index") if path == "index" or path.endswith("/index") else f"{path}/"
    return f'href="../../../{folder}{match.group(2) or ""}"'


@cache
def checklist_html(checklist_body: str, config_file: Path) -> str:
    """The checklist's steps (without its title and introduction) as HTML for the welcome packs.

    Every pack of a language carries the same steps, so they are rendered once per language
    instead of once per pack (this halves the time the packs take to build). Links to pages
    become the addresses MkDocs makes of them; the built site's link check covers them.
    """
    steps = checklist_body.split("\n## ", 1)[1] if "\n## " in checklist_body else checklist_body
    html = render_html("## " + steps, config_file)
    return _SOURCE_LINK.sub(_page_address, html)


QR_CODES = "<!-- handbook:pack-qr-codes -->"
CHECKLIST = "<!-- handbook:pack-checklist -->"


def welcome_pack_markdown(m: Municipality, strings: Mapping[str, str]) -> str:
    """The welcome pack page for municipality ``m``, with markers where pack_blocks() go.

    The QR codes and the checklist are ready-made HTML; put in after Markdown (fill_blocks),
    Python-Markdown does not parse them once more as raw HTML, which took a tenth of a build.
    """
    title = fill(strings, "wp_title", name=m.short_name)
    return (
        "\n".join(
            [
                front_matter({"title": title, "generated": EVERY_LANGUAGE, "noindex": True}).rstrip("\n"),
                "",
                f"# {title}",
                "",
                fill(strings, "wp_intro", name=m.short_name),
                "",
                QR_CODES,
                "",
                f"## {strings['mun_offices_title']} {{#offices}}",
                "",
                *pack_offices(m, strings),
                f"- **{strings['mun_postcodes']}:** {' '.join(m.postcodes)}",
                f"- **{strings['mun_district']}:** {m.district_label}",
                "",
                CHECKLIST,
            ]
        )
        + "\n"
    )


def _printed(url: str) -> str:
    """A link whose text is its address, so the printed pack says where to look."""
    return f"[{url}]({url})"


def pack_offices(m: Municipality, strings: Mapping[str, str]) -> list[str]:
    """The offices of ``m`` for paper: what each does and every address written out."""
    lines = [f"- **{strings['mun_registration_title']}:** " + fill(strings, "mun_registration_body", name=m.short_name)]
    for key, label in (
        ("citizens_office", fill(strings, "mun_citizens_office", name=m.short_name)),
        ("website", fill(strings, "mun_website", name=m.short_name)),
    ):
        if key in m.details:
            lines.append(f"    - {label}: {_printed(m.details[key]['url'])}")
    if (assignment := m.immigration_office) is None:
        return lines
    office = assignment.office
    key = "mun_immigration_own" if assignment.confirmed else "mun_immigration_likely"
    lines.append(
        f"- **{strings['mun_immigration_title']}:** " + fill(strings, key, office=office.name, name=m.short_name)
    )
    if office.page and not (office.appointment and office.appointment.url == office.page.url):
        lines.append(f"    - {strings['mun_office_page']}: {_printed(office.page.url)}")
    if office.appointment:
        lines.append(f"    - {appointment_label(strings, office.appointment.kind)}: {_printed(office.appointment.url)}")
    if office.phone:
        lines.append(f'    - {strings["mun_office_phone"]}: <bdi dir="ltr">{html.escape(office.phone)}</bdi>')
    if office.address:
        lines.append(f"    - {strings['mun_office_address']}: {html.escape(office.address)}")
    return lines


def appointment_page(m: Municipality) -> str | None:
    """The page a reader opens to get an appointment at the immigration office of ``m``, if one is confirmed."""
    office = m.immigration_office.office if m.immigration_office else None
    route = office and (office.appointment or office.page)
    return route.url if route else None


def pack_blocks(
    m: Municipality, strings: Mapping[str, str], checklist: str, language_root: str, qr: Callable[[str, str], str]
) -> dict[str, str]:
    """Marker -> HTML for the pack of ``m``: QR codes (its page, the online checklist and, where confirmed,
    the immigration office's appointment page) and the
    checklist's steps (``checklist``, from checklist_html()). ``qr`` draws a code (qr_svg, or QrCache.get)."""
    municipality_url = f"{language_root}municipalities/{m.slug}/"
    checklist_url = f"{language_root}checklist/"
    codes = [(municipality_url, strings["wp_qr_municipality"]), (checklist_url, strings["wp_qr_checklist"])]
    if appointment := appointment_page(m):
        codes.append((appointment, strings["wp_qr_appointment"]))
    figures = "".join(
        f'<figure>{qr(url, caption)}<figcaption>{caption}<br><a href="{html.escape(url, quote=True)}">'
        f"{html.escape(url)}</a></figcaption></figure>"
        for url, caption in codes
    )
    return {
        QR_CODES: f'<div class="handbook-qr-codes">{figures}</div>',
        CHECKLIST: f'<div class="handbook-pack-checklist">\n{checklist}\n</div>',
    }


def fill_blocks(text: str, blocks: Mapping[str, str]) -> str:
    """``text`` (a pack's HTML, or its markdown for the stock benchmark) with every marker replaced."""
    for marker, block in blocks.items():
        text = text.replace(marker, block)
    return text
