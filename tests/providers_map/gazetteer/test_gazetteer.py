"""The offline gazetteer: tolerant lookup of Russian localities, every region covered, compact data file."""

import pytest

from core.regions import FEDERAL_SUBJECTS
from providers_map import gazetteer


def names(results):
    return [(r["name"], r["region_code"]) for r in results]


@pytest.mark.parametrize(
    "query",
    ["Бердск", "бердск", "БЕРДСК", "  Бердск ", "г. Бердск", "г Бердск", "город Бердск", "Бердск г.", "гор. Бердск"],
)
def test_lookup_tolerates_case_spaces_and_city_prefixes(query):
    best = gazetteer.lookup(query, region_code="54")[0]
    assert best["name"] == "Бердск"
    assert best["region_code"] == "54"
    assert 54.5 < best["lat"] < 55 and 82.9 < best["lon"] < 83.3
    assert best["population"] > 50_000


@pytest.mark.parametrize("query", ["Орел", "орёл", "г. Орел"])
def test_lookup_treats_yo_and_ye_alike(query):
    assert gazetteer.lookup(query)[0]["name"] == "Орёл"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("пос. Линёво", "Линёво"),
        ("посёлок Линево", "Линёво"),
        ("р.п. Линево", "Линёво"),
        ("рп Линёво", "Линёво"),
        ("пгт Линёво", "Линёво"),
        ("п. Линёво", "Линёво"),
    ],
)
def test_lookup_strips_settlement_prefixes(query, expected):
    assert gazetteer.lookup(query, region_code="54")[0]["name"] == expected


def test_village_and_stanitsa_prefixes():
    assert gazetteer.lookup("ст-ца Ханская")[0]["name"] == "Ханская"
    assert gazetteer.lookup("станица Ханская")[0]["name"] == "Ханская"
    assert gazetteer.lookup("с. Белое", region_code="01")[0]["region_code"] == "01"
    assert gazetteer.lookup("село Белое", region_code="01")[0]["name"] == "Белое"


def test_same_region_comes_first_then_bigger_population():
    # Линёво exists in Novosibirsk and Volgograd regions.
    assert names(gazetteer.lookup("Линёво", region_code="34"))[0] == ("Линёво", "34")
    assert names(gazetteer.lookup("Линёво", region_code="54"))[0] == ("Линёво", "54")
    without_region = gazetteer.lookup("Белое", limit=10)
    populations = [r["population"] for r in without_region if r["name"] == "Белое"]
    assert populations == sorted(populations, reverse=True)


def test_exact_match_beats_prefix_match():
    results = gazetteer.lookup("Обь", region_code="54")
    assert results[0]["name"] == "Обь"
    assert all(r["name"].lower().replace("ё", "е").startswith("обь") for r in results)


def test_prefix_lookup_for_typing():
    results = gazetteer.lookup("Новосиб", limit=3)
    assert results[0]["name"] == "Новосибирск"


def test_hyphen_and_space_spellings_are_equal():
    assert gazetteer.lookup("Ростов на Дону")[0]["name"] == "Ростов-на-Дону"
    assert gazetteer.lookup("санкт петербург")[0]["name"] == "Санкт-Петербург"


def test_other_spellings_find_the_locality():
    assert gazetteer.lookup("Ленинград")[0]["name"] == "Санкт-Петербург"


def test_unknown_and_empty_queries_return_nothing():
    assert gazetteer.lookup("Неизвестное-Тестовое") == []
    assert gazetteer.lookup("   ") == []
    assert gazetteer.lookup("г.") == [] or gazetteer.lookup("г.")[0]["name"].lower().startswith("г")


def test_limit_is_respected():
    assert len(gazetteer.lookup("Ново", limit=7)) == 7


def test_locate_needs_the_exact_locality_in_that_region():
    assert gazetteer.locate("г. Бердск", "54")["name"] == "Бердск"
    assert gazetteer.locate("Бердск", "55") is None
    assert gazetteer.locate("Берд", "54") is None


def test_every_federal_subject_has_localities():
    localities = gazetteer.all_localities()
    codes = {loc["region_code"] for loc in localities}
    assert codes == {code for code, _, _ in FEDERAL_SUBJECTS}
    assert len(localities) > 5000
    capitals = {"Москва": "77", "Санкт-Петербург": "78", "Новосибирск": "54", "Казань": "16", "Нарьян-Мар": "83"}
    found = {loc["name"]: loc["region_code"] for loc in localities if loc["name"] in capitals}
    assert found == capitals


def test_coordinates_are_inside_russia_bounding_box():
    for loc in gazetteer.all_localities():
        assert 41 <= loc["lat"] <= 82, loc
        assert 19 <= loc["lon"] <= 180 or -180 <= loc["lon"] <= -168, loc


def test_data_file_is_compact():
    assert gazetteer.DATA_FILE.stat().st_size < 3 * 1024 * 1024
