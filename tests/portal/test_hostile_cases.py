"""The requests that answered 500 before (issue 10), each on its own: now a kind 4xx in Russian.

Readers who already have the CSRF cookie (they opened a form before) get the same friendly pages.
"""

from django.test import Client

import pytest

from providers_map.models import ErrorReport
from tests.home.builders import make_guidance, make_hub
from tests.materials.builders import make_document
from tests.providers_map.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

CSRF = "k" * 32  # a well-formed token, as a reader who opened the form has it


def reader_with_csrf_cookie():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF
    return client


def text(response):
    return response.content.decode()


@pytest.fixture
def forms():
    organisation = OrganisationFactory()
    guidance = make_guidance(make_hub(), "Что такое ранняя помощь", slug="what")
    return {
        "report": f"/providers/{organisation.slug}/report/",
        "feedback": guidance.url + guidance.reverse_subpage("feedback"),
        "admin login": "/admin/login/",
    }


def test_huge_range_numbers_on_a_video_are_ignored_not_a_500(client):
    video = make_document("clip.webm", b"0123456789")
    for header in ("bytes=" + "9" * 5000 + "-", "bytes=0-" + "9" * 5000, "bytes=-" + "9" * 4400):
        response = client.get(video.url, HTTP_RANGE=header)
        assert response.status_code == 200  # the whole file, as RFC 9110 allows for a range we cannot serve
        assert b"".join(response.streaming_content) == b"0123456789"
    assert client.get(video.url, HTTP_RANGE="bytes=2-5").status_code == 206


def test_huge_document_ids_get_a_russian_page(client):
    response = client.get("/documents/" + "9" * 4400 + "/clip.webm")
    assert response.status_code == 414
    assert "Слишком длинный адрес" in text(response)
    assert client.get("/documents/" + "9" * 40 + "/clip.webm").status_code == 404


@pytest.mark.parametrize("form", ["report", "feedback", "admin login"])
def test_utf16_form_posts_with_the_csrf_cookie_get_a_russian_400(forms, form):
    body = f"csrfmiddlewaretoken={CSRF}&helpful=yes&username=a&password=b"  # the client encodes it in UTF-16
    response = reader_with_csrf_cookie().post(
        forms[form], body, content_type="application/x-www-form-urlencoded; charset=utf-16"
    )
    assert response.status_code == 400
    assert "Не удалось прочитать запрос" in text(response)
    assert ErrorReport.objects.count() == 0


@pytest.mark.parametrize("form", ["report", "feedback", "admin login"])
def test_too_large_posts_with_the_csrf_cookie_get_the_russian_413_page(forms, form):
    response = reader_with_csrf_cookie().post(
        forms[form], {"csrfmiddlewaretoken": CSRF, "message": "x" * (3 * 1024 * 1024)}
    )
    assert response.status_code == 413
    assert "Сообщение слишком длинное" in text(response)


@pytest.mark.parametrize("length", ["abc", "-1", "1e3", "9" * 40])
def test_non_numeric_content_length_gets_a_russian_400(forms, length):
    for url in (*forms.values(), "/"):
        response = Client().generic("POST", url, b"helpful=yes", CONTENT_TYPE="text/plain", CONTENT_LENGTH=length)
        assert response.status_code == 400, url
        assert "Не удалось прочитать запрос" in text(response)


def test_nul_bytes_in_headers_or_path_are_refused(client):
    assert client.get("/", HTTP_USER_AGENT="a\x00b").status_code == 400
    assert client.get("/providers/%00/").status_code == 400


def test_pages_answer_only_get_head_and_post(client, forms):
    for method in ("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"):
        response = client.generic(method, forms["feedback"].rsplit("feedback/", 1)[0])
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, POST"
        assert "Это действие недоступно" in text(response)


def test_bare_errors_become_russian_pages_and_json_under_the_api(client):
    response = client.post("/healthz")  # require_GET answers an empty 405
    assert response.status_code == 405 and response["Allow"] == "GET"
    assert "Это действие недоступно" in text(response)
    api = client.post("/api/v1/")
    assert api.status_code == 405
    assert set(api.json()) == {"error", "details"}


def test_forged_host_header_gets_the_russian_400_page(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Не удалось прочитать запрос" in text(response)


def test_expired_form_gets_the_russian_csrf_page(forms):
    response = Client(enforce_csrf_checks=True).post(forms["admin login"], {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Форма устарела" in text(response)
