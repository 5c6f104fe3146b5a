"""«Где вы?»: localities and regions from the offline gazetteer in any case, with ё/е and prepositions."""

import pytest

from providers_map import gazetteer
from providers_map.gazetteer.phrases import suggest


def best(text, **kwargs):
    results = suggest(text, **kwargs)
    return (results[0]["kind"], results[0]["name"], results[0]["region_code"]) if results else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Бердск", ("locality", "Бердск", "54")),
        ("в Бердске", ("locality", "Бердск", "54")),
        ("В БЕРДСКЕ", ("locality", "Бердск", "54")),
        ("из Бердска", ("locality", "Бердск", "54")),
        ("около г. Бердска", ("locality", "Бердск", "54")),
        ("в Приморско-Ахтарске", ("locality", "Приморско-Ахтарск", "23")),
        ("Нижнем Новгороде", ("locality", "Нижний Новгород", "52")),
        ("в Набережных Челнах", ("locality", "Набережные Челны", "16")),
        ("в Орле", ("locality", "Орёл", "57")),
        ("рядом с Краснообском", ("locality", "Краснообск", "54")),
        ("в Санкт-Петербурге", ("locality", "Санкт-Петербург", "78")),
        ("в Новосибирской области", ("region", "Новосибирская область", "54")),
        ("Новосибирская обл.", ("region", "Новосибирская область", "54")),
        ("Татарстан", ("region", "Республика Татарстан", "16")),
        ("в Москве", ("locality", "Москва", "77")),
    ],
)
def test_places_in_any_form(text, expected):
    assert best(text) == expected


def test_typing_the_beginning_suggests_bigger_places_first():
    names = [item["name"] for item in suggest("Новосиб")]
    assert names[0] == "Новосибирск"
    assert all(item["rank"] >= 3 for item in suggest("в Берд")), "prefixes rank after exact matches"
    assert "Бердск" in [item["name"] for item in suggest("в Берд")]


def test_a_city_that_is_a_federal_subject_is_offered_once():
    labels = [item["label"] for item in suggest("Москва")]
    assert labels.count("Москва") == 1


def test_suggestions_carry_coordinates_and_a_label_with_the_region():
    item = suggest("Бердск")[0]
    assert item["label"] == "Бердск, Новосибирская область"
    assert 54.5 < item["lat"] < 55 and 82.9 < item["lon"] < 83.3


def test_unknown_places_and_empty_text():
    assert suggest("Неизвестноебурово") == []
    assert suggest("   ") == []
    assert suggest("в") == []


@pytest.mark.parametrize(
    "russian, foreign",
    [
        ("Приморско-Ахтарск", "Прыморска-Ахтарск"),
        ("Урус-Мартан", "Урыс-Мартан"),
        ("Мурмаши", "Мурмашы"),
        ("Ключи", "Ключы"),
        ("Тацинская", "Тацынская"),
    ],
)
def test_gazetteer_names_are_the_russian_spellings(russian, foreign):
    names = {locality["name"] for locality in gazetteer.all_localities()}
    assert russian in names
    assert foreign not in names
    # The other spelling still finds it.
    assert gazetteer.lookup(foreign)[0]["name"] == russian


def test_crimea_uses_russian_not_ukrainian_forms():
    crimea = {locality["name"] for locality in gazetteer.all_localities() if locality["region_code"] == "91"}
    assert {"Мирное", "Черноморское", "Ореанда"} <= crimea
    assert not {"Мирне", "Чорноморське", "Арэанда"} & crimea
