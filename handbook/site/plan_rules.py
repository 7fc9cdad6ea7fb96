"""The first weeks' steps and their rules (data/steps.yml), one set for the checklist, the packs and the plan.

The checklist pages hold each step's text in every language; data/steps.yml holds what no translation may
change: who a step is for, when it is due and the source of that date. A step is named by the guide section its
checklist line links (the key its tick is kept under), so the two are matched line by line here, and
``make check`` says where a checklist and the rules part ways. The plan page's script gets the rules as
JSON (:func:`plan_rules_json`) and computes the dates in the reader's browser (assets/javascripts/plan.js).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.content.facts import Source
from handbook.content.page_sources import SourcePage
from handbook.core.front_matter import YamlError, deepest_line, load_yaml_with_lines
from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem
from handbook.core.public_address import is_https_address

STEPS_FILE = "data/steps.yml"
CHECKLIST = "checklist.md"
PHASES = ("before-you-arrive", "first-two-weeks", "first-months")
# The facts a reader gives, by their name in the form and in a plan link's #fragment, and what they hold.
FACTS = {
    "move-in": "date",
    "start": "date",
    "visa-end": "date",
    "municipality": "slug",
    "eu": "yes-no",
    "partner": "yes-no",
    "children": "ages",
    "licence": "licence",
    "car": "yes-no",
}
REQUIRED_DATES = ("move-in", "start")  # every plan has them; a step due from another date needs it in `when`
LICENCES = ("non-eu",)
DEFAULT_REMIND = 7
_FIELDS = ("guide", "phase", "when", "when_any", "due", "remind", "offices", "rule")
_DUE_FIELDS = ("from", "days", "months", "month_end")
_AGES = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_GUIDE = re.compile(r"^([a-z0-9/-]+\.md)#([a-z0-9-]+)$")
_CHECKLIST_STEP = re.compile(r"^- \[ \] .*\]\(([^)\s]+)\)\s*$")
PHASE_HEADING = re.compile(r"^## (.*?)\s*\{#([a-z0-9-]+)\}\s*$")  # a checklist section: its title and id


@dataclass(frozen=True)
class Due:
    anchor: str  # a date fact: move-in, start or visa-end
    days: int = 0
    months: int = 0
    month_end: bool = False


@dataclass(frozen=True)
class Step:
    guide: str  # "topics/registration.md#register-address": the checklist's link and the tick's key
    phase: str
    when: Mapping[str, str]
    when_any: tuple[Mapping[str, str], ...]
    due: Due | None
    remind: int
    offices: bool  # the plan links the offices section of the reader's municipality page
    rule: Source  # where the date (or, for an undated step, the advice) comes from
    line: int  # of the step in data/steps.yml


def load_steps(project: Path) -> tuple[list[Step], list[Problem]]:
    """Every step of data/steps.yml that is complete, and a problem for each thing that is not."""
    path = project / STEPS_FILE
    if not path.exists():
        return [], []
    try:
        data, lines = load_yaml_with_lines(path.read_text(encoding="utf-8"), 1)
    except UnicodeDecodeError as error:
        return [], [Problem(STEPS_FILE, 0, f"not UTF-8 text ({error.reason})", "save the file as UTF-8")]
    except YamlError as error:
        return [], [Problem(STEPS_FILE, error.line, f"not valid YAML ({error.message})", "fix the YAML at this line")]
    entries = data.get("steps") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return [], [
            Problem(STEPS_FILE, 1, "has no list of steps", "start the file with 'steps:' and one '- guide: …' per step")
        ]
    steps: list[Step] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        step, found = _read_step(entry, lambda *key, i=index: deepest_line(lines, ("steps", i, *key), 1))
        problems += found
        if step and not found:
            if step.guide in seen:
                problems.append(
                    Problem(
                        STEPS_FILE,
                        step.line,
                        f"step '{step.guide}' is listed twice (first at line {seen[step.guide]})",
                        "keep one of them",
                    )
                )
            else:
                seen[step.guide] = step.line
                steps.append(step)
    return steps, problems


def _read_step(entry: Any, at: Any) -> tuple[Step | None, list[Problem]]:
    line = at()

    def problem(where: int, message: str, fix: str) -> Problem:
        return Problem(STEPS_FILE, where, message, fix)

    if not isinstance(entry, dict):
        return None, [problem(line, "a step is not a list of fields", "give it guide, phase and rule")]
    guide = entry.get("guide")
    name = f"step '{guide}'" if isinstance(guide, str) else "this step"
    problems = [
        problem(at(key), f"unknown field '{key}' in {name}", f"use only {', '.join(_FIELDS)}")
        for key in entry
        if key not in _FIELDS
    ]
    if not isinstance(guide, str) or not _GUIDE.match(guide):
        problems.append(
            problem(
                at("guide"),
                f"{name} has no guide section",
                "write guide: topics/<guide>.md#<heading id>, as the checklist links it",
            )
        )
    phase = entry.get("phase")
    if phase not in PHASES:
        problems.append(problem(at("phase"), f"{name} has phase {phase!r}", f"write phase: {', '.join(PHASES)}"))
    when = _conditions(entry.get("when", {}), lambda *k: at("when", *k), name, problems)
    raw_any = entry.get("when_any", [])
    if not isinstance(raw_any, list):
        problems.append(problem(at("when_any"), f"when_any of {name} is not a list", "write when_any: [{…}, {…}]"))
        raw_any = []
    when_any = tuple(
        _conditions(c, lambda *k, i=i: at("when_any", i, *k), name, problems) for i, c in enumerate(raw_any)
    )
    due = _due(entry.get("due"), lambda *k: at("due", *k), name, {**when, **_common(when_any)}, problems)
    remind = entry.get("remind", DEFAULT_REMIND)
    if not isinstance(remind, int) or isinstance(remind, bool) or not 0 <= remind <= 120:
        problems.append(
            problem(at("remind"), f"remind of {name} is {remind!r}", "write a number of days from 0 to 120")
        )
    offices = entry.get("offices", False)
    if offices not in (True, False):
        problems.append(
            problem(at("offices"), f"offices of {name} is {offices!r}", "write offices: true, or leave it out")
        )
    rule = entry.get("rule")
    if not (isinstance(rule, dict) and isinstance(rule.get("name"), str) and is_https_address(rule.get("url"))):
        problems.append(
            problem(
                at("rule"),
                f"{name} has no source for its rule",
                "add rule: with name: and an https:// url: of the law or official page",
            )
        )
        return None, problems
    if markup_in(rule["name"]):  # readers see it as text: markup would show as written
        problems.append(problem(at("rule", "name"), f"the rule name of {name} {markup_in(rule['name'])}", FIX))
    if problems:
        return None, problems
    return Step(
        str(guide), str(phase), when, when_any, due, remind, bool(offices), Source(rule["name"], rule["url"]), line
    ), []


def _common(alternatives: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """The conditions every alternative of when_any shares (only these make a date certain to exist)."""
    alternatives = list(alternatives)
    if not alternatives:
        return {}
    return {key: value for key, value in alternatives[0].items() if all(a.get(key) == value for a in alternatives)}


def _conditions(raw: Any, at: Any, name: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                STEPS_FILE,
                at(),
                f"the conditions of {name} are not a list of 'fact: value'",
                'write e.g. when: {eu: "no"}',
            )
        )
        return {}
    found: dict[str, str] = {}
    for fact, value in raw.items():
        shown = ("yes" if value else "no") if isinstance(value, bool) else value  # YAML reads yes/no as booleans
        value = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else value
        fix = _condition_fix(str(fact), value)
        if fix:
            problems.append(
                Problem(STEPS_FILE, at(fact), f"condition '{fact}: {shown}' of {name} cannot be decided", fix)
            )
        else:
            found[str(fact)] = value
    return found


def _condition_fix(fact: str, value: Any) -> str:
    """'' when the condition is one the plan can decide, else how to write it."""
    kind = FACTS.get(fact)
    if kind is None or kind == "slug":
        return f"use one of the facts {', '.join(f for f, k in FACTS.items() if k != 'slug')}"
    if kind == "date":
        return "" if value == "given" else f"write {fact}: given"
    if kind == "yes-no":
        return "" if value in ("yes", "no") else f'write {fact}: "yes" or {fact}: "no" (quoted)'
    if kind == "licence":
        return "" if value in LICENCES else f"write {fact}: {' or '.join(LICENCES)}"
    match = _AGES.match(value) if isinstance(value, str) else None
    if match and int(match.group(1)) <= int(match.group(2)):
        return ""
    return f"write {fact}: <from>-<to> in years, e.g. {fact}: 0-5"


def _due(raw: Any, at: Any, name: str, certain: Mapping[str, str], problems: list[Problem]) -> Due | None:
    if raw is None:
        return None

    def cannot(where: int, message: str, fix: str) -> None:
        problems.append(Problem(STEPS_FILE, where, f"the due date of {name} cannot be computed: {message}", fix))

    if not isinstance(raw, dict):
        cannot(at(), "it is not a list of fields", "write due: {from: move-in, days: 14}")
        return None
    for key in raw:
        if key not in _DUE_FIELDS:
            cannot(at(key), f"unknown field '{key}'", f"use only {', '.join(_DUE_FIELDS)}")
    anchor = str(raw.get("from"))
    if FACTS.get(anchor) != "date":
        dates = ", ".join(fact for fact, kind in FACTS.items() if kind == "date")
        cannot(at("from"), f"it counts from {raw.get('from')!r}", f"write from: one of {dates}")
        return None
    if anchor not in REQUIRED_DATES and certain.get(anchor) != "given":
        cannot(at("from"), f"not every reader it is for gives '{anchor}'", f"add {anchor}: given to the step's when:")
    numbers = {key: raw.get(key, 0) for key in ("days", "months")}
    for key, number in numbers.items():
        if not isinstance(number, int) or isinstance(number, bool) or abs(number) > 730:
            cannot(at(key), f"{key} is {number!r}", f"write a whole number of {key}, e.g. {key}: 14")
    if numbers["days"] and numbers["months"]:
        cannot(at("days"), "it has both days and months", "give one of them")
    month_end = raw.get("month_end", False)
    if month_end not in (True, False) or (month_end and not numbers["months"]):
        cannot(at("month_end"), "month_end needs months", "write month_end: true together with months:")
    return Due(anchor, int(numbers["days"] or 0), int(numbers["months"] or 0), bool(month_end))


def check_guides(steps: Iterable[Step], pages: Iterable[SourcePage]) -> list[Problem]:
    """A step must name a section that exists in its guide (the original, whose ids every language shares)."""
    originals = {page.src_uri: page for page in pages if page.language is None}
    problems = []
    for step in steps:
        path, anchor = step.guide.split("#")
        page = originals.get(path)
        if page is None:
            problems.append(
                Problem(
                    STEPS_FILE,
                    step.line,
                    f"step '{step.guide}': there is no page docs/{path}",
                    "name a guide that exists",
                )
            )
        elif anchor not in page.ids:
            problems.append(
                Problem(
                    STEPS_FILE,
                    step.line,
                    f"step '{step.guide}': docs/{path} has no section '#{anchor}'",
                    "use one of that guide's heading ids ({#...})",
                )
            )
    return problems


def checklist_steps(page: SourcePage) -> list[tuple[int, str, str]]:
    """(line, phase, guide section) of every step of a checklist page, in order."""
    found = []
    phase = ""
    for number, text in enumerate(page.body.splitlines(), page.body_line):
        if heading := PHASE_HEADING.match(text):
            phase = heading.group(2)
        elif step := _CHECKLIST_STEP.match(text):
            found.append((number, phase, step.group(1)))
    return found


def check_checklists(steps: list[Step], pages: Iterable[SourcePage], rules_read: bool = True) -> list[Problem]:
    """Every language's checklist lists exactly the rules' steps, in their order, under their phase.

    ``rules_read`` is False when data/steps.yml gave no steps without a problem of its own (it is missing): a
    checklist then has no rules, and the plan and the packs would silently have no dates."""
    pages = list(pages)
    if not steps:
        return (
            []
            if rules_read
            else [
                Problem(
                    page.path,
                    0,
                    f"the checklist's steps have no rules: {STEPS_FILE} is missing",
                    f"restore {STEPS_FILE} (one rule per step, see CONTRIBUTING.md)",
                )
                for page in pages
                if page.page == CHECKLIST and page.language is None
            ]
        )
    expected = [(step.phase, step.guide) for step in steps]
    problems = []
    for page in pages:
        if page.page != CHECKLIST or not page.readable:
            continue
        listed = checklist_steps(page)
        found = [(phase, guide) for _, phase, guide in listed]
        if found == expected:
            continue
        for (number, phase, guide), want in zip(listed, expected, strict=False):
            if (phase, guide) != want:
                problems.append(
                    Problem(
                        page.path,
                        number,
                        f"step '{guide}' (in #{phase}) is not the step "
                        f"{STEPS_FILE} has here ('{want[1]}' in #{want[0]})",
                        f"list the checklist's steps as {STEPS_FILE} does, in its order",
                    )
                )
                break
        else:
            last = listed[-1][0] if listed else page.body_line
            if len(listed) < len(expected):
                missing = ", ".join(guide for _, guide in expected[len(listed) :])
                problems.append(
                    Problem(
                        page.path,
                        last,
                        f"steps of {STEPS_FILE} missing here: {missing}",
                        "add a '- [ ] …' line for each, linking that guide section",
                    )
                )
            else:
                problems.append(
                    Problem(
                        page.path,
                        listed[len(expected)][0],
                        f"step '{listed[len(expected)][2]}' is not in {STEPS_FILE}",
                        f"add it to {STEPS_FILE} with its rule, or remove it",
                    )
                )
    return problems


def plan_rules_json(steps: Iterable[Step]) -> str:
    """The rules as the plan's script reads them (compact: the page carries them once)."""
    rules = []
    for step in steps:
        rule: dict[str, Any] = {
            "g": step.guide,
            "p": step.phase,
            "r": step.remind,
            "s": [step.rule.name, step.rule.url],
        }
        if step.when:
            rule["w"] = dict(step.when)
        if step.when_any:
            rule["a"] = [dict(c) for c in step.when_any]
        if step.offices:
            rule["o"] = True
        if step.due:
            rule["d"] = {"f": step.due.anchor, "n": step.due.days, "m": step.due.months, "e": step.due.month_end}
        rules.append(rule)
    return json.dumps(rules, ensure_ascii=False, separators=(",", ":"))
