"""The immigration offices of data/immigration_offices.yml: the real file, and every mistake with its line."""

from __future__ import annotations

from pathlib import Path

from handbook.region.immigration_offices import load_immigration_offices
from handbook.region.region_data import DATA, load_region
from tests.helpers import DATA_DAY


def test_every_office_of_the_real_file_loads_and_serves_someone():
    loaded = load_immigration_offices(DATA, DATA_DAY)
    offices, problems = loaded.offices, loaded.problems
    assert problems == []
    region = load_region(DATA, DATA_DAY)
    assert region.problems == []
    served = {m.immigration_office.office.id for m in region.municipalities}
    assert served == set(offices)
    # The City of Stuttgart, the five district offices and the towns that run their own office.
    assert sum(office.kind == "district_office" for office in offices.values()) == 5
    assert offices["stadt-stuttgart"].kind == "city"
    for office in offices.values():
        for link in (office.page, office.appointment):
            assert link is None or (link.url.startswith("https://") and link.source.startswith("https://"))
        assert bool(office.phone) == bool(office.phone_source)


def test_the_district_lists_decide_who_serves_whom():
    region = load_region(DATA, DATA_DAY)
    office = {m.short_name: m.immigration_office for m in region.municipalities}
    # Ludwigsburg: the towns of the administrative associations around Bietigheim-Bissingen and Vaihingen an der Enz.
    for town in ("Tamm", "Ingersheim"):
        assert office[town].office.id == "stadt-bietigheim-bissingen" and office[town].confirmed, town
    for town in ("Eberdingen", "Oberriexingen", "Sersheim"):
        assert office[town].office.id == "stadt-vaihingen-an-der-enz" and office[town].confirmed, town
    # Göppingen: Eislingen/Fils is a Große Kreisstadt, but the district office serves it.
    assert office["Eislingen/Fils"].office.id == "landratsamt-goeppingen" and office["Eislingen/Fils"].confirmed
    # Esslingen and Böblingen: the associations around Kirchheim, Nürtingen and Herrenberg stay with the district.
    for town in ("Notzingen", "Frickenhausen", "Deckenpfronn"):
        assert office[town].office.kind == "district_office" and office[town].confirmed, town
    # Rems-Murr: no published list yet, so only the two towns whose own pages say so are confirmed.
    rems_murr = [m for m in region.municipalities if m.district_ags == "08119"]
    assert sorted(m.short_name for m in rems_murr if m.immigration_office.confirmed) == ["Backnang", "Schorndorf"]


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "immigration_offices.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_mistake_is_reported_with_its_line(tmp_path: Path):
    text = (
        "good:\n  name: Stadt Gut – Ausländerbehörde\n  kind: town\n  last_reviewed: 2026-12-01\n"  # 1-4
        "Bad_Id:\n  name: x\n  kind: town\n  last_reviewed: 2026-12-01\n"  # 5-8
        "broken:\n  kind: village\n  page:\n"  # 9-11
        "    url: http://www.example.org/\n    source: https://www.example.org/\n"  # 12-13
        "  appointment:\n    kind: phone\n"  # 14-15
        "    url: https://www.example.org/t\n    source: https://www.example.org/t\n"  # 16-17
        "  phone: 0711 1\n  fax: 0711 2\n  last_reviewed: 2999-01-01\n"  # 18-20
        "half:\n  name: Halb\n  kind: town\n  page:\n    url: https://www.example.org/\n"  # 21-25
        "  address: Marktplatz 1\n  address_source: http://www.example.org/\n  last_reviewed: someday\n"  # 26-28
    )
    loaded = load_immigration_offices(write(tmp_path, text), DATA_DAY)
    offices, problems = loaded.offices, loaded.problems
    assert list(offices) == ["good"]
    assert [str(p) for p in problems] == [
        "data/immigration_offices.yml:5: office id 'Bad_Id' is not lower case letters, digits and hyphens"
        " — rename it, e.g. 'landratsamt-boeblingen'",
        "data/immigration_offices.yml:19: unknown field 'fax' in office 'broken'"
        " — use only name, kind, page, appointment, phone, phone_source, address, address_source, last_reviewed",
        "data/immigration_offices.yml:9: office 'broken' has no name — add name: as the office calls itself",
        "data/immigration_offices.yml:10: office 'broken' has kind 'village' — write kind: city, town, district_office",
        "data/immigration_offices.yml:12: 'page' url of office 'broken' is not an https:// address"
        " — use the https:// address of the official page",
        "data/immigration_offices.yml:15: appointment kind 'phone' of office 'broken'"
        " — write kind: booking, form, email, contact",
        "data/immigration_offices.yml:18: office 'broken' has phone and phone_source only together"
        " — write both: the phone as the office's own page states it, and that page",
        "data/immigration_offices.yml:20: office 'broken': 'last_reviewed' 2999-01-01 is in the future"
        " — write the day a person actually checked it",
        "data/immigration_offices.yml:24: 'page' of office 'half' needs exactly url, source — see data/README.md",
        "data/immigration_offices.yml:27: address_source of office 'half' is not an https:// address"
        " — use the office's own https:// page",
        "data/immigration_offices.yml:28: office 'half': last_reviewed 'someday' is not a date"
        " — write the day you checked it, YYYY-MM-DD",
    ]


def test_an_office_written_twice_is_reported_not_replaced(tmp_path: Path):
    text = (
        "a:\n  name: A\n  kind: town\n  last_reviewed: 2026-12-01\n"
        "a:\n  name: B\n  kind: town\n  last_reviewed: 2026-12-01\n"
    )
    loaded = load_immigration_offices(write(tmp_path, text), DATA_DAY)
    offices, problems = loaded.offices, loaded.problems
    assert offices == {}
    assert [str(p) for p in problems] == [
        "data/immigration_offices.yml:5: not valid YAML ('a' is written twice (first on line 1)) — fix the YAML at"
        " this line"
    ]


def test_rows_of_an_office_with_a_mistake_are_not_also_called_unknown(tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    registry = data / "immigration_offices.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            'stadt-herrenberg:\n  name: "Stadt Herrenberg – Ausländerbehörde"\n  kind: town',
            'stadt-herrenberg:\n  name: "Stadt Herrenberg – Ausländerbehörde"\n  kind: village',
            1,
        ),
        encoding="utf-8",
    )
    found = [str(problem) for problem in load_region(data, DATA_DAY).problems]
    assert any("office 'stadt-herrenberg' has kind 'village'" in line for line in found), found
    assert not any("unknown office 'stadt-herrenberg'" in line for line in found)
    registry.write_text("broken: [\n", encoding="utf-8")
    found = [str(problem) for problem in load_region(data, DATA_DAY).problems]
    assert sum("immigration_offices.yml" in line for line in found) == 1
    assert not any("unknown office" in line for line in found)
