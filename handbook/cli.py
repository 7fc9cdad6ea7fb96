"""The handbook's command line: ``python -m handbook build|serve|preview|check|linkcheck``.

The Makefile calls these; editors normally use ``make``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from handbook.checks.source_checks import check_sources
from handbook.content.languages import load_languages
from handbook.core import environment
from handbook.core.environment import language_env
from handbook.core.local_server import make_server
from handbook.core.public_address import is_preview_address
from handbook.pipeline.build import DEFAULT_ROOT_URL, PROJECT, BuildError, build_site
from handbook.pipeline.engine import QUIET, engine_command


def cmd_check(args: argparse.Namespace) -> int:
    from handbook.content.facts import due_warnings, load_facts
    from handbook.core.environment import today
    from handbook.site.operator import OPERATOR_FILE, missing_operator_details

    day = today()
    problems = check_sources(args.project, day)
    for problem in problems:
        print(problem)
    if any(problem.path in ("mkdocs.yml", OPERATOR_FILE) for problem in problems):
        print(f"\n{len(problems)} problem(s) found.", file=sys.stderr)
        return 1  # the warnings below need both files
    # Not errors: the site can be built without them; readers see "not yet provided" or an overdue notice.
    codes = [lang.code for lang in load_languages(args.project / "mkdocs.yml")]
    expired = due_warnings(load_facts(args.project, codes, day)[0], day)
    if expired:
        print(f"\nWarnings ({len(expired)}): figures whose period has ended", file=sys.stderr)
        for warning in expired:
            print(f"  {warning}", file=sys.stderr)
    warnings = missing_operator_details(args.project) if (args.project / "config").exists() else []
    if warnings:
        print(f"\nWarnings ({len(warnings)}): details the operator still has to confirm", file=sys.stderr)
        for warning in warnings:
            print(f"  {warning}", file=sys.stderr)
    if problems:
        print(f"\n{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("No problems found.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    if is_preview_address(args.base_url):
        if args.public:
            print(
                f"the public address is missing: '{args.base_url}' works only on this machine"
                " — set HANDBOOK_BASE_URL to the address the site is published at",
                file=sys.stderr,
            )
            return 1
        print(
            f"Preview build: links, QR codes and sitemaps point at {args.base_url}, which works only on this"
            " machine; welcome packs and the link catalogue say so. Set HANDBOOK_BASE_URL to publish.",
            file=sys.stderr,
        )
    if cmd_check(args):
        return 1
    try:
        build_site(Path(args.site_dir), root_url=args.base_url, jobs=args.jobs, project=args.project)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview of one language that shows a saved page again within a second or two.

    ``--dirty`` rebuilds only the sources that changed (generated pages are kept on disk
    for that, see hooks/municipalities.py); it is not strict, so a problem is printed and the
    preview keeps running. ``make build`` and ``make check`` stay strict.
    """
    codes = [lang.code for lang in load_languages(args.project / "mkdocs.yml")]
    if args.language not in codes:
        print(f"unknown language '{args.language}': choose one of {', '.join(codes)}", file=sys.stderr)
        return 2
    root = f"http://{args.address}/"
    print(f"Preview of '{args.language}' at {root}{args.language}/ (search works in `make preview` only)")
    print("Only changed pages are rebuilt: restart to see a new page or a changed title in the navigation.")
    with tempfile.TemporaryDirectory(prefix="handbook-preview-") as cache:
        env = {
            **os.environ,
            **QUIET,
            environment.PREVIEW_CACHE: cache,
            **language_env(args.language, root, args.project / "site"),
        }
        return subprocess.call(
            engine_command("serve", "--dev-addr", args.address, "--livereload", "--dirty", "--no-strict"),
            cwd=args.project,
            env=env,
        )


def cmd_preview(args: argparse.Namespace) -> int:
    host, port = args.address.rsplit(":", 1)
    with make_server(Path(args.site_dir), int(port), host) as server:
        print(f"Serving {args.site_dir} at http://{args.address}/ (Ctrl+C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    from handbook.content.page_sources import load_pages
    from handbook.content.translation_status import stamp_files

    codes = [lang.code for lang in load_languages(args.project / "mkdocs.yml")]
    pages = load_pages(args.project / "docs", codes, args.project / "mkdocs.yml")
    for line in stamp_files([Path(name) for name in args.files], pages, args.project / "docs"):
        print(line)
    return 0


def cmd_urls(args: argparse.Namespace) -> int:
    from handbook.checks.source_checks import published_pages
    from handbook.checks.url_manifest import MANIFEST, updated_manifest
    from handbook.content.page_sources import load_pages
    from handbook.region.region_data import load_region

    codes = [lang.code for lang in load_languages(args.project / "mkdocs.yml")]
    pages = load_pages(args.project / "docs", codes, args.project / "mkdocs.yml")
    manifest = args.project / MANIFEST
    old = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
    region = load_region(args.project / "data") if (args.project / "data" / "region").exists() else None
    new = updated_manifest(old, published_pages(pages, region, args.project))
    manifest.write_text(new, encoding="utf-8")
    added = len(new.splitlines()) - len(old.splitlines()) if old else len(new.splitlines())
    print(f"{MANIFEST}: {'up to date' if new == old else f'updated ({added} line(s) added)'}")
    return 0


def cmd_freshness(args: argparse.Namespace) -> int:
    from handbook.checks.freshness import changed_files, overdue_problems
    from handbook.content.facts import due_warnings, load_facts
    from handbook.content.page_sources import load_pages
    from handbook.core.environment import today
    from handbook.site.reports import fact_rows, freshness_rows

    codes = [lang.code for lang in load_languages(args.project / "mkdocs.yml")]
    pages = load_pages(args.project / "docs", codes, args.project / "mkdocs.yml")
    day = today()
    facts = load_facts(args.project, codes, day)[0]
    for row in freshness_rows(pages, day, facts):
        print(f"{row.review_due or 'no date':<10}  {'OVERDUE' if row.overdue else 'ok':<7}  {row.page}  ({row.owner})")
    figures = fact_rows(facts, pages, day)
    if figures:
        print("\nFigures (data/facts.yml), the first to run out first:")
    for fact in figures:
        print(
            f"{fact.valid_until or 'no end':<10}  {'OVERDUE' if fact.overdue else 'ok':<7}  {fact.key}  = {fact.value}"
        )
    only = changed_files(args.project, args.changed_since) if args.changed_since else None
    problems = overdue_problems(pages, day, only, facts)
    if args.strict:  # an ended figure is also the weekly run's business, whichever page uses it
        problems += due_warnings(facts, day)
    if not (args.strict or args.changed_since):
        return 0
    for problem in problems:
        print(problem)
    scope = f"changed since {args.changed_since}" if args.changed_since else "in the handbook"
    print(f"{len(problems)} overdue page(s) or figure(s) {scope}.")
    return 1 if problems else 0


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from handbook.checks.linkcheck import check_external_links

    return check_external_links(Path(args.site_dir), Path(args.report))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m handbook", description=__doc__)
    main.add_argument("--project", type=Path, default=PROJECT, help="project folder (default: this repository)")
    sub = main.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate the sources (fast, no build)")
    check.set_defaults(run=cmd_check)

    build = sub.add_parser("build", help="check, then build every language into site/")
    build.add_argument("--site-dir", default="site")
    build.add_argument(
        "--base-url",
        default=os.environ.get(environment.BASE_URL, DEFAULT_ROOT_URL),
        help="public root URL of the site (env HANDBOOK_BASE_URL)",
    )
    build.add_argument("--jobs", type=int, default=None, help="parallel language builds (default: all cores)")
    build.add_argument(
        "--public",
        action="store_true",
        help="refuse a loopback or missing public address (the deploy workflow uses it)",
    )
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="live preview of one language")
    serve.add_argument("--language", default="en")
    serve.add_argument("--address", default="127.0.0.1:8000")
    serve.set_defaults(run=cmd_serve)

    preview = sub.add_parser("preview", help="serve the built site/ with search")
    preview.add_argument("--site-dir", default="site")
    preview.add_argument("--address", default="127.0.0.1:8000")
    preview.set_defaults(run=cmd_preview)

    stamp = sub.add_parser("stamp", help="record that translations are up to date with their originals")
    stamp.add_argument("files", nargs="+", help="translation files, e.g. docs/topics/index.de.md")
    stamp.set_defaults(run=cmd_stamp)

    urls = sub.add_parser("urls", help="add new page addresses to published-urls.txt")
    urls.set_defaults(run=cmd_urls)

    freshness = sub.add_parser("freshness", help="pages by review due date; fail on overdue ones")
    freshness.add_argument("--strict", action="store_true", help="fail when any page is overdue")
    freshness.add_argument("--changed-since", metavar="REF", help="fail when a page changed since REF is overdue")
    freshness.set_defaults(run=cmd_freshness)

    linkcheck = sub.add_parser("linkcheck", help="check external links of the built site")
    linkcheck.add_argument("--site-dir", default="site")
    linkcheck.add_argument("--report", default="linkcheck-report.csv")
    linkcheck.set_defaults(run=cmd_linkcheck)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if problem := today_problem(os.environ.get(environment.TODAY)):
        print(problem, file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: one line; a build leaves the previous site as it was
        print("\nInterrupted: nothing was changed.", file=sys.stderr)
        return 130


def today_problem(pinned: str | None) -> str | None:
    """HANDBOOK_TODAY, when set, must be a real day: every command judges dates by it (see environment.today)."""
    if not pinned:
        return None
    try:
        date.fromisoformat(pinned)
    except ValueError:
        return f"HANDBOOK_TODAY: '{pinned}' is not a date — write it as YYYY-MM-DD, or unset it to use today"
    return None
