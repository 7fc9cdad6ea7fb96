"""Figures that change (amounts, thresholds, rates, phone numbers), kept once in data/facts.yml.

A page writes ``[[fact:kindergeld_per_child]]`` instead of the number. The build puts in the
value that applies on the day of the build, formatted for the reader's language (Babel), and
the page lists each figure with its validity and source. So a value is changed in one place
each January and every language shows the same number; a value whose period has ended is an
editor's warning, makes the pages that use it overdue, and heads the freshness report.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale
from babel.numbers import format_percent, parse_pattern

from handbook.content.languages import babel_locale
from handbook.core.checked_days import future_day
from handbook.core.front_matter import YamlError, deepest_line, load_yaml_with_lines
from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem
from handbook.core.public_address import is_https_address

FACTS_FILE = "data/facts.yml"
MARKER = re.compile(r"\[\[fact:([^\]\n]*)\]\]")
KINDS = ("money", "percent", "phone")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_PHONE = re.compile(r"^\+?[0-9][0-9 /-]*[0-9]$")
_ENTRY_FIELDS = ("kind", "label", "values")
_PERIOD_FIELDS = ("value", "valid_from", "valid_until", "checked", "sources")


@dataclass(frozen=True)
class Source:
    name: str
    url: str


@dataclass(frozen=True)
class Period:
    """One value and the days it applies, with the sources a person checked it against."""

    value: Decimal | str
    valid_from: date
    valid_until: date | None  # None: no announced end (a phone number, a fine set by law)
    checked: date
    sources: tuple[Source, ...]

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class Fact:
    key: str
    kind: str
    label: Mapping[str, str]
    periods: tuple[Period, ...]  # oldest first, not overlapping
    line: int  # of the key in data/facts.yml

    def period_on(self, day: date) -> Period | None:
        return next((period for period in self.periods if period.covers(day)), None)

    def shown_on(self, day: date) -> Period:
        """The value readers get: the one that applies, else the latest that started, else the first."""
        started = [period for period in self.periods if period.valid_from <= day]
        return self.period_on(day) or (started[-1] if started else self.periods[0])

    def next_after(self, day: date) -> Period | None:
        """A value already announced for later, which readers are told about in advance."""
        return next((period for period in self.periods if period.valid_from > day), None)

    def due_on(self, day: date) -> date | None:
        """The first day without a value, when that day has come: an editor must add the new one."""
        if self.period_on(day):
            return None
        ended = [period.valid_until for period in self.periods if period.valid_until and period.valid_until < day]
        return max(ended) + timedelta(days=1) if ended else None


def fact_keys(text: str) -> list[str]:
    """The fact keys a text uses, in order of first use."""
    return list(dict.fromkeys(match.group(1) for match in MARKER.finditer(text)))


def load_facts(project: Path, codes: Sequence[str], today: date) -> tuple[dict[str, Fact], list[Problem]]:
    """Read data/facts.yml: every fact that is complete, and a problem for everything that is not.

    A project without the file has no facts (the test fixtures); pages that use one then get
    'unknown fact' problems from :func:`check_fact_markers`.
    """
    path = project / FACTS_FILE
    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return {}, [Problem(FACTS_FILE, 0, f"not UTF-8 text ({error.reason})", "save the file as UTF-8")]
    try:
        data, lines = load_yaml_with_lines(text, 1)
    except YamlError as error:
        return {}, [Problem(FACTS_FILE, error.line, f"not valid YAML ({error.message})", "fix the YAML at this line")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            Problem(FACTS_FILE, 1, "must be a list of facts ('key:' lines)", "see the example at the top of the file")
        ]
    facts: dict[str, Fact] = {}
    problems: list[Problem] = []
    for key, entry in data.items():
        fact, entry_problems = _read_fact(str(key), entry, lines, codes, today)
        problems += entry_problems
        if fact and not entry_problems:
            facts[fact.key] = fact
    return facts, problems


def _read_fact(
    key: str, entry: Any, lines: dict[tuple[Any, ...], int], codes: Sequence[str], today: date
) -> tuple[Fact | None, list[Problem]]:
    line = lines.get((key,), 1)

    def at(*path: Any) -> int:
        return deepest_line(lines, (key, *path), line)

    def problem(where: int, message: str, fix: str) -> Problem:
        return Problem(FACTS_FILE, where, message, fix)

    if not _KEY.match(key):
        return None, [
            problem(
                line,
                f"fact key '{key}' is not lower case letters, digits and underscores",
                "rename it, e.g. 'kindergeld_per_child'",
            )
        ]
    if not isinstance(entry, dict):
        return None, [problem(line, f"fact '{key}' is not a list of fields", "give it kind, label and values")]
    problems = [
        problem(at(name), f"unknown field '{name}' in fact '{key}'", "use only kind, label and values")
        for name in entry
        if name not in _ENTRY_FIELDS
    ]
    kind = entry.get("kind")
    if kind not in KINDS:
        problems.append(problem(at("kind"), f"fact '{key}' has kind {kind!r}", f"write kind: {', '.join(KINDS)}"))
    label = entry.get("label")
    if not isinstance(label, dict):
        problems.append(problem(at("label"), f"fact '{key}' has no label", "add label: with one line per language"))
        label = {}
    for code in codes:
        if not isinstance(label.get(code), str) or not label[code].strip():
            problems.append(
                problem(at("label"), f"fact '{key}' has no '{code}' label", f"add '    {code}: …' under label:")
            )
        elif markup_in(label[code]):
            problems.append(
                problem(at("label", code), f"the '{code}' label of fact '{key}' {markup_in(label[code])}", FIX)
            )
    values = entry.get("values")
    if not isinstance(values, list) or not values:
        problems.append(problem(at("values"), f"fact '{key}' has no values", "add values: with at least one value"))
        values = []
    periods = []
    for index, item in enumerate(values):
        period, period_problems = _read_period(key, kind, item, lambda *p, index=index: at("values", index, *p), today)
        problems += period_problems
        if period:
            periods.append(period)
    for before, after in zip(periods, periods[1:], strict=False):
        if before.valid_until is None or after.valid_from <= before.valid_until:
            problems.append(
                problem(
                    at("values", periods.index(after), "valid_from"),
                    f"fact '{key}': the value from {after.valid_from} overlaps the one before",
                    "end the earlier value (valid_until) the day before, and keep values oldest first",
                )
            )
    if problems:
        return None, problems
    return Fact(key, str(kind), {code: label[code] for code in codes}, tuple(periods), line), []


def _read_period(key: str, kind: Any, item: Any, at: Any, today: date) -> tuple[Period | None, list[Problem]]:
    def problem(where: int, message: str, fix: str) -> Problem:
        return Problem(FACTS_FILE, where, f"fact '{key}': {message}", fix)

    if not isinstance(item, dict):
        return None, [problem(at(), "a value must be a list of fields", "write value, valid_from, checked and sources")]
    problems = [
        problem(at(name), f"unknown field '{name}'", f"use only {', '.join(_PERIOD_FIELDS)}")
        for name in item
        if name not in _PERIOD_FIELDS
    ]
    value = _value(kind, item.get("value"))
    if value is None:
        wanted = 'a phone number as text, e.g. "0761 19240"' if kind == "phone" else "a number, e.g. 259 or 14.6"
        problems.append(
            problem(at("value"), f"value {item.get('value')!r} does not fit kind '{kind}'", f"write {wanted}")
        )
    days = {}
    for name in ("valid_from", "valid_until", "checked"):
        raw = item.get(name)
        if raw is None:
            if name != "valid_until":
                problems.append(problem(at(), f"'{name}' is missing", f"add {name}: YYYY-MM-DD"))
            continue
        try:
            days[name] = date.fromisoformat(str(raw))
        except ValueError:
            problems.append(problem(at(name), f"{name} '{raw}' is not a date", "write it as YYYY-MM-DD"))
    if "valid_until" in days and "valid_from" in days and days["valid_until"] < days["valid_from"]:
        problems.append(problem(at("valid_until"), "valid_until is before valid_from", "correct one of the two dates"))
    if "checked" in days and (ahead := future_day("checked", days["checked"], today)):
        problems.append(problem(at("checked"), *ahead))
    for index, source in enumerate(item.get("sources") or []):
        if isinstance(source, dict) and markup_in(source.get("name")):
            problems.append(problem(at("sources", index, "name"), f"a source name {markup_in(source['name'])}", FIX))
    sources = _sources(item.get("sources"))
    if sources is None:
        problems.append(
            problem(
                at("sources"),
                "needs at least one source with name and an https:// url",
                "add sources: - name: … url: https://…",
            )
        )
    if problems or value is None or sources is None:
        return None, problems
    return Period(value, days["valid_from"], days.get("valid_until"), days["checked"], sources), []


def _value(kind: Any, raw: Any) -> Decimal | str | None:
    if kind == "phone":
        return raw if isinstance(raw, str) and _PHONE.match(raw) else None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw < 0:
        return None
    return Decimal(str(raw))


def _sources(raw: Any) -> tuple[Source, ...] | None:
    if not isinstance(raw, list) or not raw:
        return None
    sources = []
    for item in raw:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and item["name"].strip()
            and is_https_address(item.get("url"))
        ):
            return None
        sources.append(Source(item["name"].strip(), item["url"]))
    return tuple(sources)


def check_fact_markers(texts: Iterable[tuple[str, str, int]], facts: Mapping[str, Fact]) -> list[Problem]:
    """Every ``[[fact:…]]`` in ``(path, text, first line)`` must name a fact of data/facts.yml."""
    problems = []
    for path, text, first_line in texts:
        for number, line in enumerate(text.splitlines(), first_line):
            for key in fact_keys(line):
                if key not in facts:
                    close = difflib.get_close_matches(key, facts, n=1)
                    hint = f"did you mean '{close[0]}'? " if close else ""
                    problems.append(
                        Problem(
                            path,
                            number,
                            f"unknown fact '{key}'",
                            f"{hint}use a key of {FACTS_FILE}, or add the fact there with its source",
                        )
                    )
    return problems


def figures_due(keys: Iterable[str], facts: Mapping[str, Fact], day: date) -> date | None:
    """The earliest day a figure of ``keys`` ran out of values, if one has: the page is then overdue."""
    return min((due for key in keys if key in facts and (due := facts[key].due_on(day))), default=None)


def due_warnings(facts: Mapping[str, Fact], today: date) -> list[Problem]:
    """A warning for every fact whose last value has ended: the site still shows it, marked overdue."""
    warnings = []
    for fact in facts.values():
        if due := fact.due_on(today):
            warnings.append(
                Problem(
                    FACTS_FILE,
                    fact.line,
                    f"fact '{fact.key}' has no value for {today.isoformat()} (the last one ended on "
                    f"{(due - timedelta(days=1)).isoformat()}); pages using it show it as overdue",
                    f"add the value valid from {due.isoformat()} with its source and checked date",
                )
            )
    return warnings


def format_value(fact: Fact, period: Period, code: str) -> str:
    """The value as readers of ``code`` write it: '€50,700', '50.700 €', '14,6 %', '0761 19240'."""
    if isinstance(period.value, str):
        return period.value.replace(" ", "\u00a0")  # a phone number is never broken across lines
    locale = Locale.parse(babel_locale(code))
    if fact.kind == "percent":
        return format_percent(period.value / 100, locale=locale, decimal_quantization=False)
    pattern = parse_pattern(locale.currency_formats["standard"])
    digits = 0 if period.value == period.value.to_integral_value() else 2
    pattern.frac_prec = (digits, digits)
    return pattern.apply(period.value, locale, currency="EUR", currency_digits=False)


def marker_html(fact: Fact, day: date, code: str) -> str:
    """What a marker becomes in the page: the value, isolated so it reads left to right in Arabic too."""
    direction = ' dir="ltr"' if fact.kind == "phone" else ""
    value = format_value(fact, fact.shown_on(day), code)
    return f'<bdi class="handbook-fact" data-fact="{fact.key}"{direction}>{value}</bdi>'


def fill_fact_markers(markdown: str, facts: Mapping[str, Fact], day: date, code: str) -> str:
    """Replace every known marker; an unknown one stays visible (``make check`` reports it)."""

    def replace(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        return marker_html(fact, day, code) if fact else match.group(0)

    return MARKER.sub(replace, markdown)


@dataclass(frozen=True)
class Figure:
    """One figure of a page as readers see it in the list at the end: formatted, in their language."""

    key: str
    label: str
    value: str
    valid_from: str
    valid_until: str | None
    checked: str
    sources: tuple[Source, ...]
    ended: bool  # no value applies today: readers are told the shown one may be out of date
    next_value: str | None  # a value already announced for later
    next_from: str | None
    next_sources: tuple[Source, ...]


def page_figures(
    keys: Iterable[str], facts: Mapping[str, Fact], day: date, code: str, format_day: Callable[[date, str], str]
) -> list[Figure]:
    """The figures a page uses (known keys, in order of use), for the list at its end."""
    figures = []
    for key in keys:
        if (fact := facts.get(key)) is None:
            continue
        shown, later = fact.shown_on(day), fact.next_after(day)
        figures.append(
            Figure(
                key=key,
                label=fact.label[code],
                value=format_value(fact, shown, code),
                valid_from=format_day(shown.valid_from, code),
                valid_until=format_day(shown.valid_until, code) if shown.valid_until else None,
                checked=format_day(shown.checked, code),
                sources=shown.sources,
                ended=fact.period_on(day) is None,
                next_value=format_value(fact, later, code) if later and later is not shown else None,
                next_from=format_day(later.valid_from, code) if later and later is not shown else None,
                next_sources=later.sources if later and later is not shown else (),
            )
        )
    return figures
