"""A three-language handbook (one right-to-left) full of mistakes: `build` reports them all at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURE_PROJECT


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_problem_is_reported_once_with_its_line(tmp_path: Path):
    project = tmp_path / "handbook"
    shutil.copytree(FIXTURE_PROJECT, project)
    docs = project / "docs"
    edit(docs / "guide.md", "url: https://www.service-bw.de/", "url: http://www.service-bw.de/")
    edit(docs / "guide.md", "last_reviewed: 2025-01-15", "last_reviewed: 2025-02-30")
    edit(docs / "guide.de.md", "{#register}", "{#anmelden}")
    edit(docs / "index.ar.md", "guide.md#register", "guide.md#missing")
    edit(docs / "index.ar.md", "# الصفحة الرئيسية\n", "# الصفحة الرئيسية\n\n<script>alert(1)</script>\n")
    (docs / "faq.pt.md").write_text("---\ntitle: Perguntas\n---\n\n# Perguntas\n", encoding="utf-8")
    shutil.copyfile(docs / "index.md", docs / "orphan.md")
    edit(project / "mkdocs.yml", '"old-guide.md": "guide.md#register"', "")
    # Paths in the messages are relative to the working directory, as editors run `make` from the root.
    env_project = project.relative_to(tmp_path)

    result = subprocess.run(
        [sys.executable, "-m", "handbook", "--project", str(env_project), "build", "--site-dir", "site"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/faq.pt.md: unknown language 'pt' in the file name"
        " — use one of en, de, ar, or add the language to mkdocs.yml first",
        "docs/guide.de.md:7: heading id 'register' of the original (docs/guide.md:15) is missing"
        " — add {#register} to the translated heading",
        "docs/guide.de.md:10: heading id 'anmelden' is not in the original docs/guide.md"
        " — use the id of the matching heading in the original",
        "docs/guide.md:5: 'last_reviewed' is not a valid date: '2025-02-30' — write a real date as YYYY-MM-DD",
        "docs/guide.md:10: source URL is not an https:// address: 'http://www.service-bw.de/'"
        " — use the official page's https:// URL",
        "docs/index.ar.md:10: <script> is not allowed in content"
        " — remove it; ask a maintainer if the page needs interactive parts",
        "docs/index.ar.md:12: anchor '#missing' does not exist on docs/guide.md"
        " — use one of the heading ids ({#...}) of that page",
        "docs/index.de.md:10: anchor '#register' does not exist on docs/guide.de.md"
        " — use one of the heading ids ({#...}) of that page",
        "docs/orphan.md: no navigation entry reaches this page — add 'orphan.md' to nav in mkdocs.yml",
        "published-urls.txt: new page address /orphan/ is not listed — run `make urls` and commit the result",
        "published-urls.txt:8: published address /old-guide/ would break: no page and no redirect has it"
        " — add a redirect in mkdocs.yml (redirects: redirect_maps: 'old-guide.md': '<new page>.md') or restore the page",
    ]
    assert "11 problem(s) found." in result.stderr
    assert not (tmp_path / "site").exists(), "nothing is built while the sources have problems"
