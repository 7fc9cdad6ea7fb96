"""`make linkcheck` against a local server that answers 200, 301, 404, 500 and times out."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

from handbook.checks.linkcheck import CONFIG, check_external_links, parse_csv

ROUTES = {"/ok": 200, "/moved": 301, "/missing": 404, "/broken": 500, "/slow": None}


class OfficialSiteStandIn(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status = ROUTES.get(self.path, 404)
        if status is None:
            time.sleep(4)  # longer than the test config's timeout
            status = 200
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>stand-in</title>")

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_reports_each_broken_external_link(tmp_path: Path, capfd):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OfficialSiteStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    other = f"http://127.0.0.1:{server.server_address[1]}"
    site = tmp_path / "site"
    site.mkdir()
    links = "".join(f'<a href="{other}{path}">{path}</a>' for path in ROUTES)
    (site / "index.html").write_text(f"<!doctype html><title>t</title>{links}", encoding="utf-8")
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG.read_text(encoding="utf-8").replace("timeout=20", "timeout=2"), encoding="utf-8")
    try:
        code = check_external_links(site, tmp_path / "report.csv", config=config)
    finally:
        server.shutdown()
        server.server_close()
    out = capfd.readouterr().out
    results = {link.url.removeprefix(other): link for link in parse_csv((tmp_path / "report.csv").read_text())}
    assert code == 1
    assert {path for path, link in results.items() if path in ROUTES and not link.valid} == {
        "/missing",
        "/broken",
        "/slow",
    }
    assert results["/moved"].valid and results["/ok"].valid
    assert f"{other}/missing (linked from /, line 1): 404 Not Found" in out
