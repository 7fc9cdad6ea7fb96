"""Entry point: ``python -m handbook <command>``; see handbook.cli."""

from handbook.cli import main

# Guarded: the language builds run in forks that import the main module again (handbook/pipeline/engine_processes.py).
if __name__ == "__main__":
    raise SystemExit(main())
