"""The demo registry: realistic Novosibirsk-region entries, idempotent, usable in the admin and on the site."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Revision

import pytest

from providers_map import demo
from providers_map.models import ErrorReport, Organisation
from providers_map.validators import inn_is_valid, ogrn_is_valid

pytestmark = pytest.mark.django_db


class Ctx:
    def __init__(self, providers=0):
        self.providers = providers
        self.messages = []

    def log(self, message):
        self.messages.append(message)


def snapshot():
    return [
        (
            org.import_key,
            org.name,
            org.slug,
            org.live,
            org.has_unpublished_changes,
            org.verified_at,
            org.updated_at,
            [
                (loc.locality, loc.address, loc.latitude, loc.longitude, loc.opening_hours)
                for loc in org.locations.all()
            ],
            [
                (s.service_type.slug, s.age_min_months, s.age_max_months, sorted(c.slug for c in s.concerns.all()))
                for s in org.services.all()
            ],
        )
        for org in Organisation.objects.order_by("import_key")
    ] + [ErrorReport.objects.count(), Revision.objects.filter(content_type__model="organisation").count()]


@pytest.fixture
def registry(demo_site):
    """The demo registry as `load_demo` loaded it for the session (tests/conftest.py: `committed_demo`)."""
    return Organisation.objects.filter(import_key__in=[demo.demo_ogrn(spec["n"]) for spec in demo.ORGANISATIONS])


def test_demo_is_a_realistic_novosibirsk_registry(registry):
    assert 15 <= registry.count() <= 25
    assert Organisation.objects.count() == registry.count()  # `load_demo` adds nothing else to the registry
    names = " ".join(registry.values_list("name", flat=True))
    for named_in_the_report in ("«Семья»", "«Вера»", "«Рассвет»", "«Солнце в ладошках»", "«ИНТЕГРАЦИЯ»", "«Олеся»"):
        assert named_in_the_report in names
    assert set(registry.values_list("ownership", flat=True)) == {"state", "municipal", "nonprofit"}
    assert {"social", "health", "other"} <= set(registry.values_list("sector", flat=True))
    for org in registry:
        org.full_clean()  # every entry passes the editors' validation
        assert inn_is_valid(org.inn) and ogrn_is_valid(org.ogrn)
        assert org.locations.exists() and org.services.exists()
        for location in org.locations.all():
            assert location.region.code == "54" and location.has_coordinates
    tagged = [s for org in registry for s in org.services.all() if s.concerns.exists()]
    assert len(tagged) >= 10
    assert "russian-sign" in {lang.slug for org in registry for s in org.services.all() for lang in s.languages.all()}
    localities = {loc.locality for org in registry for loc in org.locations.all()}
    assert {"Новосибирск", "Бердск", "р.п. Сузун", "Карасук"} <= localities


def test_demo_has_drafts_stale_entries_and_reports(registry):
    assert registry.filter(live=False).count() == 1
    assert registry.filter(live=True, has_unpublished_changes=True).count() == 1
    assert Organisation.objects.public().count() == registry.count() - 1
    assert 3 <= registry.stale().count() <= 5
    assert registry.filter(status="temporarily_closed").count() == 1
    assert ErrorReport.objects.filter(status="new").count() == 2


def test_demo_is_idempotent(registry):
    before = snapshot()
    ctx = Ctx()
    demo.build(ctx)
    assert snapshot() == before
    assert "0 Novosibirsk-region organisations added" in ctx.messages[0]


def test_synthetic_providers_are_delegated_when_requested(registry, monkeypatch):
    calls = []
    try:
        import providers_map.demo_synthetic as synthetic
    except ModuleNotFoundError:
        pytest.skip("providers_map.demo_synthetic is not in this tree")
    monkeypatch.setattr(synthetic, "build_synthetic", lambda ctx, n: calls.append(n))
    demo.build(Ctx(providers=7))
    assert calls == [7]


def test_demo_entries_open_in_the_admin_and_on_the_site(client, registry):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    listing = client.get(reverse("wagtailsnippets_providers_map_organisation:list"))
    assert listing.status_code == 200
    for org in registry:
        edit = client.get(reverse("wagtailsnippets_providers_map_organisation:edit", args=[org.pk]))
        assert edit.status_code == 200
        public = client.get(org.get_absolute_url())
        assert public.status_code == (200 if org.live else 404)
