"""Synthetic providers: deterministic, idempotent, valid, marked and spread over Russia."""

import pytest

from providers_map.demo_synthetic import MARK, build_synthetic
from providers_map.models import Location, Organisation
from providers_map.validators import inn_is_valid, ogrn_is_valid

pytestmark = pytest.mark.django_db


class Ctx:
    seed = 2026

    def __init__(self):
        self.lines = []

    def log(self, text):
        self.lines.append(text)


def fingerprint():
    return [
        (o.slug, o.name, o.inn, o.ownership, sorted((loc.locality, str(loc.latitude)) for loc in o.locations.all()))
        for o in Organisation.objects.order_by("slug").prefetch_related("locations")
    ]


def test_synthetic_providers_are_valid_marked_and_published():
    assert build_synthetic(Ctx(), 300) == 300
    organisations = Organisation.objects.all()
    assert organisations.count() == 300
    assert all(o.is_synthetic and o.live and o.name.endswith(MARK) for o in organisations)
    assert all(inn_is_valid(o.inn) and ogrn_is_valid(o.ogrn) and o.import_key == o.ogrn for o in organisations)
    sample = organisations.order_by("slug")[:20]
    for organisation in sample:
        organisation.full_clean()
        assert organisation.services.count() >= 2
        for location in organisation.locations.all():
            location.full_clean()
    regions = set(Location.objects.values_list("region__code", flat=True))
    assert len(regions) > 40  # spread over Russia, not one region
    assert Organisation.objects.public().count() == 300


def test_same_seed_same_data_and_rerun_adds_nothing():
    build_synthetic(Ctx(), 50)
    first = fingerprint()
    ctx = Ctx()
    assert build_synthetic(ctx, 50) == 0
    assert fingerprint() == first
    Organisation.objects.all().delete()
    build_synthetic(Ctx(), 50)
    assert fingerprint() == first


def test_a_set_written_by_an_older_generator_gets_this_versions_texts():
    build_synthetic(Ctx(), 30)
    first = {o.slug: (o.name, o.description) for o in Organisation.objects.all()}
    Organisation.objects.filter(slug__in=sorted(first)[:25]).update(description="Старое описание")
    ctx = Ctx()
    assert build_synthetic(ctx, 30) == 0
    assert {o.slug: (o.name, o.description) for o in Organisation.objects.all()} == first
    assert any("rewritten" in line for line in ctx.lines)


def test_descriptions_say_what_each_one_offers_and_vary():
    build_synthetic(Ctx(), 40)
    descriptions = list(Organisation.objects.values_list("description", flat=True))
    assert len(set(descriptions)) == 40 and all(d.startswith("Синтетическая запись") for d in descriptions)
    organisation = Organisation.objects.prefetch_related("services__service_type").first()
    assert all(s.service_type.name.lower() in organisation.description for s in organisation.services.all())


def test_growing_n_only_adds():
    build_synthetic(Ctx(), 20)
    first = fingerprint()
    assert build_synthetic(Ctx(), 30) == 10
    assert fingerprint()[:20] == first


def test_concerns_and_languages_are_stored():
    build_synthetic(Ctx(), 100)
    from providers_map.models import Service

    assert Service.objects.filter(concerns__isnull=False).distinct().count() > 10
