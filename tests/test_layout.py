"""The packages of handbook/ form layers: each imports only the packages below it, so the tree reads like the data
flow (core -> content -> region -> site -> checks -> pipeline) and a module's room says what it may use."""

from __future__ import annotations

import re
from pathlib import Path

from handbook.project import PROJECT

LAYERS = ["core", "content", "region", "site", "checks", "pipeline"]
IMPORT = re.compile(r"^\s*from handbook\.(\w+)(?:\.\w+)* import|^\s*from handbook import (\w+)", re.MULTILINE)


def upward_imports(root: Path) -> list[str]:
    """Every import of a package at the same level or above its own layer (its own package excepted)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        package = path.relative_to(root).parts[0]
        if package not in LAYERS:
            continue  # cli.py, __main__.py and project.py sit on top and may use everything (project.py uses nothing)
        for match in IMPORT.finditer(path.read_text(encoding="utf-8")):
            target = match.group(1) or match.group(2)
            if target in LAYERS and target != package and LAYERS.index(target) > LAYERS.index(package):
                found.append(f"{path.relative_to(root)} imports handbook.{target}")
    return found


def test_every_package_imports_only_the_layers_below_it():
    assert sorted(p.name for p in (PROJECT / "handbook").iterdir() if (p / "__init__.py").exists()) == sorted(LAYERS)
    assert upward_imports(PROJECT / "handbook") == []


def test_an_upward_import_is_found(tmp_path: Path):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "x.py").write_text("from handbook.content.facts import load_facts\n", encoding="utf-8")
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "y.py").write_text("from handbook.core import environment\n", encoding="utf-8")
    assert upward_imports(tmp_path) == ["core/x.py imports handbook.content"]
