"""Guidance votes and error reports are limited per client address in the shared cache (CACHE_URL)."""

from django.core.cache import cache
from django.test import Client

import pytest

from home.models import PageFeedback
from portal.settings.cache_url import cache_config, is_shared
from providers_map.models import ErrorReport
from tests.home.builders import make_guidance, make_hub
from tests.providers_map.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def vote(page, answer="no", address="203.0.113.5"):
    # A new Client each time: the cookie (and so the session) is dropped between votes.
    return Client(REMOTE_ADDR=address).post(page.url + page.reverse_subpage("feedback"), {"helpful": answer})


@pytest.fixture
def page():
    return make_guidance(make_hub(), "Что такое ранняя помощь", slug="what")


def test_a_client_dropping_its_cookie_cannot_stuff_the_votes(page, settings):
    answers = [vote(page) for _ in range(40)]
    assert PageFeedback.objects.get(page=page).not_helpful == settings.PORTAL_VOTES_PER_PAGE == 3
    refused = answers[-1]
    assert refused.status_code == 429
    assert "Ваш ответ не учтён" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    vote(page, address="198.51.100.7")  # another household still counts
    assert PageFeedback.objects.get(page=page).not_helpful == 4


def test_votes_per_day_are_limited_across_pages(settings):
    settings.PORTAL_VOTES_PER_DAY = 4
    hub = make_hub()
    pages = [make_guidance(hub, f"Страница {n}", slug=f"page-{n}") for n in range(6)]
    for page in pages:
        vote(page, "yes")
    assert sum(PageFeedback.objects.values_list("helpful", flat=True)) == 4


def test_limits_live_in_the_cache_that_all_workers_share(page):
    for _ in range(4):
        vote(page)
    assert vote(page).status_code == 429
    cache.clear()  # what every worker sees: the counters are in the cache, not in a process
    assert vote(page).status_code == 302


def test_report_form_limits_count_in_the_cache():
    organisation = OrganisationFactory()
    url = f"/providers/{organisation.slug}/report/"
    data = {"topic": "other", "message": "Телефон не отвечает, исправьте, пожалуйста."}
    statuses = [Client(REMOTE_ADDR="203.0.113.5").post(url, data).status_code for _ in range(7)]
    assert statuses == [303] * 5 + [429] * 2
    assert ErrorReport.objects.count() == 5
    cache.clear()
    assert Client(REMOTE_ADDR="203.0.113.5").post(url, data).status_code == 303


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        (
            "redis://:secret@cache.internal:6379/2",
            "django.core.cache.backends.redis.RedisCache",
            "redis://:secret@cache.internal:6379/2",
        ),
        (
            "rediss://cache.internal:6380/0",
            "django.core.cache.backends.redis.RedisCache",
            "rediss://cache.internal:6380/0",
        ),
        (
            "memcached://m1:11211,m2:11211",
            "django.core.cache.backends.memcached.PyMemcacheCache",
            ["m1:11211", "m2:11211"],
        ),
    ],
)
def test_cache_url_configures_a_shared_cache(url, backend, location):
    config = cache_config(url)
    assert (config["BACKEND"], config["LOCATION"]) == (backend, location)
    assert is_shared(config)


def test_without_cache_url_the_cache_is_per_process_and_unknown_schemes_stop_start_up():
    from django.core.exceptions import ImproperlyConfigured

    assert not is_shared(cache_config(""))
    with pytest.raises(ImproperlyConfigured, match="unknown scheme"):
        cache_config("mongodb://x")
