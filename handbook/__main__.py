"""Entry point: ``python -m handbook <command>``; see handbook.cli."""

from handbook.cli import main

raise SystemExit(main())
