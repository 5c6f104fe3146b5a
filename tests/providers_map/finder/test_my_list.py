"""«Мой список»: saved on the device without an account (plain forms work without JavaScript), shared by link."""

import re
from urllib.parse import unquote

from django.test import Client

import pytest

from providers_map.mylist import COOKIE, MAX_ITEMS
from tests.providers_map.finder.data import small_registry, use_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_backend(settings):
    use_backend(settings, "database")


@pytest.fixture
def registry():
    return small_registry()


def save(client, organisation, action="add", next_url="/providers/?where=Бердск", **extra):
    data = {"organisation": organisation.pk, "action": action, "next": next_url}
    return client.post("/providers/my-list/", data, **extra)


def test_saving_without_javascript_returns_to_the_search(client, registry):
    semya = registry["semya"].organisation
    response = save(client, semya)
    assert response.status_code == 303
    assert unquote(response["Location"]) == "/providers/?where=Бердск"
    assert client.cookies[COOKIE].value == str(semya.pk)
    page = client.get("/providers/", {"where": "Бердск"}).content.decode()
    card = page[page.index(f'id="place-{registry["semya"].pk}"') :]
    assert "Убрать из списка" in card[: card.index("</li>")]
    assert "Мой список <span data-mylist-count>(1)</span>" in page


def test_saving_with_javascript_gets_json(client, registry):
    response = save(client, registry["berdsk"].organisation, HTTP_ACCEPT="application/json")
    assert response.json() == {"saved": True, "count": 1, "full": False}
    response = save(client, registry["berdsk"].organisation, action="remove", HTTP_ACCEPT="application/json")
    assert response.json() == {"saved": False, "count": 0, "full": False}


def test_the_list_page_shows_phones_addresses_and_a_share_link(client, registry):
    for key in ("semya", "iskitim"):
        save(client, registry[key].organisation)
    page = client.get("/providers/my-list/").content.decode()
    assert "Центр «Семья»" in page and "Фонд «Солнышко»" in page
    assert 'href="tel:+73832223344"' in page
    assert "Искитим" in page and "Пн-Вс круглосуточно" in page
    ids = f"{registry['semya'].organisation.pk}.{registry['iskitim'].organisation.pk}"
    assert f'value="http://testserver/providers/my-list/?ids={ids}"' in page
    assert "Распечатать список" in page  # the button appears with JavaScript; print styles hide the forms


def test_a_shared_link_shows_the_list_and_can_be_saved(client, registry):
    ids = f"{registry['moscow'].organisation.pk}.{registry['berdsk'].organisation.pk}"
    relative = Client()
    page = relative.get("/providers/my-list/", {"ids": ids}).content.decode()
    assert "Список организаций, которым с вами поделились" in page
    assert page.index("Центр «Ёлочка»") < page.index("КЦСОН Бердска")  # the sender's order
    response = relative.post("/providers/my-list/", {"action": "add", "ids": ids, "next": "/providers/my-list/"})
    assert response.status_code == 303
    assert relative.cookies[COOKIE].value == ids


def test_remove_and_clear(client, registry):
    for key in ("semya", "iskitim", "moscow"):
        save(client, registry[key].organisation)
    save(client, registry["iskitim"].organisation, action="remove")
    assert client.cookies[COOKIE].value == f"{registry['semya'].organisation.pk}.{registry['moscow'].organisation.pk}"
    client.post("/providers/my-list/", {"action": "clear", "next": "/providers/my-list/"})
    assert client.cookies[COOKIE].value == ""
    assert "Список пуст" in client.get("/providers/my-list/").content.decode()


def test_only_published_providers_can_be_saved_and_bad_input_is_ignored(client, registry):
    from providers_map.models import Organisation

    draft = Organisation.objects.get(name="Черновик")
    assert save(client, draft).status_code == 303
    assert COOKIE not in client.cookies or client.cookies[COOKIE].value == ""
    for data in ({"organisation": "abc", "action": "add"}, {"organisation": "1", "action": "steal"}, {}):
        assert client.post("/providers/my-list/", data).status_code == 303
    client.cookies[COOKIE] = "1.2.<script>"
    assert client.get("/providers/my-list/").status_code == 200
    page = client.get("/providers/my-list/", {"ids": "../../etc"}).content.decode()
    assert "Ссылка повреждена" in page


def test_next_must_stay_on_this_site(client, registry):
    response = save(client, registry["semya"].organisation, next_url="https://evil.example/")
    assert response["Location"] == "/providers/my-list/"


def test_the_list_is_capped(client, registry):
    ids = ".".join(str(n) for n in range(1, MAX_ITEMS + 20))
    client.cookies[COOKIE] = ids
    save(client, registry["semya"].organisation)
    assert len(client.cookies[COOKIE].value.split(".")) <= MAX_ITEMS


def test_saving_needs_the_form_token(registry):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/providers/my-list/", {"organisation": registry["semya"].organisation.pk, "action": "add"})
    assert response.status_code == 403
    page = strict.get("/providers/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(
        "/providers/my-list/",
        {"organisation": registry["semya"].organisation.pk, "action": "add", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 303
