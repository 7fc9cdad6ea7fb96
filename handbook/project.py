"""Where the handbook's own project is: the folder of mkdocs.yml, docs/, data/, i18n/ and schemas/.

Commands and tests take another project (a test fixture) as an argument; these are the defaults.
"""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
