"""Where the language builds run: forks of one process that has imported the engine already.

Each language build is the engine's own command line (``properdocs build …``) in a process of its own, so that
builds share no state and use every core. Started as a new Python each time, a build spent about half a second,
a tenth of its time, importing the engine, Material, Markdown, Babel and the handbook's modules. Python's
``forkserver`` start method (multiprocessing) imports them once, in a server process, and gives every build a
fresh fork of it: the same isolation, without the imports. The fork runs the command line as
``python -m <engine>`` would, with its output captured. Where forkserver is missing (not on Linux), and for an
engine other than ``ENGINE`` (tests compare it with MkDocs), each build is a new process as before.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from handbook.pipeline.engine import ENGINE, engine_command

# What a language build imports that takes time, in import order: the engine first (its __main__ sends mkdocs.*
# imports to it, which Material and the plugins need). A name that cannot be imported is skipped by multiprocessing.
PRELOAD = (
    f"{ENGINE}.__main__",
    f"{ENGINE}.commands.build",
    "material",
    "mkdocs_static_i18n.plugin",
    "mkdocs_redirects.plugin",
    "markdown.extensions.toc",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.details",
    "babel.dates",
    "babel.numbers",
    "lxml.etree",
    "handbook.pipeline.build_context",
    "handbook.region.welcome_pack",
    "handbook.site.plan_page",
    "handbook.site.reports",
    "handbook.checks.content_checks",
    "handbook.content.alternates",
    "handbook.content.language_of_parts",
)

# (engine arguments, folder, environment) -> (exit code, what the engine printed)
Runner = Callable[[Sequence[str], Path, Mapping[str, str]], tuple[int, str]]


def new_process_runner(engine: str = ENGINE) -> Runner:
    """Each command in a new Python process."""

    def run(arguments: Sequence[str], cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
        done = subprocess.run(
            engine_command(*arguments, engine=engine), cwd=cwd, env=dict(env), capture_output=True, text=True
        )
        return done.returncode, done.stdout + done.stderr

    return run


@contextmanager
def engine_processes(jobs: int, engine: str = ENGINE) -> Iterator[Runner]:
    """A runner for up to ``jobs`` engine commands at once, each in a fresh fork of the preloaded server."""
    if engine != ENGINE or "forkserver" not in multiprocessing.get_all_start_methods():
        yield new_process_runner(engine)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))  # takes effect when the server starts, once per process
    with ProcessPoolExecutor(jobs, mp_context=context, max_tasks_per_child=1) as pool:

        def run(arguments: Sequence[str], cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
            return pool.submit(run_command_line, engine, tuple(arguments), cwd, dict(env)).result()

        yield run


def run_command_line(engine: str, arguments: Sequence[str], cwd: Path, env: Mapping[str, str]) -> tuple[int, str]:
    """In a fork that ends afterwards: the engine's command line in ``cwd`` with ``env``, and what it printed."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    cli = importlib.import_module(f"{engine}.__main__").cli
    with tempfile.TemporaryFile() as output:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
            os.dup2(output.fileno(), stream.fileno())  # also what the engine's own subprocesses print
        try:
            cli.main(args=list(arguments), prog_name=f"python -m {engine}")  # as click names it then
            code = 0
        except SystemExit as stop:  # as the interpreter would end: an int is the exit code, text is printed
            if stop.code is not None and not isinstance(stop.code, int):
                print(stop.code, file=sys.stderr)
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        except BaseException:  # what a new process would have printed before it died
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        output.seek(0)
        return code, output.read().decode("utf-8", "replace")
