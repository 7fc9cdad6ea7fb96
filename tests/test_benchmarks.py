"""The benchmark compares like with like: the stock project has the same content, undone configuration."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.scale import copies_for, scaled_project
from benchmarks.stock import write_stock_project
from handbook.pipeline.build import PROJECT
from handbook.region.region_data import load_region
from handbook.region.welcome_pack import appointment_page


def test_stock_project_has_every_page_of_every_language_and_a_stock_configuration(tmp_path: Path):
    config_file = write_stock_project(PROJECT, tmp_path, "http://127.0.0.1:8001/")
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    assert config["plugins"][0] == "search"
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    assert "build_only_locale" not in i18n and i18n["reconfigure_search"] is True
    assert "navigation.prune" not in config["theme"]["features"]
    docs = tmp_path / "docs"
    towns = len(load_region().municipalities)
    assert len(list(docs.glob("municipalities/*.md"))) == 8 * towns + 8  # plus the index in 8 languages
    packs = sorted(docs.glob("employers/welcome-pack/*.md"))
    assert len(packs) == 8 * towns
    pack = packs[0].read_text(encoding="utf-8")  # the stock build gets the QR codes and checklist in its markdown
    first = next(m for m in load_region().municipalities if m.slug == packs[0].name.split(".")[0])
    codes = 2 + (appointment_page(first) is not None)  # its page, the checklist, the immigration office's page
    assert "<!-- handbook:" not in pack
    assert pack.count("<svg") == codes and "handbook-pack-checklist" in pack
    assert (docs / "glossary.md").is_file() and (docs / "glossary.ar.md").is_file()
    assert (docs / "assets" / "municipalities.json").is_file()


def test_scaled_project_copies_every_guide_in_every_language_outside_the_navigation(tmp_path: Path):
    scaled = scaled_project(PROJECT, tmp_path / "scaled", copies=2)
    guides = [p.name for p in (PROJECT / "docs" / "topics").glob("*.md") if not p.name.startswith("index.")]
    copies = sorted(p.name for p in (scaled / "docs" / "topics").glob("scale-*.md"))
    assert copies == sorted(f"scale-{n:04d}-{name}" for n in (1, 2) for name in guides)
    assert "not_in_nav: |\n  /topics/scale-*\n" in (scaled / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_plan_figure_counts_its_script_and_the_heaviest_languages_rules(built_site: Path, languages):
    from benchmarks.bench import compressed, plan_bytes

    codes = [lang.code for lang in languages]
    size, worst = plan_bytes(built_site, codes)
    script = compressed((built_site / "en" / "assets" / "javascripts" / "plan.js").read_bytes())
    assert worst in codes and size > script


def test_the_scale_curve_reaches_its_sizes_whatever_the_number_of_guides(tmp_path: Path):
    topics = tmp_path / "docs" / "topics"
    topics.mkdir(parents=True)
    for name in ("index.md", "a.md", "a.de.md", "b.md"):  # two guides, one translated
        (topics / name).write_text("# x\n", encoding="utf-8")
    assert copies_for(1, 1000, tmp_path, 8) == 0
    assert copies_for(10, 1000, tmp_path, 8) == 562  # 9,000 added pages, 16 per copy (2 guides in 8 languages)
    real = copies_for(10, 3180, PROJECT, 8)
    guides = len([p for p in (PROJECT / "docs" / "topics").glob("*.md") if p.suffixes == [".md"]]) - 1
    assert abs(3180 + real * guides * 8 - 31_800) <= guides * 8
