"""Welcome-pack QR codes: drawn once, kept between builds, never stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.region import welcome_pack
from handbook.region.welcome_pack import QrCache, qr_svg

URL = "https://example.org/de/municipalities/adelberg/"


def test_a_second_build_takes_its_codes_from_the_cache_and_keeps_only_what_it_used(tmp_path: Path, monkeypatch):
    path = tmp_path / ".cache" / "qr-codes.de.json"
    first = QrCache(path)
    drawn = first.get(URL, "Ihre Gemeinde")
    first.get("https://example.org/de/old/", "Alt")
    first.save()
    assert drawn == qr_svg(URL, "Ihre Gemeinde") and drawn.startswith("<svg")

    def no_drawing(url: str, title: str) -> str:
        raise AssertionError(f"drew {url} again")

    monkeypatch.setattr(welcome_pack, "qr_svg", no_drawing)
    second = QrCache(path)
    assert second.get(URL, "Ihre Gemeinde") == drawn
    second.save()
    assert [key.rsplit("\n", 2)[1:] for key in json.loads(path.read_text(encoding="utf-8"))] == [[URL, "Ihre Gemeinde"]]


def test_codes_drawn_with_other_settings_are_not_used(tmp_path: Path, monkeypatch):
    path = tmp_path / "qr-codes.de.json"
    cache = QrCache(path)
    cache.get(URL, "Ihre Gemeinde")
    cache.save()
    monkeypatch.setitem(welcome_pack._SVG_OPTIONS, "scale", 4)
    monkeypatch.setattr(welcome_pack, "qr_svg", lambda url, title: "<svg>drawn again</svg>")
    assert QrCache(path).get(URL, "Ihre Gemeinde") == "<svg>drawn again</svg>"


@pytest.mark.parametrize("content", ["", "{not json", "[]"])
def test_a_damaged_cache_file_is_drawn_again(tmp_path: Path, content: str):
    path = tmp_path / "qr-codes.de.json"
    path.write_text(content, encoding="utf-8")
    cache = QrCache(path)
    assert cache.get(URL, "Ihre Gemeinde") == qr_svg(URL, "Ihre Gemeinde")
    cache.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 1
