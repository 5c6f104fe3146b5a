"""Every public page has a meta description: the editor's search description, else the page's summary."""

import html as html_lib
import re

import pytest

from core.templatetags.seo import description_of

pytestmark = pytest.mark.django_db


def meta_description(response):
    match = re.search(r'<meta name="description" content="([^"]*)">', response.content.decode())
    return html_lib.unescape(match.group(1)) if match else None


def test_search_description_wins_over_the_summary(demo_site):
    from materials.models import MaterialPage

    material = MaterialPage.objects.live().first()
    material.search_description = "Коротко для поисковиков."
    assert description_of(material) == "Коротко для поисковиков."
    material.search_description = ""
    summary = " ".join(material.summary.split())
    assert description_of(material).startswith(summary[:60])


def test_long_summaries_are_cut_at_160_characters():
    from home.models import StandardPage

    page = StandardPage(title="Длинная", intro="Слово " * 80)
    text = description_of(page)
    assert len(text) <= 160 and text.endswith("…")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/parents/",
        "/parents/signs-2-3-years/",
        "/library/",
        "/library/functional-assessment-lecture/",
        "/about/",
        "/accessibility/",
        "/providers/",
        "/providers/tsentr-raduga/",
        "/providers/tsentr-raduga/report/",
        "/low-vision/",
        "/no-such-page/",
    ],
)
def test_every_page_type_has_a_meaningful_description(client, demo_site, path):
    description = meta_description(client.get(path))
    assert description and len(description) >= 30, (path, description)
    assert len(description) <= 160


def test_guidance_page_without_search_description_uses_its_summary(client, demo_site):
    from home.models import GuidancePage

    page = GuidancePage.objects.live().get(slug="signs-2-3-years")
    page.search_description = ""
    page.save()
    first_point = page.summary[0].value
    assert meta_description(client.get(page.url)).startswith(first_point)


def test_descriptions_are_escaped(client, demo_site):
    from home.models import StandardPage

    page = StandardPage.objects.live().get(slug="about")
    page.search_description = 'Про "портал" <b>и</b> нас'
    page.save()
    raw = client.get(page.url).content.decode()
    assert '<meta name="description" content="Про &quot;портал&quot; &lt;b&gt;и&lt;/b&gt; нас">' in raw
