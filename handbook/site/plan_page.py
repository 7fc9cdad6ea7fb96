"""The plan page (/plan/) and the employers' plan-link form: their markup, made from the rules, the checklist and
the region register. The dates are computed in the reader's browser (assets/javascripts/plan.js); the page
itself carries the checklist's steps, so it is the general checklist without JavaScript.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from itertools import groupby

from handbook.content.ui_strings import Text
from handbook.region.region_data import Municipality
from handbook.site.plan_rules import PHASE_HEADING, PHASES, Step, plan_rules_json

PLAN = "<!-- plan -->"
PLAN_LINK = "<!-- plan-link -->"
PLAN_PAGE = "plan.md"
SCRIPT = "assets/javascripts/plan.js"


def checklist_phases(checklist_body: str) -> str:
    """The checklist's step sections (the PHASES), one heading level down, for the plan page's general steps.

    Taken from the checklist page in the reader's language, so the plan and the checklist say the same.
    """
    kept: list[str] = []
    keep = False
    for line in checklist_body.splitlines():
        if match := PHASE_HEADING.match(line):
            keep = match.group(2) in PHASES
            line = f"### {match.group(1)} {{#{match.group(2)}}}" if keep else line
        elif line.startswith("## "):
            keep = False
        if keep:
            kept.append(line)
    return "\n".join(kept).strip() + "\n"


def fallback_markdown(checklist_body: str, strings: Mapping[str, Text]) -> str:
    """What the plan page shows before (and without) its script: the steps for everyone."""
    return (
        f'<div class="handbook-plan-steps" data-handbook-plan-steps data-handbook-ticks="/checklist/" markdown>\n\n'
        f"## {strings['plan_fallback_title']} {{#steps}}\n\n"
        f"<noscript><p>{html.escape(str(strings['plan_fallback_intro']))}</p></noscript>\n\n"
        f"{checklist_phases(checklist_body)}\n</div>\n"
    )


def _field(name: str, label: Text, control: str, hint: Text | None = None) -> str:
    hint_html = (
        f'<p class="handbook-plan-form__hint" id="plan-{name}-hint">{html.escape(str(hint))}</p>' if hint else ""
    )
    return (
        f'<div class="handbook-plan-form__field" data-field="{name}">'
        f'<label for="plan-{name}">{html.escape(str(label))}</label>{hint_html}'
        f'<p class="handbook-plan-form__error" id="plan-{name}-error" hidden></p>{control}</div>'
    )


def _checkbox(name: str, value: str, label: Text) -> str:
    return (
        f'<p class="handbook-plan-form__field" data-field="{name}"><label>'
        f'<input type="checkbox" name="{name}" value="{value}"> {html.escape(str(label))}</label></p>'
    )


def _date(name: str, label: Text, hint: Text | None = None, required: bool = False) -> str:
    described = f' aria-describedby="plan-{name}-hint"' if hint else ""
    return _field(
        name,
        label,
        f'<input type="date" id="plan-{name}" name="{name}"{" required" if required else ""}{described}>',
        hint,
    )


def _municipality_select(municipalities: Iterable[Municipality], strings: Mapping[str, Text]) -> str:
    options = [f'<option value="">{html.escape(str(strings["plan_municipality_none"]))}</option>']
    ordered = sorted(municipalities, key=lambda m: (m.district_label, m.short_name))
    for district, members in groupby(ordered, key=lambda m: m.district_label):
        inner = "".join(f'<option value="{m.slug}">{html.escape(m.short_name)}</option>' for m in members)
        # The register's names are German, written left to right on every page.
        options.append(f'<optgroup label="{html.escape(district, quote=True)}" lang="de" dir="ltr">{inner}</optgroup>')
    return f'<select id="plan-municipality" name="municipality">{"".join(options)}</select>'


def form_html(municipalities: Iterable[Municipality], strings: Mapping[str, Text], submit: Text) -> str:
    """The form of the reader's facts; its field names are the names in a plan link (plan_rules.FACTS)."""
    s = strings
    yes_no = (
        f'<fieldset class="handbook-plan-form__field" data-field="eu"><legend>{html.escape(str(s["plan_eu"]))}</legend>'
        f'<p class="handbook-plan-form__choices">'
        f'<label><input type="radio" name="eu" value="yes"> {html.escape(str(s["plan_yes"]))}</label> '
        f'<label><input type="radio" name="eu" value="no"> {html.escape(str(s["plan_no"]))}</label></p></fieldset>'
    )
    family = (
        f'<fieldset class="handbook-plan-form__group"><legend>{html.escape(str(s["plan_family"]))}</legend>'
        + _checkbox("partner", "yes", s["plan_partner"])
        + _field(
            "children",
            s["plan_children"],
            '<input type="text" id="plan-children" name="children" inputmode="numeric" autocomplete="off" '
            'aria-describedby="plan-children-hint">',
            s["plan_children_hint"],
        )
        + "</fieldset>"
    )
    licence = _checkbox("licence", "non-eu", s["plan_licence"]) + _checkbox("car", "yes", s["plan_car"])
    return (
        # method="dialog": sending the form never leaves the page, even if the script does not run (then the
        # stylesheet hides it: .no-js, which Material's script removes).
        '<form class="handbook-plan-form" data-handbook-plan-form method="dialog" novalidate '
        'aria-labelledby="your-situation">'
        f'<h2 id="your-situation">{html.escape(str(s["plan_form_title"]))}</h2>'
        '<div class="handbook-plan-form__errors" tabindex="-1" role="alert" hidden>'
        f"<h3>{html.escape(str(s['plan_error_title']))}</h3><ul></ul></div>"
        f"<p>{html.escape(str(s['plan_form_intro']))}</p>"
        + _date("move-in", s["plan_move_in"], required=True)
        + _date("start", s["plan_start"], required=True)
        + _field("municipality", s["plan_municipality"], _municipality_select(municipalities, s))
        + yes_no
        + _date("visa-end", s["plan_visa_end"], s["plan_visa_end_hint"])
        + family
        + licence
        + f'<p><button type="submit" class="md-button md-button--primary">{html.escape(str(submit))}</button></p>'
        + "</form>"
    )


def result_html(strings: Mapping[str, Text]) -> str:
    """Where the script shows the plan: empty until the reader has given their dates."""
    s = strings
    return (
        '<section class="handbook-plan" data-handbook-plan-result aria-labelledby="your-plan" hidden>'
        f'<h2 id="your-plan">{html.escape(str(s["plan_result_title"]))}</h2>'
        '<p class="handbook-plan__summary" aria-live="polite"></p>'
        '<ol class="handbook-plan__steps"></ol>'
        '<div class="handbook-plan__actions">'
        f'<p><button type="button" class="md-button md-button--primary" data-plan-action="calendar" '
        f'aria-describedby="plan-calendar-hint">{html.escape(str(s["plan_calendar"]))}</button> '
        '<button type="button" class="md-button" data-plan-action="print">'
        f"{html.escape(str(s['plan_print']))}</button></p>"
        f'<p class="handbook-plan-form__hint" id="plan-calendar-hint">{html.escape(str(s["plan_calendar_hint"]))}</p>'
        + link_box_html(s)
        + '<p><label><input type="checkbox" data-plan-action="keep"> '
        f"{html.escape(str(s['plan_keep']))}</label></p>"
        '<p class="handbook-plan__kept" aria-live="polite"></p>'
        "</div></section>"
    )


def link_box_html(strings: Mapping[str, Text]) -> str:
    """The plan's link, to copy (the facts are in its #fragment)."""
    s = strings
    return (
        '<div class="handbook-plan__link" data-plan-link hidden>'
        f'<label><span class="handbook-plan__link-label">{html.escape(str(s["plan_link"]))}</span>'
        '<input type="text" id="plan-link-address" readonly aria-describedby="plan-link-hint"></label>'
        f'<p class="handbook-plan-form__hint" id="plan-link-hint">{html.escape(str(s["plan_link_hint"]))}</p>'
        f' <button type="button" class="md-button" data-plan-action="copy">{html.escape(str(s["plan_copy"]))}</button>'
        '<span class="handbook-plan__copied" aria-live="polite"></span></div>'
    )


def script_data(
    steps: Iterable[Step], strings: Mapping[str, Text], locale: str, language_root: str, plan_url: str
) -> str:
    """The rules and the texts the script needs, as a JSON script block (no markup can end it early).

    ``locale`` (BCP 47, e.g. en-GB) is the one Babel formats the site's dates in, so the plan's agree."""
    texts = {key.removeprefix("plan_"): value for key, value in strings.items() if key.startswith("plan_")}
    data = {
        "rules": json.loads(plan_rules_json(steps)),
        "texts": texts,
        "locale": locale,
        "root": language_root,
        "plan": plan_url,
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="handbook-plan-data">{payload}</script>'


def plan_tool_html(
    mode: str,
    steps: Iterable[Step],
    municipalities: Iterable[Municipality],
    strings: Mapping[str, Text],
    locale: str,
    language_root: str,
) -> str:
    """The form of the reader's facts with its script and data. ``mode`` "plan" (the plan page): the plan is shown
    above the form (the general steps come from :func:`fallback_markdown`); "link" (the employers' page): the form
    makes the plan link to send instead."""
    form = form_html(municipalities, strings, strings["plan_submit" if mode == "plan" else "plan_make_link"])
    body = result_html(strings) + form if mode == "plan" else form + link_box_html(strings)
    plan_url = "" if mode == "plan" else f"{language_root}plan/"
    return (
        f'<div class="handbook-plan-tool" data-handbook-plan="{mode}">{body}'
        f"{script_data(steps, strings, locale, language_root, plan_url)}</div>"
        f'<script src="{language_root}{SCRIPT}" defer></script>'
    )
