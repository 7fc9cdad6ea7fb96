"""A three-language handbook (one right-to-left) full of mistakes: `build` reports them all at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import FIXTURE_PROJECT, line_of


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
    edit(project / "mkdocs.yml", '"old-guide.md": "guide.md#register"', '"gone.md": "missing.md"')
    # What a careless or hostile editor writes (issue 14): each is reported with its line, nothing is published.
    edit(docs / "guide.md", "title: Guide", 'title: Guide <img src=x onerror="alert(1)">')
    edit(docs / "index.md", "kind: index", "kind: index\nowner: Someone else")
    edit(docs / "guide.md", "Go to the citizens' office", "## Register again {#register}\n\nGo to the citizens' office")
    edit(
        docs / "index.ar.md", "<script>alert(1)</script>", '<script>alert(1)</script>\n\n<svg onload="alert(1)"></svg>'
    )
    (docs / "notes.markdown").write_text("# Notes\n", encoding="utf-8")
    (docs / "raw.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    (docs / "passwords.md").symlink_to("/etc/passwd")
    (docs / "fees.md").write_bytes(b"\xef\xbb\xbf" + (docs / "fees.md").read_bytes())
    (docs / "fees.de.md").write_bytes((docs / "fees.de.md").read_text(encoding="utf-8").encode("latin-1"))
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
        "docs/fees.de.md: not UTF-8 text (byte 14: invalid start byte) — save the file as UTF-8",
        "docs/fees.md:1: the file starts with a byte-order mark (BOM) — save it as UTF-8 without BOM",
        "docs/guide.de.md:7: heading id 'register' of the original (docs/guide.md:17) is missing"
        " — add {#register} to the translated heading",
        "docs/guide.de.md:10: heading id 'anmelden' is not in the original docs/guide.md"
        " — use the id of the matching heading in the original",
        "docs/guide.md:2: 'title' contains markup (< or >)"
        " — write it as plain text, without < or > (no HTML in this field)",
        "docs/guide.md:5: 'last_reviewed' is not a valid date: '2025-02-30' — write a real date as YYYY-MM-DD",
        "docs/guide.md:10: source URL is not an https:// address: 'http://www.service-bw.de/'"
        " — use the official page's https:// URL",
        "docs/guide.md:17: heading id 'register' is used twice on this page (first on line 15)"
        " — give each section its own id",
        "docs/index.ar.md:10: <script> is not allowed in content"
        " — remove it; ask a maintainer if the page needs interactive parts",
        "docs/index.ar.md:12: <svg> is not allowed in content"
        " — remove it; ask a maintainer if the page needs interactive parts",
        "docs/index.ar.md:14: anchor '#missing' does not exist on docs/guide.md"
        " — use one of the heading ids ({#...}) of that page",
        "docs/index.de.md:10: anchor '#register' does not exist on docs/guide.de.md"
        " — use one of the heading ids ({#...}) of that page",
        "docs/index.md:8: front matter is not valid YAML ('owner' is written twice (first on line 5))"
        " — fix the YAML between the --- lines",
        "docs/notes.markdown: files of type '.markdown' are not published"
        " — write the page as .md (pictures: .png, .jpg, .jpeg, .webp), or remove the file",
        "docs/orphan.md: no navigation entry reaches this page — add 'orphan.md' to nav in mkdocs.yml",
        "docs/passwords.md: symbolic links are not allowed — put the file itself here, or remove the link",
        "docs/raw.html: files of type '.html' are not published"
        " — write the page as .md (pictures: .png, .jpg, .jpeg, .webp), or remove the file",
        f"mkdocs.yml:{line_of(project / 'mkdocs.yml', 'gone.md')}: redirect from 'gone.md' leads to 'missing.md',"
        " which is not a page"
        " — point it at an existing page's .md file",
        "published-urls.txt: new page address /orphan/ is not listed — run `make urls` and commit the result",
        "published-urls.txt:8: published address /old-guide/ would break: no page and no redirect has it"
        " — add a redirect in mkdocs.yml (redirects: redirect_maps: 'old-guide.md': '<new page>.md') or restore the"
        " page",
    ]
    assert "21 problem(s) found." in result.stderr
    assert not (tmp_path / "site").exists(), "nothing is built while the sources have problems"
