"""The visually-impaired mode: its switch at /low-vision/, the cookie, and the page the server renders."""

import pytest

from core.accessibility import COOKIE_NAME, Vision

pytestmark = pytest.mark.django_db


def html_tag(response):
    html = response.content.decode()
    return html[html.index("<html") : html.index(">", html.index("<html")) + 1]


def test_settings_page_offers_every_setting_as_a_plain_form(client):
    response = client.get("/low-vision/?next=/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<form method="post" action="/low-vision/" class="vision-form">' in html
    assert '<input type="hidden" name="next" value="/about/">' in html
    for legend in ("Размер текста", "Цвета", "Интервал между буквами", "Изображения"):
        assert f'<legend class="vision-form__legend">{legend}</legend>' in html
    for label in ("Чёрный на белом", "Белый на чёрном", "Тёмно-синий на голубом", "Коричневый на бежевом"):
        assert label in html
    assert html.count('type="radio"') == 3 + 4 + 3 + 2


def test_switching_on_returns_to_the_page_and_the_server_applies_the_mode(client):
    response = client.post("/low-vision/", {"mode": "on", "next": "/low-vision/?x=1"})
    assert response.status_code == 303 and response["Location"] == "/low-vision/?x=1"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "s1.cbw.l0.i1"
    assert cookie["samesite"] == "Lax" and cookie["httponly"] and int(cookie["max-age"]) == 365 * 24 * 3600

    page = client.get("/low-vision/")
    assert html_tag(page) == '<html lang="ru" class="vi vi-size-1 vi-scheme-bw vi-spacing-0">'
    html = page.content.decode()
    assert "/static/css/vision.css" in html
    assert 'class="vi-panel"' in html and "Обычная версия сайта" in html
    assert "Версия для слабовидящих</button>" not in html  # the header switch gives way to the panel


def test_each_button_changes_one_setting_and_keeps_the_others(client):
    client.post("/low-vision/", {"mode": "on"})
    client.post("/low-vision/", {"size": "3"})
    client.post("/low-vision/", {"scheme": "wb"})
    client.post("/low-vision/", {"spacing": "2"})
    response = client.post("/low-vision/", {"images": "0", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == "s3.cwb.l2.i0"
    assert html_tag(client.get("/low-vision/")) == (
        '<html lang="ru" class="vi vi-size-3 vi-scheme-wb vi-spacing-2 vi-no-images">'
    )


def test_panel_marks_the_current_choices_as_pressed(client):
    client.post("/low-vision/", {"mode": "on", "size": "2", "scheme": "brown"})
    html = client.get("/low-vision/").content.decode()
    panel = html[html.index('class="vi-panel"') : html.index("</section>", html.index('class="vi-panel"'))]
    assert 'name="size" value="2" class="vi-panel__button vi-panel__button--size-2" aria-pressed="true"' in panel
    assert 'name="size" value="1" class="vi-panel__button vi-panel__button--size-1" aria-pressed="false"' in panel
    assert (
        'name="scheme" value="brown" class="vi-panel__button vi-swatch vi-swatch--brown" aria-pressed="true"' in panel
    )
    assert "Коричневый на бежевом" in panel
    settings_page = html[html.index('class="vision-form"') :]
    assert 'id="vision-scheme-brown" value="brown" checked' in settings_page


def test_switching_off_forgets_the_settings(client):
    client.post("/low-vision/", {"mode": "on", "scheme": "blue"})
    response = client.post("/low-vision/", {"mode": "off", "next": "/low-vision/"})
    assert response.cookies[COOKIE_NAME].value == "" and response.cookies[COOKIE_NAME]["max-age"] == 0
    page = client.get("/low-vision/")
    assert html_tag(page) == '<html lang="ru">'
    assert "vision.css" not in page.content.decode()


def test_unknown_values_get_a_russian_message_tied_to_the_field(client):
    response = client.post("/low-vision/", {"scheme": "rainbow", "next": "/about/"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert '<fieldset class="vision-form__group" aria-describedby="vision-scheme-error">' in html
    assert 'id="vision-scheme-error">Выберите корректный вариант.' in html
    assert 'id="vision-scheme-bw" value="bw" checked aria-invalid="true"' in html
    assert COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""])
def test_the_switch_never_redirects_off_the_site(client, target):
    response = client.post("/low-vision/", {"mode": "on", "next": target})
    assert response["Location"] == "/"


@pytest.mark.parametrize("value", ["1", "s9.cbw.l0.i1", "s1.cred.l0.i1", "s1.cbw.l0.i1;x", ""])
def test_a_malformed_cookie_shows_the_standard_version(client, value):
    client.cookies[COOKIE_NAME] = value
    assert html_tag(client.get("/low-vision/")) == '<html lang="ru">'


def test_pages_tell_caches_that_they_depend_on_the_cookie(client):
    assert "Cookie" in client.get("/low-vision/")["Vary"]


def test_cookie_round_trip():
    vision = Vision(True, 2, "blue", 1, False)
    assert Vision.from_cookie(vision.to_cookie()) == vision
    assert Vision.from_cookie(None) == Vision()
