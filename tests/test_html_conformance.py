"""The Nu Html Checker (npm vnu-jar, on the machine's Java) finds no error on the key pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from handbook.pipeline.build import PROJECT

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [
    "",
    "topics/registration/",
    "municipalities/sindelfingen/",
    "municipalities/",  # home, guide, town, finder
    "plan/",
    "employers/",
]


def vnu_errors(files: list[Path]) -> list[str]:
    """``file:line: message`` for every error the checker reports (it writes JSON to stderr)."""
    assert VNU.is_file(), "vnu-jar is missing: `make setup` installs it from package-lock.json"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (Debian: default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    messages = json.loads(result.stderr)["messages"]
    return [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def test_no_html_errors_in_any_language(built_site, languages):
    files = [built_site / lang.code / path / "index.html" for lang in languages for path in PAGES]
    assert vnu_errors(files) == []


def test_the_checker_does_report_an_error(tmp_path):
    """Control: a label pointing at no form control is reported, so the test above can fail."""
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><label for="nothing">x</label></html>')
    errors = vnu_errors([page])
    assert len(errors) == 1 and "“for” attribute" in errors[0]
