"""The municipality data: the real files load completely; bad rows are rejected with their line."""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.core.slugs import place_slug
from handbook.region.region_data import DATA, load_region
from tests.helpers import DATA_DAY


def test_the_real_register_loads_completely():
    region = load_region(DATA, DATA_DAY)
    assert region.problems == []
    assert len(region.municipalities) == 179
    assert [(d.slug, len(d.municipalities)) for d in region.districts] == [
        ("stuttgart", 1),
        ("boeblingen", 26),
        ("esslingen", 44),
        ("goeppingen", 38),
        ("ludwigsburg", 39),
        ("rems-murr-kreis", 31),
    ]
    assert sum(d.population for d in region.districts) == 2_779_310
    assert len({m.slug for m in region.municipalities}) == 179
    assert sum(m.kind == "major_district_town" for m in region.municipalities) == 25


def test_slugs_are_stable_ascii():
    assert place_slug("Böblingen") == "boeblingen"
    assert place_slug("Eislingen/Fils") == "eislingen-fils"
    assert place_slug("Weißach im Tal") == "weissach-im-tal"
    # Two municipalities are called Altdorf: their district tells them apart.
    slugs = [m.slug for m in load_region(DATA, DATA_DAY).municipalities]
    assert sorted(slug for slug in slugs if slug.startswith("altdorf")) == [
        "altdorf-boeblingen",
        "altdorf-esslingen",
    ]


def corrupt(tmp_path: Path, name: str, replace: list[tuple[str, str]] | None = None, append: str = "") -> None:
    path = tmp_path / name
    text = path.read_text(encoding="utf-8")
    for old, new in replace or []:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text + append, encoding="utf-8")


def copy_of_data(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_bad_rows_are_reported_with_their_lines(tmp_path: Path):
    data = copy_of_data(tmp_path)
    corrupt(
        data,
        "region/municipalities.csv",
        [(",51483,", ",about 51000,"), ("08115002,081155004002", "0811500X,081155004002")],
    )
    corrupt(
        data, "immigration_offices.csv", append="09999999,stadt-boeblingen,true,Law,https://example.org/,2026-11-01\n"
    )
    corrupt(
        data,
        "immigration_offices.csv",
        [
            ("08115045,stadt-sindelfingen,true", "08115045,stadt-sindelfingen,yes"),
            ("08115021,stadt-herrenberg,", "08115021,stadt-herrenbrg,"),
        ],
    )
    corrupt(data, "region/municipality_postcodes_osm.csv", append="08115045,Sindelfingen,71063\n")
    (data / "municipality_details.yml").write_text(
        '"08115045":\n  website:\n    url: http://www.example.org/\n    source: https://www.example.org/\n'
        "    last_reviewed: 2026-11-01\n  mayor: somebody\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in load_region(data, DATA_DAY).problems]
    assert problems == [
        "data/immigration_offices.csv:11: unknown office 'stadt-herrenbrg' — use an office id of"
        " data/immigration_offices.yml, or add the office there",
        "data/immigration_offices.csv:21: column 'confirmed' is 'yes', not true or false — write true or false",
        "data/municipality_details.yml:3: 'url' is not an https:// address — use the https:// address",
        "data/municipality_details.yml:6: unknown field 'mayor' — use one of: website, citizens_office",
        "data/region/municipality_postcodes_osm.csv:256: postcode 71063 of 08115045 is listed twice (first on line 56)"
        " — remove one of the rows",
        "data/region/municipalities.csv:4: column 'ags' is '0811500X', not an 8-digit municipality key"
        " — write an 8-digit municipality key",
        "data/region/municipalities.csv:5: column 'population' is 'about 51000', not a whole number — write a whole"
        " number",
        "data/immigration_offices.csv:4: unknown municipality key 08115002 — use a key from"
        " data/region/municipalities.csv",
        "data/immigration_offices.csv:181: unknown municipality key 09999999 — use a key from"
        " data/region/municipalities.csv",
        "data/region/municipality_postcodes_osm.csv:38: unknown municipality key 08115002"
        " — use a key from data/region/municipalities.csv",
        f"data/immigration_offices.yml:{office_line(data, 'stadt-sindelfingen')}: office 'stadt-sindelfingen' serves no"
        " municipality — remove it, or name it in the rows of data/immigration_offices.csv for the municipalities it"
        " serves",
        f"data/immigration_offices.yml:{office_line(data, 'stadt-herrenberg')}: office 'stadt-herrenberg' serves no"
        " municipality — remove it, or name it in the rows of data/immigration_offices.csv for the municipalities it"
        " serves",
        "data/immigration_offices.csv: no row for Herrenberg (08115021) — add a row: every municipality needs its"
        " immigration office",
        "data/immigration_offices.csv: no row for Sindelfingen (08115045)"
        " — add a row: every municipality needs its immigration office",
    ]


def office_line(data: Path, office: str) -> int:
    lines = (data / "immigration_offices.yml").read_text(encoding="utf-8").splitlines()
    return lines.index(f"{office}:") + 1


def test_a_day_of_checking_after_today_is_named_in_the_same_words_in_each_file(tmp_path: Path):
    data = copy_of_data(tmp_path)
    corrupt(
        data,
        "immigration_offices.csv",
        [
            (
                "Auslaender_+und+Staatsangehoerigkeitswesen.html,2026-12-02",
                "Auslaender_+und+Staatsangehoerigkeitswesen.html,2999-01-01",
            )
        ],
    )
    (data / "municipality_details.yml").write_text(
        '"08115045":\n  website:\n    url: https://www.example.org/\n    source: https://www.example.org/\n'
        "    last_reviewed: 2999-01-01\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in load_region(data, DATA_DAY).problems]
    expected = "'last_reviewed' 2999-01-01 is in the future — write the day a person actually checked it"
    assert f"data/immigration_offices.csv:3: {expected}" in problems
    assert f"data/municipality_details.yml:5: {expected}" in problems
