import json

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_russian_and_accessible_skeleton(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "Перейти к основному содержанию" in html
    assert "<nav" in html and "<footer" in html
    assert demo_site.title in html
    # header navigation is driven by Wagtail's "show in menus"
    assert '<a href="/about/">О портале</a>' in html


def test_menu_and_page_render_with_bounded_queries(client, demo_site, django_assert_max_num_queries):
    client.get("/")  # warm the site-root cache
    with django_assert_max_num_queries(12):
        assert client.get("/about/").status_code == 200


def test_the_menu_follows_publishing_and_privacy_at_once(client, demo_site):
    """The menu is cached between requests; publishing, privacy and unpublishing show on the next page view."""
    from wagtail.models import Page, PageViewRestriction

    link = '<a href="/contacts/">Контакты</a>'
    assert link not in client.get("/").content.decode()  # the cached menu now lacks the new page
    page = demo_site.add_child(instance=Page(title="Контакты", slug="contacts", show_in_menus=True, live=False))
    page.save_revision().publish()
    assert link in client.get("/").content.decode()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert link not in client.get("/").content.decode()
    restriction.delete()
    assert link in client.get("/about/").content.decode()
    page.refresh_from_db()  # published through its revision: this copy still says draft
    page.unpublish()
    assert link not in client.get("/").content.decode()


def test_not_found_page_is_in_russian(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_healthz_reports_database_and_search(client, demo_site):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["database"]["status"] == "ok"
    assert body["search"]["backend"] in {"database", "elasticsearch"}


def test_robots_and_sitemap(client, demo_site):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://localhost/sitemap.xml" in robots  # the canonical host (the Wagtail site), not the request's
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/about/</loc>" in sitemap.content


def test_loading_the_demo_again_changes_nothing(demo_site):
    """One second `load_demo` over the committed demo (a whole load costs seconds): every app's content, the
    pages' revisions and the documents stay as they were."""
    from django.core.management import call_command

    from wagtail.documents import get_document_model
    from wagtail.models import Page, Revision

    from events.models import EventPage
    from home.models import HomePage, StandardPage
    from materials.models import MaterialPage
    from providers_map.models import Location, Organisation, Service

    def counted():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "home pages": HomePage.objects.count(),
            "home's latest revision": HomePage.objects.get().latest_revision_id,
            "standard pages": StandardPage.objects.count(),
            "materials": MaterialPage.objects.count(),
            "documents": get_document_model().objects.count(),
            "events": EventPage.objects.count(),
            "organisations": Organisation.objects.count(),
            "locations": Location.objects.count(),
            "services": Service.objects.count(),
        }

    before = counted()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counted() == before


def test_main_menu_puts_parents_and_specialists_first_and_links_the_registry(client, demo_site):
    html = client.get("/").content.decode()
    nav = html[html.index('class="main-nav"') : html.index("</nav>")]
    positions = [nav.index(label) for label in ("Родителям", "Библиотека для специалистов", "О портале")]
    assert positions == sorted(positions)
    assert '<a href="/providers/">Службы ранней помощи</a>' in nav
    registry = client.get("/providers/").content.decode()
    assert '<a href="/providers/" aria-current="page">Службы ранней помощи</a>' in registry
