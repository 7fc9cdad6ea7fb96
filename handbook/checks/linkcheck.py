"""External link check: LinkChecker over the built site, served on 127.0.0.1 for the run.

Internal links are checked on every build by the tests; this check is for the
links to official websites, which break without anyone here changing anything,
so it runs on a schedule (and as ``make linkcheck``), writes a report, and fails
when a link is broken.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from handbook.core.local_server import serve_directory
from handbook.project import PROJECT

CONFIG = PROJECT / "linkcheckerrc"


def linkchecker_command(url: str, config: Path) -> list[str]:
    """The LinkChecker call: the repository's config, results as CSV on stdout.

    CSV goes to stdout because LinkChecker, run as root (as in CI), drops its
    privileges and then cannot write report files itself.
    """
    return [
        str(Path(sys.executable).with_name("linkchecker")),
        "--config",
        str(config),
        "--no-status",
        "--verbose",
        "-o",
        "csv",
        url,
    ]


@dataclass(frozen=True)
class LinkResult:
    url: str
    parent: str
    line: int
    result: str
    valid: bool

    def __str__(self) -> str:
        return f"{self.url} (linked from {self.parent}, line {self.line}): {self.result}"


def parse_csv(output: str) -> list[LinkResult]:
    """Read LinkChecker's CSV output (``#`` lines are comments)."""
    rows = csv.DictReader((line for line in output.splitlines() if not line.startswith("#")), delimiter=";")
    return [
        LinkResult(row["urlname"], row["parentname"], int(row["line"] or 0), row["result"], row["valid"] == "True")
        for row in rows
    ]


def check_external_links(site_dir: Path, report: Path, config: Path = CONFIG) -> int:
    """Check every link of the built site, write the CSV report, print the broken ones; 0 if none."""
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}/index.html not found: run `make build` first", file=sys.stderr)
        return 2
    with serve_directory(site_dir) as url:
        result = subprocess.run(linkchecker_command(url, config), capture_output=True, text=True)
    report.write_text(result.stdout, encoding="utf-8")
    results = parse_csv(result.stdout)
    broken = [link for link in results if not link.valid]
    for link in broken:
        print(link.__str__().replace(url, "/"))
    print(f"{len(results)} links checked, {len(broken)} broken. Report: {report}")
    if result.returncode not in (0, 1):
        print(result.stderr, file=sys.stderr)
        return result.returncode
    return 1 if broken else 0
