"""Every kind of page the hooks generate, in one registry, and the one way their front matter is written.

A generated page has no file under docs/: a hook makes it during the build. Where it lives, whether the
navigation lists it and in which languages it exists is said here once. The hooks take their paths from here;
the URL manifest (handbook.checks.url_manifest via source_checks), the navigation check, the check that mkdocs.yml's
``not_in_nav`` lists every folder kept out of the navigation, the language switcher and the benchmark's stock
project all read the same entries. A new kind of generated page is one entry here plus its hook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook.core.front_matter import SAFE_DUMPER

# Front matter value of `generated` on pages that exist in every language (translations everywhere, never a fallback).
EVERY_LANGUAGE = "every-language"


@dataclass(frozen=True)
class PageKind:
    name: str
    folder: str  # under docs/, ending in "/"; "" for a single page at the top
    in_nav: bool  # the readers' navigation lists it (else mkdocs.yml's not_in_nav must list the folder)
    every_language: bool  # built in every language; else only in the original language's build
    hook: str  # the hook that makes it
    made_from: str = ""  # the project path whose presence makes the hook generate them ("" = always)

    def path(self, name: str, suffix: str = ".md") -> str:
        """The source path of the page ``name`` of this kind, as the hooks add it to the build."""
        return f"{self.folder}{name}{suffix}"


REGION = "data/region"  # the municipality register: hooks/municipalities.py makes three kinds from it
MUNICIPALITY = PageKind("municipality", "municipalities/", False, True, "hooks/municipalities.py", REGION)
DISTRICT = PageKind("district", "districts/", False, True, "hooks/municipalities.py", REGION)
WELCOME_PACK = PageKind("welcome pack", "employers/welcome-pack/", False, True, "hooks/municipalities.py", REGION)
GLOSSARY_KIND = PageKind("glossary", "", True, True, "hooks/glossary.py", "data/glossary.yml")
EDITORS_REPORT = PageKind("editors' report", "editors/", False, False, "hooks/editor_reports.py")

KINDS = (MUNICIPALITY, DISTRICT, WELCOME_PACK, GLOSSARY_KIND, EDITORS_REPORT)
GLOSSARY_PAGE = GLOSSARY_KIND.path("glossary")


def kinds_in(project: Path) -> list[PageKind]:
    """The kinds of generated page a project has: the test fixtures, without region data, have fewer."""
    return [kind for kind in KINDS if not kind.made_from or (project / kind.made_from).exists()]


def front_matter(fields: Mapping[str, Any]) -> str:
    """A generated page's front matter block, written by a YAML serialiser: any title or text stays one value.

    Dates are given as ISO strings and stay strings, as in the JSON the pages were written with before.
    """
    text = yaml.dump(dict(fields), Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return "---\n" + text + "---\n\n"
