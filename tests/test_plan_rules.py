"""The first weeks' rules (data/steps.yml): read and checked with exact messages, bound to every checklist, and
the deadline arithmetic of the plan's script (run in Node, the one implementation readers get)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from handbook.content.page_sources import load_pages
from handbook.pipeline.build import PROJECT
from handbook.site.plan_rules import check_checklists, check_guides, checklist_steps, load_steps
from tests.helpers import ORIGINAL, pages_from

PLAN_JS = PROJECT / "overrides" / "assets" / "javascripts" / "plan.js"


def steps_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "steps.yml").write_text(text, encoding="utf-8")
    return tmp_path


RULE = "    rule: {name: 'BMG, section 17', url: 'https://www.gesetze-im-internet.de/bmg/__17.html'}\n"


def test_the_handbooks_rules_are_complete_and_match_every_checklist():
    steps, problems = load_steps(PROJECT)
    assert problems == []
    pages = load_pages(
        PROJECT / "docs", [code for code in ("en", "de", "ar", "es", "fr", "tr", "uk", "zh")], PROJECT / "mkdocs.yml"
    )
    assert check_guides(steps, pages) == []
    assert check_checklists(steps, pages) == []
    checklists = [page for page in pages if page.page == "checklist.md"]
    assert len(checklists) == 8
    assert all([guide for _, _, guide in checklist_steps(page)] == [s.guide for s in steps] for page in checklists)


def test_every_problem_of_a_rules_file_is_named_with_its_line(tmp_path):
    project = steps_file(
        tmp_path,
        (
            "steps:\n"
            "  - guide: topics/registration.md#register\n"
            "    phase: first-two-weeks\n"
            "    due: {from: move-in, days: 14}\n" + RULE + "  - guide: topics/registration.md#register\n"
            "    phase: first-two-weeks\n" + RULE + "  - guide: topics/registration.md#permit\n"
            "    phase: later\n"
            "    when: {eu: no, pets: given}\n"
            "    due: {from: visa-end, days: -1}\n"
            "    colour: red\n" + RULE + "  - guide: topics/registration.md#licence\n"
            "    phase: first-months\n"
            "    when: {children: 7-3}\n"
            "    due: {from: arrival, months: 6}\n"
            "  - guide: topics/registration.md#benefit\n"
            "    phase: first-months\n"
            "    due: {from: move-in, days: 3, month_end: true}\n" + RULE + "  - guide: topics/registration.md#markup\n"
            "    phase: first-months\n"
            "    rule: {name: '<b>BMG</b>', url: 'https://www.gesetze-im-internet.de/bmg/__17.html'}\n"
        ),
    )
    steps, problems = load_steps(project)
    assert [s.guide for s in steps] == ["topics/registration.md#register"]
    assert [str(p) for p in problems] == [
        "data/steps.yml:6: step 'topics/registration.md#register' is listed twice (first at line 2) — keep one of them",
        "data/steps.yml:13: unknown field 'colour' in step 'topics/registration.md#permit' — use only guide, phase, "
        "when, when_any, due, remind, offices, rule",
        "data/steps.yml:10: step 'topics/registration.md#permit' has phase 'later' — write phase: before-you-arrive, "
        "first-two-weeks, first-months",
        "data/steps.yml:11: condition 'eu: no' of step 'topics/registration.md#permit' cannot be decided — "
        'write eu: "yes" or eu: "no" (quoted)',
        "data/steps.yml:11: condition 'pets: given' of step 'topics/registration.md#permit' cannot be decided — "
        "use one of the facts move-in, start, visa-end, eu, partner, children, licence, car",
        "data/steps.yml:12: the due date of step 'topics/registration.md#permit' cannot be computed: not every "
        "reader it is for gives 'visa-end' — add visa-end: given to the step's when:",
        "data/steps.yml:17: condition 'children: 7-3' of step 'topics/registration.md#licence' cannot be decided — "
        "write children: <from>-<to> in years, e.g. children: 0-5",
        "data/steps.yml:18: the due date of step 'topics/registration.md#licence' cannot be computed: it counts "
        "from 'arrival' — write from: one of move-in, start, visa-end",
        "data/steps.yml:15: step 'topics/registration.md#licence' has no source for its rule — add rule: with "
        "name: and an https:// url: of the law or official page",
        "data/steps.yml:21: the due date of step 'topics/registration.md#benefit' cannot be computed: month_end "
        "needs months — write month_end: true together with months:",
        "data/steps.yml:25: the rule name of step 'topics/registration.md#markup' contains markup (< or >) — "
        "write it as plain text, without < or > (no HTML in this field)",
    ]


def test_a_step_must_name_a_section_of_an_existing_guide(tmp_path):
    project = steps_file(
        tmp_path,
        (
            "steps:\n"
            "  - guide: topics/registration.md#register\n    phase: first-two-weeks\n"
            + RULE
            + "  - guide: topics/registration.md#nowhere\n    phase: first-two-weeks\n"
            + RULE
            + "  - guide: topics/visa.md#apply\n    phase: before-you-arrive\n"
            + RULE
        ),
    )
    steps, problems = load_steps(project)
    assert problems == []
    pages = pages_from(tmp_path, {"topics/registration.md": ORIGINAL})
    assert [str(p) for p in check_guides(steps, pages)] == [
        "data/steps.yml:5: step 'topics/registration.md#nowhere': docs/topics/registration.md has no section "
        "'#nowhere' — use one of that guide's heading ids ({#...})",
        "data/steps.yml:8: step 'topics/visa.md#apply': there is no page docs/topics/visa.md — name a guide that"
        " exists",
    ]


CHECKLIST = """---
title: First weeks
description: The steps.
kind: checklist
last_reviewed: 2026-11-01
review_interval_months: 6
owner: Editorial team
sources:
  - name: "BMG"
    url: https://www.gesetze-im-internet.de/bmg/__17.html
---

# First weeks

## In your first two weeks {#first-two-weeks}

- [ ] Register. [Registering](topics/registration.md#register)
- [ ] Bank. [Bank](topics/money.md#bank)
"""


def test_a_checklist_that_parts_ways_with_the_rules_is_named_at_its_line(tmp_path):
    project = steps_file(
        tmp_path,
        (
            "steps:\n"
            "  - guide: topics/registration.md#register\n    phase: first-two-weeks\n"
            + RULE
            + "  - guide: topics/money.md#bank\n    phase: first-two-weeks\n"
            + RULE
            + "  - guide: topics/money.md#tax-id\n    phase: first-months\n"
            + RULE
        ),
    )
    steps, _ = load_steps(project)
    reordered = (
        CHECKLIST.replace("- [ ] Register. [Registering](topics/registration.md#register)\n", "")
        + "- [ ] Register. [Registering](topics/registration.md#register)\n"
    )
    pages = pages_from(
        tmp_path,
        {
            "checklist.md": CHECKLIST,
            "checklist.de.md": reordered.replace("kind: checklist\n", "").replace(
                'sources:\n  - name: "BMG"\n    url: https://www.gesetze-im-internet.de/bmg/__17.html\n', ""
            ),
        },
    )
    assert [str(p) for p in check_checklists(steps, pages)] == [
        "docs/checklist.de.md:13: step 'topics/money.md#bank' (in #first-two-weeks) is not the step data/steps.yml "
        "has here ('topics/registration.md#register' in #first-two-weeks) — list the checklist's steps as "
        "data/steps.yml does, in its order",
        "docs/checklist.md:18: steps of data/steps.yml missing here: topics/money.md#tax-id — add a '- [ ] …' line "
        "for each, linking that guide section",
    ]


def test_a_checklist_without_a_rules_file_is_reported(tmp_path):
    steps, problems = load_steps(tmp_path)
    assert (steps, problems) == ([], [])
    pages = pages_from(tmp_path, {"checklist.md": CHECKLIST})
    assert [str(p) for p in check_checklists(steps, pages, rules_read=False)] == [
        "docs/checklist.md: the checklist's steps have no rules: data/steps.yml is missing — restore data/steps.yml "
        "(one rule per step, see CONTRIBUTING.md)"
    ]


# ---- The deadline rules, as the plan's script computes them ----


def run_plan(expression: str) -> object:
    """Evaluate ``expression`` with the plan script's pure functions in scope (as ``plan``), in Node."""
    script = f"const plan = require({json.dumps(str(PLAN_JS))}); console.log(JSON.stringify({expression}));"
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True, timeout=30)
    return json.loads(done.stdout)


RULES = json.dumps(
    [
        {"g": "visa", "d": {"f": "move-in", "n": 0, "m": 0, "e": False}, "w": {"eu": "no"}},
        {"g": "register", "d": {"f": "move-in", "n": 14, "m": 0, "e": False}},
        {"g": "insurance", "d": {"f": "start", "n": 14, "m": 0, "e": False}},
        {"g": "permit", "d": {"f": "visa-end", "n": -1, "m": 0, "e": False}, "w": {"eu": "no", "visa-end": "given"}},
        {"g": "licence", "d": {"f": "move-in", "n": 0, "m": 6, "e": False}, "w": {"licence": "non-eu"}},
        {"g": "kindergeld", "d": {"f": "move-in", "n": 0, "m": 6, "e": True}, "w": {"children": "0-24"}},
        {"g": "kita", "d": {"f": "move-in", "n": 0, "m": 0, "e": False}, "w": {"children": "0-5"}},
        {"g": "family", "a": [{"partner": "yes"}, {"children": "0-24"}]},
        {"g": "bank"},
    ]
)


def plan_for(fragment: str) -> list[list]:
    return run_plan(
        f"plan.planSteps({RULES}, plan.parseFacts({json.dumps(fragment)}).facts).map(s => [s.rule.g, s.due])"
    )


@pytest.mark.parametrize(
    ("start", "months", "month_end", "due"),
    [
        ("2027-03-15", 6, False, "2027-09-15"),  # the same day of the month
        ("2026-08-31", 6, False, "2027-02-28"),  # no 31 February: the month's last day (BGB § 188 (3))
        ("2027-08-31", 6, False, "2028-02-29"),  # a leap year
        ("2027-12-31", 2, False, "2028-02-29"),  # across the year
        ("2027-01-31", 1, False, "2027-02-28"),
        ("2027-03-01", 6, True, "2027-09-30"),  # to the end of the month
        ("2027-08-15", 6, True, "2028-02-29"),
    ],
)
def test_months_are_counted_as_the_civil_code_does(start, months, month_end, due):
    assert run_plan(f"plan.addMonths({json.dumps(start)}, {months}, {json.dumps(month_end)})") == due


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        ("2027-03-01", 14, "2027-03-15"),
        ("2027-02-20", 14, "2027-03-06"),
        ("2028-02-20", 14, "2028-03-05"),  # 29 February 2028 counts
        ("2027-12-25", 14, "2028-01-08"),
        ("2027-06-30", -1, "2027-06-29"),
    ],
)
def test_days_are_counted_across_month_and_year_ends(start, days, due):
    assert run_plan(f"plan.addDays({json.dumps(start)}, {days})") == due


def test_a_non_eu_citizen_with_family_licence_and_visa_gets_every_step_in_date_order():
    assert plan_for("move-in=2027-03-01&start=2027-03-15&children=3,7&licence=non-eu&visa-end=2027-06-30") == [
        ["visa", "2027-03-01"],
        ["kita", "2027-03-01"],
        ["register", "2027-03-15"],
        ["insurance", "2027-03-29"],
        ["permit", "2027-06-29"],
        ["licence", "2027-09-01"],
        ["kindergeld", "2027-09-30"],
        ["family", None],
        ["bank", None],
    ]


def test_an_eu_citizen_gets_no_visa_or_residence_permit_step():
    steps = plan_for("move-in=2027-03-01&start=2027-03-15&eu=yes&visa-end=2027-06-30")
    assert [guide for guide, _ in steps] == ["register", "insurance", "bank"]


def test_a_move_in_after_the_first_working_day_puts_the_insurance_first():
    steps = plan_for("move-in=2027-04-20&start=2027-04-01&eu=yes")
    assert steps == [["insurance", "2027-04-15"], ["register", "2027-05-04"], ["bank", None]]


def test_children_and_partner_decide_the_family_steps():
    assert [g for g, _ in plan_for("move-in=2027-03-01&start=2027-03-15&eu=yes&partner=yes")] == [
        "register",
        "insurance",
        "family",
        "bank",
    ]
    assert [g for g, _ in plan_for("move-in=2027-03-01&start=2027-03-15&eu=yes&children=12")] == [
        "register",
        "insurance",
        "kindergeld",
        "family",
        "bank",
    ]


def test_a_plan_link_with_wrong_facts_says_what_is_wrong():
    parsed = run_plan('plan.parseFacts("#move-in=2027-02-30&children=3,x&visa-end=soon")')
    assert parsed["errors"] == [
        {"field": "move-in", "kind": "date"},
        {"field": "children", "kind": "children"},
        {"field": "visa-end", "kind": "date"},
        {"field": "start", "kind": "missing"},
    ]


def test_a_plan_link_round_trips_through_its_fragment():
    fragment = (
        "move-in=2027-03-01&start=2027-03-15&municipality=backnang&eu=no&partner=yes&children=3,7"
        "&licence=non-eu&car=yes&visa-end=2027-06-30"
    )
    assert run_plan(f"plan.fragmentOf(plan.parseFacts({json.dumps(fragment)}).facts)") == fragment


def test_the_calendar_file_is_folded_escaped_and_crlf():
    text = run_plan(
        'plan.calendar("Plan", [{due: "2027-03-15", summary: "Register, then; relax", '
        'description: "' + "ü" * 80 + '", url: "https://example.org/x", remind: 7, '
        'uid: "register-2027-03-01@example.org"}], "20261202T120000Z")'
    )
    lines = text.split("\r\n")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "SUMMARY:Register\\, then\\; relax" in lines
    assert "DTSTART;VALUE=DATE:20270315" in lines and "DTEND;VALUE=DATE:20270316" in lines
    assert "TRIGGER:-P7D" in lines


def test_a_mistyped_or_cut_plan_link_names_each_wrong_fact_and_never_stops_the_script():
    parsed = run_plan(
        'plan.parseFacts("#move-in=2027-03-01&start=2027-03-15&eu=ja&licence=yes&municipality=Back%20nang&later=%E0")'
    )
    assert parsed["errors"] == [
        {"field": "eu", "kind": "choice"},
        {"field": "licence", "kind": "choice"},
        {"field": "municipality", "kind": "choice"},
    ]
    assert parsed["facts"]["move-in"] == "2027-03-01" and "eu" not in parsed["facts"]
