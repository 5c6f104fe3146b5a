"""Property: every export layout re-imports to the identical registry, and changes nothing at home.

Hypothesis generates registries with varied organisations, services (own ages, concerns, languages,
descriptions), branches (several at one street address), hours, accessibility, coordinates of every source
and none. For each layout: export → re-import into the same registry (dry run and real run: 0 changes) →
import into an empty registry → the same registry → export again: the same file.
"""

import datetime as dt
import io
import zipfile
from decimal import Decimal

from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.exchange import exporting
from providers_map.exchange.exporting import hsds_package
from providers_map.exchange.importing.pipeline import run_import
from providers_map.models import Location, Organisation, Service
from tests.providers_map.exchange.importing.helpers import registry_snapshot
from tests.providers_map.factories import valid_inn

pytestmark = pytest.mark.django_db

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯabcXYZ0123456789"
PUNCTUATION = " «»\"'-,.:;()№=+@/!?"
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)
phrase = st.lists(words, min_size=1, max_size=5).map(" ".join)


@st.composite
def free_text(draw, lines=False, empty=False):
    """Realistic text: words and punctuation (formula characters included), trimmed."""
    parts = draw(st.lists(st.tuples(phrase, st.sampled_from(PUNCTUATION)), min_size=0 if empty else 1, max_size=4))
    text = " ".join(word + mark for word, mark in parts).strip()
    if lines and draw(st.booleans()):
        text = text + "\n" + draw(phrase)
    return text.strip()


HOURS = [
    {},
    {d: [["09:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")},
    {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "sat": [["10:00", "14:00"]]},
    {d: [["00:00", "24:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
]
PLACES = [("Новосибирск", "54"), ("Бердск", "54"), ("с. Неизвестное-Тестовое", "54"), ("Казань", "16")]
ADDRESSES = ["ул. Ленина, 1", "ул. Ленина, 2", "пр. Мира, 10"]
ACCESSIBILITY = [code for code, _ in Location.ACCESSIBILITY_FEATURES]
DELIVERY = [code for code, _ in Location.DELIVERY_MODES]


@st.composite
def locations(draw):
    found, keys = [], set()
    for _ in range(draw(st.integers(0, 3))):
        locality, region = draw(st.sampled_from(PLACES))
        name = draw(st.sampled_from(["", "", "Филиал № 2", "Пункт в поликлинике"]))
        address = draw(st.sampled_from(ADDRESSES))
        point = None
        if draw(st.integers(0, 3)):
            point = (
                Decimal(draw(st.integers(54_000_000, 56_000_000))) / 1_000_000,
                Decimal(draw(st.integers(82_000_000, 84_000_000))) / 1_000_000,
            )
        key = (locality, address, name)
        # Two locations at one address are two points: both need their own coordinates.
        if key in keys and (point is None or any(p is None or p == point for k, p in found_points(found, key))):
            continue
        keys.add(key)
        found.append(
            {
                "name": name,
                "address": address,
                "locality": locality,
                "region": region,
                "postcode": draw(st.sampled_from(["", "630099"])),
                "point": point,
                "source": draw(st.sampled_from(["editor", "import", "gazetteer"])) if point else "",
                "approximate": draw(st.booleans()) if point else False,
                "hours": draw(st.sampled_from(HOURS)),
                "accessibility": draw(st.lists(st.sampled_from(ACCESSIBILITY), unique=True, max_size=3)),
                "delivery_modes": draw(st.lists(st.sampled_from(DELIVERY), unique=True, max_size=3)),
            }
        )
    return found


def found_points(found, key):
    return [(key, loc["point"]) for loc in found if (loc["locality"], loc["address"], loc["name"]) == key]


@st.composite
def services(draw):
    specs = []
    for _ in range(draw(st.integers(0, 4))):
        age_min = draw(st.sampled_from([0, 0, 6, 12, 24]))
        spec = (
            draw(st.integers(0, 50)),  # service type index
            age_min,
            draw(st.sampled_from([36, 48, 84, 216]).filter(lambda a, m=age_min: a > m)),
            tuple(sorted(draw(st.sets(st.integers(0, 20), max_size=3)))),  # concern indexes
            tuple(sorted(draw(st.sets(st.integers(0, 10), max_size=2)))),  # language indexes
            draw(free_text(lines=True, empty=True)),
        )
        if spec not in specs:
            specs.append(spec)
    return specs


@st.composite
def organisation(draw, number):
    return {
        "name": draw(free_text()),
        "short_name": draw(st.sampled_from(["", "Центр «Росток»", "=Радуга"])),
        "inn": valid_inn(700 + number),
        "ogrn": draw(st.sampled_from(["", f"10254{number:07d}"])),
        "ownership": draw(st.sampled_from(Organisation.Ownership.values)),
        "sector": draw(st.sampled_from(Organisation.Sector.values)),
        "website": draw(st.sampled_from(["", "https://example.org/centre"])),
        "email": draw(st.sampled_from(["", "info@example.org"])),
        "phones": "\n".join(draw(st.lists(st.sampled_from(["+73832223344", "+79130000001"]), unique=True))),
        "description": draw(free_text(lines=True)),
        "how_to_get_help": draw(free_text(lines=True)),
        "referral_required": draw(st.sampled_from(Organisation.Referral.values)),
        "documents": "\n".join(draw(st.lists(phrase, max_size=3, unique=True))),
        "cost": draw(st.sampled_from(Organisation.Cost.values)),
        "cost_note": draw(free_text(empty=True)),
        "in_official_registry": draw(st.booleans()),
        "verified_at": draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2026, 1, 1))),
        "status": draw(st.sampled_from(Organisation.Status.values)),
        "locations": draw(locations()),
        "services": draw(services()),
    }


registries = st.integers(1, 4).flatmap(lambda n: st.tuples(*[organisation(i) for i in range(n)]))


def ogrn13(body):
    return body + str(int(body) % 11 % 10)


def build(registry):
    types = list(ServiceType.objects.order_by("pk"))
    concerns = list(DevelopmentalConcern.objects.order_by("pk"))
    languages = list(Language.objects.order_by("pk"))
    regions = dict(Region.objects.values_list("code", "pk"))
    now = timezone.now()
    for spec in registry:
        values = {k: v for k, v in spec.items() if k not in ("locations", "services")}
        values["ogrn"] = ogrn13(values["ogrn"]) if values["ogrn"] else ""
        organisation = Organisation(**values, live=True, first_published_at=now, last_published_at=now)
        organisation.save()
        for order, loc in enumerate(spec["locations"]):
            Location.objects.create(
                organisation=organisation,
                sort_order=order,
                name=loc["name"],
                address=loc["address"],
                locality=loc["locality"],
                region_id=regions[loc["region"]],
                postcode=loc["postcode"],
                latitude=loc["point"][0] if loc["point"] else None,
                longitude=loc["point"][1] if loc["point"] else None,
                coordinates_source=loc["source"],
                coordinates_approximate=loc["approximate"],
                opening_hours={
                    day: loc["hours"].get(day, []) for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
                },
                accessibility=loc["accessibility"],
                delivery_modes=loc["delivery_modes"],
            )
        for order, (kind, age_min, age_max, concern_ix, language_ix, description) in enumerate(spec["services"]):
            service = Service.objects.create(
                organisation=organisation,
                sort_order=order,
                service_type=types[kind % len(types)],
                age_min_months=age_min,
                age_max_months=age_max,
                description=description,
            )
            service.concerns.set({concerns[i % len(concerns)] for i in concern_ix})
            service.languages.set({languages[i % len(languages)] for i in language_ix})
            service.concerns.commit()
            service.languages.commit()


def xlsx_cells(data):
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


def zip_files(data):
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


# layout: (export, file name, what must be identical, the registry itself is identical after the round trip)
LAYOUTS = {
    "csv": (exporting.export_csv, "registry.csv", lambda data: data, True),
    "xlsx": (exporting.export_xlsx, "registry.xlsx", xlsx_cells, True),
    # HSDS does not carry where coordinates came from, nor an organisation's own facts when it has no service
    # (HSDS keeps them on services): the package itself must come back the same.
    "hsds": (hsds_package.export_hsds_zip, "registry-hsds.zip", zip_files, False),
}


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(registry=registries)
@pytest.mark.slow
def test_every_layout_round_trips_losslessly(registry):
    from wagtail.models import Revision

    for layout, (export, name, comparable, whole_registry) in LAYOUTS.items():
        Organisation.objects.all().delete()
        build(registry)
        before = registry_snapshot()
        first = export()

        preview = run_import(first, name, dry_run=True)
        assert (preview.exit_code, preview.changes) == (0, 0), (
            layout,
            [p.reason for p in preview.problems],
            [
                (p.name, p.changes, p.service_changes, p.location_changes)
                for p in preview.plans
                if p.action != "unchanged"
            ],
        )
        revisions = Revision.objects.count()
        again = run_import(first, name)
        assert again.changes == 0 and Revision.objects.count() == revisions, layout
        assert registry_snapshot() == before, layout

        Organisation.objects.all().delete()
        result = run_import(first, name)
        assert result.exit_code == 0, (layout, [(p.row, p.column, p.reason) for p in result.problems])
        assert result.created == len(registry)
        if whole_registry:
            assert registry_snapshot() == before, layout
        assert comparable(export()) == comparable(first), layout
