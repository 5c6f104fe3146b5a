"""What must be shared between server processes is, on Redis: two production processes (gunicorn, one worker
each) on the test database and the Redis of `make services`. With a cache per process each of these would fail:
the limits would count half, the menus and sites would stay stale for five minutes."""

import re
import uuid
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection

from wagtail.models import Page, Site

import pytest
import redis

from home.demo_site import ensure_site
from home.models import StandardPage
from portal.settings.cache_url import cache_config
from tests.conftest import require_service
from tests.deploy.servers import ProductionServer, production_env

# A group of its own: parallel workers are sent a group whole where its first test stands in the run's order, and
# these tests flush the database, so their group must start among the other flushing tests, last.
pytestmark = pytest.mark.xdist_group("shared-cache")

API_LIMIT = 10
PASSWORD = "correct-horse-battery-staple"
PLACES = "/api/v1/providers/places?" + urlencode({"q": "Бердск"})


@pytest.fixture(autouse=True)
def _committed(committed_demo, transactional_db):
    """The servers see committed data only, so these tests commit theirs and the database is flushed after each:
    with the other tests that flush it, they run last (tests/conftest.py), all three together (the servers
    start once)."""


@pytest.fixture(scope="module")
def cache_prefix():
    """Every key of this module's servers starts with it, so parallel runs sharing the Redis never meet."""
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def servers(django_db_setup, collected_static, redis_url, cache_prefix, tmp_path_factory):
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL, e.g. `make services`")
    # An hour's window: twelve requests never straddle two windows.
    env = production_env(
        collected_static, CACHE_URL=redis_url, CACHE_KEY_PREFIX=cache_prefix, API_RATE_LIMIT=f"{API_LIMIT}/3600"
    )
    env["WEB_CONCURRENCY"] = "1"
    logs = tmp_path_factory.mktemp("servers")
    with ProductionServer(env, name="a", log_dir=logs) as one, ProductionServer(env, name="b", log_dir=logs) as two:
        yield one, two


@pytest.fixture
def shared_cache(redis_url, cache_prefix, settings):
    """Redis, seen with the servers' prefix; this process's own cache is pointed at it too (as an editor's
    process would be). Its keys are removed before and after each test."""
    store = redis.Redis.from_url(redis_url)

    def forget_all():
        for key in store.scan_iter(match=f"{cache_prefix}:*"):
            store.delete(key)

    forget_all()
    settings.CACHES = {"default": cache_config(redis_url, key_prefix=cache_prefix)}
    yield store
    forget_all()


def alternate(servers, count):
    return [servers[number % 2] for number in range(count)]


def test_the_api_limit_counts_the_requests_to_both_processes(servers, shared_cache):
    answers = [server.get(PLACES) for server in alternate(servers, API_LIMIT + 2)]
    assert [answer.status for answer in answers] == [200] * API_LIMIT + [429, 429]
    remaining = [int(answer.headers["X-RateLimit-Remaining"]) for answer in answers[:API_LIMIT]]
    assert remaining == list(range(API_LIMIT - 1, -1, -1))  # one count, whichever process answered
    refused = answers[-1]
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.json()["error"]


def sign_in(server, token, username, password):
    body = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"})
    return server.request(
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={token}",
            "Origin": f"https://127.0.0.1:{server.port}",
        },
    )


def test_five_wrong_passwords_lock_the_account_whichever_process_answered(servers, shared_cache):
    get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD, is_superuser=True, is_staff=True)
    form = servers[0].get("/admin/login/")
    token = re.search(r"csrftoken=([A-Za-z0-9]+)", form.headers["Set-Cookie"]).group(1)
    statuses = [sign_in(server, token, "editor", "wrong").status for server in alternate(servers, 5)]
    assert statuses == [200] * 4 + [429]  # the form again four times, then the lock
    for server in servers:  # the right password, on either process
        locked = sign_in(server, token, "editor", PASSWORD)
        assert locked.status == 429
        assert "Вход временно закрыт" in locked.text
        assert int(locked.headers["Retry-After"]) == 30 * 60


def menu_page(parent, title, slug):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, intro="", body=[], show_in_menus=True))
    page.save_revision().publish()
    return page


def test_menus_and_sites_are_forgotten_in_both_processes_when_one_saves(servers, shared_cache):
    home = ensure_site()
    menu_page(home, "Первый раздел", "first")
    for server in servers:
        assert "Первый раздел" in server.get("/").text
    cached = {key.decode().split(":", 2)[2] for key in shared_cache.scan_iter()}
    assert {"portal:menu-pages", "portal:sites"} <= cached  # the servers keep them in Redis, not in themselves

    menu_page(home, "Второй раздел", "second")  # this process saves: the signal forgets the shared menu
    for server in servers:
        assert "Второй раздел" in server.get("/").text

    spare = Page.get_first_root_node().add_child(
        instance=StandardPage(title="Запасная главная", slug="spare", intro="", body=[])
    )
    spare.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = spare
    site.save()  # the shared site lookup is forgotten
    for server in servers:
        page = server.get("/")
        assert page.status == 200 and "Запасная главная" in page.text
