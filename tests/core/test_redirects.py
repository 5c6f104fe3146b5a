"""Editors' redirects move readers from an old page address to the new one; the API's addresses are its own."""

from wagtail.contrib.redirects.models import Redirect

import pytest

pytestmark = pytest.mark.django_db


def test_an_old_page_address_redirects_where_the_editor_said(client):
    Redirect.objects.create(old_path=Redirect.normalise_path("/rannyaya-pomoshch/"), redirect_link="/parents/")
    response = client.get("/rannyaya-pomoshch/")
    assert response.status_code == 301 and response["Location"] == "/parents/"


def test_an_unknown_api_address_stays_the_apis_json_404_even_with_a_redirect(client):
    Redirect.objects.create(old_path=Redirect.normalise_path("/api/v1/providers/old-centre"), redirect_link="/")
    response = client.get("/api/v1/providers/old-centre")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json") and "error" in response.json()
