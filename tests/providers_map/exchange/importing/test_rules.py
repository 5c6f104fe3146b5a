"""Each per-row rule of the import on its own (clean_row with the real taxonomies)."""

import datetime as dt
import io
from decimal import Decimal

import pytest

from providers_map.exchange.importing.checks import cross_check
from providers_map.exchange.importing.cleaning import cell_text, clean_row
from providers_map.exchange.importing.columns import column_for_header
from providers_map.exchange.importing.pipeline import map_header
from providers_map.exchange.importing.readers import UnusableInput, detect_encoding, sniff_delimiter
from providers_map.exchange.importing.vocabulary import Vocabulary
from tests.providers_map.factories import valid_inn

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary():
    return Vocabulary.from_db()


def cells(**values):
    base = {
        "name": "АНО «Тест»",
        "inn": valid_inn(500),
        "ownership": "некоммерческая",
        "sector": "образование",
        "description": "Помогаем.",
        "how_to_get_help": "Позвоните.",
        "region": "Новосибирская область",
        "locality": "Новосибирск",
        "address": "ул. Мира, 1",
    }
    base.update(values)
    return base


def reasons(vocabulary, **values):
    clean, problems = clean_row(2, cells(**values), vocabulary)
    return {p.column: p.reason for p in problems}


def test_a_complete_row_is_clean(vocabulary):
    clean, problems = clean_row(2, cells(), vocabulary)
    assert problems == []
    assert clean.organisation["sector"] == "education"
    assert clean.org_key == valid_inn(500)


@pytest.mark.parametrize("column", ["name", "ownership", "sector", "description", "how_to_get_help", "region",
                                    "locality", "address"])  # fmt: skip
def test_required_columns(vocabulary, column):
    assert reasons(vocabulary, **{column: ""}) == {column: "Обязательный столбец не заполнен."}


def test_inn_or_ogrn_is_required(vocabulary):
    assert reasons(vocabulary, inn="") == {"ogrn": "Укажите ИНН или ОГРН: хотя бы один из номеров обязателен."}


@pytest.mark.parametrize(
    "column, value",
    [("inn", "5400000012"), ("inn", "54000000"), ("inn", "54000000AB"), ("ogrn", "1025400000011"), ("ogrn", "12345")],
)
def test_inn_and_ogrn_check_digits(vocabulary, column, value):
    assert column in reasons(vocabulary, **{column: value})


def test_inn_written_as_a_number_gets_its_leading_zero_back(vocabulary):
    # 0105012345 style ИНН of Adygea loses its first zero in a number cell
    body = "010501234"
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    inn = body + str(sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10)
    clean, problems = clean_row(2, cells(inn=float(int(inn))), vocabulary)
    assert problems == [] and clean.organisation["inn"] == inn


@pytest.mark.parametrize(
    "lat, lon, ok",
    [
        ("55.03", "82.92", True),
        ("55,03", "82,92", True),
        (55.03, 82.92, True),
        ("64.73", "-177.5", True),  # Chukotka across the antimeridian
        ("82.92", "55.03", False),  # swapped
        ("10", "82", False),
        ("55.03", "", False),
        ("север", "82", False),
        ("NaN", "82", False),
    ],
)
def test_coordinates_inside_russia(vocabulary, lat, lon, ok):
    problems = reasons(vocabulary, latitude=lat, longitude=lon)
    assert (problems == {}) is ok, problems


def test_phone_email_and_website(vocabulary):
    clean, problems = clean_row(2, cells(phones="8 383 222-33-44, +7 (913) 000-00-01", email="a@b.ru"), vocabulary)
    assert clean.organisation["phones"] == "+73832223344\n+79130000001"
    found = reasons(vocabulary, phones="+1 202 555 0100", email="a@", website="javascript:alert(1)")
    assert set(found) == {"phones", "email", "website"}
    clean, _ = clean_row(2, cells(website="rostok.example.ru/about"), vocabulary)
    assert clean.organisation["website"] == "https://rostok.example.ru/about"


def test_taxonomy_values_by_name_slug_or_code(vocabulary):
    clean, problems = clean_row(
        2,
        cells(
            services="iprp; Консультирование семьи; КОНСУЛЬТИРОВАНИЕ СЕМЬИ",
            concerns="autism; Нарушения слуха",
            languages="tt; Русский жестовый язык",
            region="54",
            ownership="nonprofit",
            status="временно не работает",
            referral_required="Зависит от услуги",
            cost="платно",
        ),
        vocabulary,
    )
    assert problems == []
    assert len(clean.services) == 2
    assert clean.organisation["status"] == "temporarily_closed"
    assert clean.organisation["referral_required"] == "depends"
    assert clean.organisation["cost"] == "paid"


@pytest.mark.parametrize(
    "column, value",
    [
        ("services", "иппотерапия"),
        ("concerns", "непоседливость"),
        ("languages", "эльфийский"),
        ("region", "Северный край"),
        ("ownership", "частная"),
        ("sector", "спорт"),
        ("status", "на ремонте"),
        ("cost", "договорная"),
        ("referral_required", "иногда"),
        ("accessibility", "лифт; вертолётная площадка"),
        ("delivery_modes", "по почте"),
        ("in_official_registry", "может быть"),
    ],
)
def test_unknown_values_are_rejected_with_the_value(vocabulary, column, value):
    clean, problems = clean_row(7, cells(**{column: value}), vocabulary)
    assert clean is None
    assert [(p.row, p.column) for p in problems] == [(7, column)]


def test_region_names_tolerate_case_dashes_and_yo(vocabulary):
    for text in ("республика северная осетия - алания", "Республика Северная Осетия — Алания", "15"):
        clean, problems = clean_row(2, cells(region=text, locality="Владикавказ"), vocabulary)
        assert problems == [], text


def test_dates(vocabulary):
    for value in (dt.date(2026, 1, 5), dt.datetime(2026, 1, 5, 0, 0), "05.01.2026", "2026-01-05"):
        clean, problems = clean_row(2, cells(verified_at=value), vocabulary)
        assert clean.organisation["verified_at"] == dt.date(2026, 1, 5), value
    assert "verified_at" in reasons(vocabulary, verified_at="31.02.2026")
    assert "verified_at" in reasons(vocabulary, verified_at=dt.date.today() + dt.timedelta(days=2))


def test_opening_hours_text(vocabulary):
    clean, _ = clean_row(2, cells(opening_hours="Пн-Пт 09:00-18:00; Сб 10:00-14:00"), vocabulary)
    assert clean.location["opening_hours"]["fri"] == [["09:00", "18:00"]]
    assert clean.location["opening_hours"]["sun"] == []
    assert "opening_hours" in reasons(vocabulary, opening_hours="Пн-Пт 25:00-18:00")


def test_ages(vocabulary):
    assert "age_max_months" in reasons(vocabulary, services="iprp", age_min_months="24", age_max_months="12")
    assert "age_min_months" in reasons(vocabulary, services="iprp", age_min_months="-1")
    assert "age_max_months" in reasons(vocabulary, services="iprp", age_max_months="300")


def test_postcode_and_lengths(vocabulary):
    assert "postcode" in reasons(vocabulary, postcode="63000")
    assert "name" in reasons(vocabulary, name="Ц" * 501)


def test_formula_guard_is_removed_but_ordinary_apostrophes_stay():
    assert cell_text("'=SUM(A1)") == "=SUM(A1)"
    assert cell_text("'+7 383 200-00-00") == "+7 383 200-00-00"
    assert cell_text("'Радуга'") == "'Радуга'"
    assert cell_text(5406123451.0) == "5406123451"
    assert cell_text(55.0302) == "55.0302"


def test_duplicates_and_conflicts(vocabulary):
    rows = [
        clean_row(2, cells(), vocabulary)[0],
        clean_row(3, cells(address="ул. Мира, 1"), vocabulary)[0],
        clean_row(4, cells(address="ул. Мира, 2"), vocabulary)[0],
        clean_row(5, cells(inn=valid_inn(501), address="ул. Мира, 3", sector="здравоохранение"), vocabulary)[0],
        clean_row(6, cells(inn=valid_inn(501), address="ул. Мира, 4"), vocabulary)[0],
    ]
    accepted, problems = cross_check(rows)
    assert [r.row for r in accepted] == [2, 4]
    found = {(p.row, p.column) for p in problems}
    assert found == {(3, "address"), (5, "sector"), (6, "sector")}


def test_header_rules():
    assert column_for_header("  ИНН* ") == "inn"
    assert column_for_header("населенный пункт") == "locality"
    with pytest.raises(UnusableInput, match="дважды"):
        map_header(["ИНН", "инн"])
    with pytest.raises(UnusableInput, match="ИНН / ОГРН"):
        map_header(["Полное наименование", "Форма собственности", "Ведомство", "Описание", "Как получить помощь",
                    "Регион", "Населённый пункт", "Адрес"])  # fmt: skip


def test_encoding_and_delimiter_detection():
    text = "Полное наименование;ИНН"
    assert detect_encoding(io.BytesIO(text.encode("cp1251"))) == "cp1251"
    assert detect_encoding(io.BytesIO(text.encode("utf-8"))) == "utf-8"
    assert detect_encoding(io.BytesIO(b"\xef\xbb\xbf" + text.encode("utf-8"))) == "utf-8-sig"
    assert detect_encoding(io.BytesIO(text.encode("utf-16"))) == "utf-16"
    assert sniff_delimiter("a,b;c;d\n1,2") == ";"
    assert sniff_delimiter('"Возраст от, мес.",b\n') == ","


def test_coordinates_are_rounded_to_six_places(vocabulary):
    clean, _ = clean_row(2, cells(latitude="55.03020444", longitude="82.9204"), vocabulary)
    assert clean.location["latitude"] == Decimal("55.030204")


def test_the_template_examples_are_a_valid_row(vocabulary):
    from providers_map.exchange.importing.columns import COLUMNS

    example = {column.key: column.example for column in COLUMNS}
    clean, problems = clean_row(2, example, vocabulary)
    assert problems == [], [(p.column, p.reason) for p in problems]


def test_the_format_document_lists_every_column():
    from pathlib import Path

    from providers_map.exchange.importing.columns import COLUMNS

    text = (Path(__file__).resolve().parents[4] / "docs" / "import-format.md").read_text(encoding="utf-8")
    missing = [column.header for column in COLUMNS if f"| {column.header} |" not in text]
    assert missing == []
