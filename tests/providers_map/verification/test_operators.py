"""The operators' view: freshness per region, who was asked and answered, undeliverable addresses, the log."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from core.models import Region
from providers_map.verification import answers, freshness, rounds
from providers_map.verification.models import Message
from tests.providers_map.factories import LocationFactory

from .conftest import entry

pytestmark = pytest.mark.django_db


def test_shares_and_counts_per_region(sink):
    fresh, half_year, stale = entry(days=20), entry(days=250), entry(days=500, email="gone@example.org")
    entry(days=500)
    LocationFactory(organisation=fresh, region=Region.objects.get(code="22"))  # a second region for one entry
    sink.refuse.add("gone@example.org")
    rounds.run_round(rounds.start_round().pk)
    answers.confirm(half_year, Message.objects.get(organisation=half_year), person="Директор")

    table = {row["code"]: row for row in freshness.region_table(timezone.now() - dt.timedelta(days=30))}
    novosibirsk, altai = table["54"], table["22"]
    assert (novosibirsk["total"], novosibirsk["fresh_6"], novosibirsk["fresh_12"]) == (4, 2, 2)
    assert (novosibirsk["share_6"], novosibirsk["share_12"]) == (50, 50)
    assert (novosibirsk["asked"], novosibirsk["answered"], novosibirsk["proposed"], novosibirsk["bounced"]) == (
        3, 1, 0, 1,
    )  # fmt: skip
    assert (altai["total"], altai["share_6"], altai["asked"]) == (1, 100, 0)
    assert list(freshness.undeliverable()) == [stale]


def test_the_operators_pages_list_who_was_asked_and_each_entrys_log(client, sink):
    organisation = entry(days=400, name="Центр «Журнал»")
    rounds.run_round(rounds.start_round().pk)
    answers.confirm(organisation, Message.objects.get(), person="Мария Иванова")
    operator = get_user_model().objects.create_user("operator", "o@example.org", "pw")
    operator.groups.add(Group.objects.get(name="Операторы реестра"))
    client.force_login(operator)
    overview = client.get(reverse("providers_verification:overview")).content.decode()
    assert 'data-region="54"' in overview and "100 % (1)" in overview
    asked = client.get(reverse("providers_verification:list") + "?show=asked&region=54").content.decode()
    assert "Центр «Журнал»" in asked and "info@rostok.example.org" in asked
    log = client.get(reverse("providers_verification:entry_log", args=[organisation.pk])).content.decode()
    assert "Мария Иванова" in log and "подтвердила сведения" in log
    listing = client.get(reverse("wagtailsnippets_providers_map_organisation:list")).content.decode()
    assert reverse("providers_verification:entry_log", args=[organisation.pk]) in listing
    visitor = get_user_model().objects.create_user("visitor", "v@example.org", "pw")
    client.force_login(visitor)
    assert client.get(reverse("providers_verification:overview")).status_code in (302, 403)
