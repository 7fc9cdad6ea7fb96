"""The operator's details (config/operator.yml): one place, and a list of what is still missing.

Legal pages must not contain invented names. Whatever the operator has not yet
confirmed stays empty, is shown to readers as "not yet provided", and is listed
by ``make check`` as a warning until it is filled in.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem

OPERATOR_FILE = "config/operator.yml"
REQUIRED = (
    "name",
    "legal_form",
    "address",
    "represented_by",
    "email",
    "phone",
    "responsible_for_content",
    "data_protection_officer",
    "hosting_provider",
    "server_log_retention",
    "accessibility_contact",
    "accessibility_enforcement",
    "report_problem_url",
)
OPTIONAL = ("vat_id", "supervisory_authority", "sign_language_video")
MARKER = re.compile(r"\[\[operator:([a-z_]+)\]\]")


def load_operator(project: Path) -> dict[str, str]:
    path = project / OPERATOR_FILE
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {key: str(value or "").strip() for key, value in data.items()}


def missing_operator_details(project: Path) -> list[Problem]:
    """A warning for every required detail that is still empty (or unknown field)."""
    path = project / OPERATOR_FILE
    if not path.exists():
        return [Problem(OPERATOR_FILE, 0, "the operator's details are missing", "restore config/operator.yml")]
    lines = path.read_text(encoding="utf-8").splitlines()
    details = load_operator(project)
    problems = []
    for key in REQUIRED:
        if not details.get(key):
            line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 0)
            problems.append(
                Problem(
                    OPERATOR_FILE,
                    line,
                    f"required operator detail '{key}' is empty",
                    "fill it in once the operator has confirmed it (readers see 'not yet provided')",
                )
            )
    for key in sorted(set(details) - set(REQUIRED) - set(OPTIONAL)):
        line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 0)
        problems.append(Problem(OPERATOR_FILE, line, f"unknown field '{key}'", "remove it or fix its name"))
    return problems


def operator_markup(project: Path) -> list[Problem]:
    """An error (not a warning) for a detail that contains markup: it would be HTML in the legal pages."""
    path = project / OPERATOR_FILE
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        Problem(
            OPERATOR_FILE,
            next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 0),
            f"detail '{key}' {markup_in(value)}",
            FIX,
        )
        for key, value in load_operator(project).items()
        if markup_in(value)
    ]


def fill_operator_markers(markdown: str, details: dict[str, str], not_provided: str) -> str:
    """Replace ``[[operator:field]]`` with the value, or a visible 'not yet provided'."""
    return MARKER.sub(lambda m: details.get(m.group(1)) or f"*{not_provided}*", markdown)
