"""The content model: front matter validated against schemas/front-matter.schema.json.

The JSON Schema is the one definition of the fields (editors' tools can use it
for completion); this module turns its errors into messages an editor can act
on, with the line of the offending key, and adds the rules a schema cannot
express (dates relative to today).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from handbook.core.checked_days import future_day
from handbook.core.front_matter import FrontMatter
from handbook.core.plain_text import FIX, markup_in
from handbook.project import PROJECT

SCHEMA_FILE = PROJECT / "schemas" / "front-matter.schema.json"


@dataclass(frozen=True)
class FieldProblem:
    line: int
    message: str
    fix: str


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    root = {**schema, "$ref": f"#/$defs/{kind}"}
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _field_descriptions(kind: str) -> dict[str, str]:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return {name: spec.get("description", "") for name, spec in schema["$defs"][kind]["properties"].items()}


def _field_name(path: tuple[Any, ...]) -> str:
    return ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in path).replace(".[", "[")


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list (lines starting with '- ')",
    "object": "a group of 'key: value' lines",
}


def _explain(error: ValidationError, schema_kind: str) -> tuple[str, str]:
    """(what is wrong, how to fix it) for one schema error."""
    path = tuple(error.absolute_path)
    name = _field_name(path)
    fields = _field_descriptions(schema_kind)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        if path:  # inside a source entry
            return f"'{name}' has no '{missing}'", f"add '{missing}:' to this entry"
        return f"missing field '{missing}'", f"add '{missing}: …' ({fields.get(missing, '')})".replace(" ()", "")
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        known = sorted(error.schema.get("properties", {}))
        wrong = unknown[0]
        close = difflib.get_close_matches(wrong, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(known)}"
        return f"unknown field '{wrong}'", f"remove it; {hint}"
    if error.validator == "format" and error.validator_value == "date":
        return f"'{name}' is not a valid date: {error.instance!r}", "write a real date as YYYY-MM-DD"
    if error.validator == "pattern" and path and path[-1] == "url":
        return f"source URL is not an https:// address: {error.instance!r}", "use the official page's https:// URL"
    if error.validator == "pattern" and name == "translated_from":
        return f"'translated_from' is not a version: {error.instance!r}", "run `make stamp` after translating"
    if error.validator == "enum":
        return f"'{name}' is {error.instance!r}", f"use one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return f"'{name}' must be {_TYPE_WORDS.get(error.validator_value, error.validator_value)}", (
            fields.get(str(path[0]), "see CONTRIBUTING.md") if path else "see CONTRIBUTING.md"
        )
    if error.validator == "oneOf" and not path:
        return "the review date is missing or given twice", "set exactly one of 'review_by' or 'review_interval_months'"
    if error.validator == "minItems" and name == "sources":
        return (
            "a page with facts needs at least one source",
            "list the official pages the facts come from under 'sources'",
        )
    if error.validator in ("minLength", "maxLength"):
        return f"'{name}' is too {'short' if error.validator == 'minLength' else 'long'}", (
            f"{fields.get(str(path[0]), '')} ({error.validator}: {error.validator_value} characters)".strip()
        )
    return f"'{name or 'front matter'}': {error.message}", "see CONTRIBUTING.md, 'Front matter'"


def check_front_matter(
    front_matter: FrontMatter, is_translation: bool, today: date, kind: str | None = None
) -> list[FieldProblem]:
    """Every problem in one page's front matter, each with its line.

    ``kind`` picks a schema definition explicitly (``"local"`` for municipality prose);
    otherwise originals and translations are told apart by ``is_translation``.
    """
    kind = kind or ("translation" if is_translation else "original")
    problems = []
    for error in sorted(_validator(kind).iter_errors(front_matter.data), key=lambda e: list(map(str, e.path))):
        message, fix = _explain(error, kind)
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            path = path + (sorted(set(error.instance) - set(error.schema.get("properties", {})))[0],)
        problems.append(FieldProblem(front_matter.line_of(path), message, fix))
    data = front_matter.data
    for path, value in _text_fields(data):
        if markup_in(value):
            problems.append(FieldProblem(front_matter.line_of(path), f"'{_field_name(path)}' {markup_in(value)}", FIX))
    reviewed = _date(data.get("last_reviewed"))
    if reviewed and (ahead := future_day("last_reviewed", reviewed, today)):
        problems.append(FieldProblem(front_matter.line_of(("last_reviewed",)), *ahead))
    review_by = _date(data.get("review_by"))
    if reviewed and review_by and review_by <= reviewed:
        problems.append(
            FieldProblem(
                front_matter.line_of(("review_by",)),
                f"'review_by' ({review_by.isoformat()}) is not after 'last_reviewed' ({reviewed.isoformat()})",
                "set the next review to a later date",
            )
        )
    return sorted(problems, key=lambda problem: (problem.line, problem.message))


def _text_fields(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The front-matter fields that readers see as text: title, description, owner, the names of sources."""
    for name in ("title", "description", "owner"):
        if name in data:
            yield (name,), data[name]
    for index, source in enumerate(data.get("sources") or []):
        if isinstance(source, dict):
            yield ("sources", index, "name"), source.get("name")


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def review_due(data: dict[str, Any]) -> date | None:
    """The day the page's facts must be checked again, from review_by or last_reviewed + interval."""
    if due := _date(data.get("review_by")):
        return due
    reviewed = _date(data.get("last_reviewed"))
    months = data.get("review_interval_months")
    if reviewed and isinstance(months, int):
        month_index = reviewed.month - 1 + months
        year, month = reviewed.year + month_index // 12, month_index % 12 + 1
        day = min(
            reviewed.day,
            [
                31,
                29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][month - 1],
        )
        return date(year, month, day)
    return None


def page_due(data: dict[str, Any], figures_due: date | None) -> date | None:
    """The day a page must be checked: its review date, or earlier the first day a figure it uses had no value."""
    return min((day for day in (review_due(data), figures_due) if day), default=None)


def is_overdue(data: dict[str, Any], figures_due: date | None, on: date) -> bool:
    """The one rule for "overdue", for readers' notices and editors' reports alike.

    Overdue when a figure the page uses has no value on ``on`` (``figures_due`` is then that first day) or when
    its review day has passed. A page without any review day has none to miss: the content model requires one of
    every original (``make check`` stops one without it), and the generated welcome packs only collect links to
    pages that carry their own.
    """
    due = review_due(data)
    return figures_due is not None or (due is not None and due < on)
