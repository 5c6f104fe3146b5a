"""The demo guidance as `make run` loads it: renders, is in the sitemap, reads plainly, is fully translated."""

import re
from pathlib import Path

from django.conf import settings

import pytest

from home.models import GuidanceIndexPage, GuidancePage, StandardPage
from home.readability import get_thresholds

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
OUR_TEMPLATES = [
    TEMPLATES / "home" / "guidance_page.html",
    TEMPLATES / "home" / "guidance_index_page.html",
    *(TEMPLATES / "blocks" / f"{name}.html" for name in ("callout_block", "find_help_block", "questions_block")),
]
MSGID_RE = re.compile(
    r"""{%\s*(?:translate|trans)\s+(?:"([^"]+)"|'([^']+)')|{%\s*blocktranslate[^%]*%}(.*?){%\s*(?:plural|endblocktranslate)"""
)


def ui_msgids():
    msgids = set()
    for template in OUR_TEMPLATES:
        for double, single, block in MSGID_RE.findall(template.read_text(encoding="utf-8")):
            text = double or single or re.split(r"{{.*?}}", block)[0]  # the literal part before the first variable
            if len(text.strip()) > 3:
                msgids.add(text.strip())
    return msgids


def test_demo_has_at_least_twelve_plain_guidance_pages_with_help_nearby(demo_site):
    hub = GuidanceIndexPage.objects.child_of(demo_site).get(slug="parents")
    pages = list(GuidancePage.objects.child_of(hub).live())
    assert len(pages) >= 12
    thresholds = get_thresholds()
    for page in pages:
        report = page.readability()
        assert report.passes(thresholds), (page.slug, report.problems(thresholds))
        assert 1 <= len(page.summary) <= 5
        assert page.is_reviewed and page.reviewed_at
        assert page.topics.exists()
    with_help = [page for page in pages if any(block.block_type == "find_help" for block in page.body)]
    assert len(with_help) == len(pages)
    ages = {age.slug for page in pages for age in page.age_groups.all()}
    assert {"0-6m", "6-12m", "1-2y", "2-3y"} <= ages


def test_every_demo_guidance_page_renders_is_in_the_sitemap_and_translated(client, demo_site):
    msgids = ui_msgids()
    assert {"In brief", "Was this page helpful?", "Topics on this page"} <= msgids
    sitemap = client.get("/sitemap.xml").content.decode()
    hub = GuidanceIndexPage.objects.get(slug="parents")
    pages = [hub, *GuidancePage.objects.child_of(hub).live()]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"{page.url}</loc>" in sitemap, page.url
        untranslated = sorted(msgid for msgid in msgids if msgid in html)
        assert untranslated == [], (page.url, untranslated)
    # find-help links carry filters from the taxonomies; related pages link the demo together
    html = client.get(GuidancePage.objects.get(slug="signs-1-2-years").url).content.decode()
    assert 'href="/providers/?service=communication&amp;age=12"' in html
    html = client.get(GuidancePage.objects.get(slug="what-is-early-care").url).content.decode()
    assert "Читайте также" in html
    assert f'href="{GuidancePage.objects.get(slug="first-visit").url}"' in html


def test_guidance_uses_the_library_video_and_links_library_materials(client, demo_site):
    from materials.models.pages import MaterialPage

    page = GuidancePage.objects.get(slug="activities-at-home")
    video = [block.value for block in page.body if block.block_type == "video"]
    assert len(video) == 1 and video[0]["captions"] and video[0]["transcript"]
    html = client.get(page.url).content.decode()
    assert "<video" in html and 'kind="captions"' in html
    # the player's assets are linked once by the page, not by the block
    assert html.count('src="/static/js/video-transcript.js"') == 1 and html.count('href="/static/css/video.css"') == 1
    without_video = client.get(GuidancePage.objects.get(slug="first-visit").url).content.decode()
    assert "<video" not in without_video and "video-transcript.js" not in without_video
    materials = [item.specific for item in page.related_pages() if isinstance(item.specific, MaterialPage)]
    assert materials and materials[0].for_parents
    assert f'href="{materials[0].url}"' in html


def test_home_page_routes_the_audiences_and_privacy_page_exists(client, demo_site):
    html = client.get("/").content.decode()
    hub = GuidanceIndexPage.objects.get(slug="parents")
    assert f'<a href="{hub.url}">Родителям</a>' in html
    assert '<a href="/providers/">Найти помощь рядом</a>' in html
    library = demo_site.get_children().filter(slug="library").first()
    if library is not None:
        assert f'<a href="{library.url}">Специалистам</a>' in html
    assert "Ранняя помощь — это бесплатно" in html
    page = StandardPage.objects.get(slug="privacy")
    html = client.get(page.url).content.decode()
    assert "Персональные данные" in html and "152-ФЗ" in html
    assert "Кто ответил, мы не знаем." in html
