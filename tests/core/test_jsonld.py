"""One JSON-LD tag for every page: the data reaches search engines exactly, and cannot end the <script>."""

import json
import re

from django.template import Context, Template

import pytest

from tests.providers_map.factories import LocationFactory, OrganisationFactory

HOSTILE = "Центр </script><script>alert(1)</script> & «Радуга»\u2028строка\u2029абзац"


def scripts(html):
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)


def test_tag_escapes_markup_and_line_separators_but_keeps_the_data():
    html = Template("{% load jsonld %}{% json_ld data %}").render(Context({"data": {"name": HOSTILE, "n": 1}}))
    [payload] = scripts(html)
    assert "</script>" not in payload and "<" not in payload and "&" not in payload
    assert "\u2028" not in payload and "\u2029" not in payload
    assert "\\u2028" in payload and "\\u003C/script\\u003E" in payload
    assert "Центр" in payload  # Cyrillic stays readable UTF-8
    assert json.loads(payload) == {"name": HOSTILE, "n": 1}


def test_tag_renders_nothing_without_data():
    assert Template("{% load jsonld %}{% json_ld data %}").render(Context({"data": None})) == ""


@pytest.mark.django_db
def test_provider_page_json_ld_escapes_line_separators(client):
    organisation = OrganisationFactory(description=HOSTILE)
    LocationFactory(organisation=organisation)
    [payload] = scripts(client.get(organisation.get_absolute_url()).content.decode())
    assert "\u2028" not in payload and "\\u2029" in payload
    assert json.loads(payload)["description"] == HOSTILE
