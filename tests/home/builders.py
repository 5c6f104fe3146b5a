"""Small builders for guidance pages (no fixtures dumped from a database)."""

from wagtail.rich_text import RichText

from home.models import GuidanceIndexPage, GuidancePage, HomePage


def home_page():
    from home.demo_site import ensure_site

    return HomePage.objects.first() or ensure_site()


def make_hub(parent=None, title="Родителям", slug="parents-test"):
    parent = parent or home_page()
    hub = GuidanceIndexPage(title=title, slug=slug, intro="Советы для родителей.")
    parent.add_child(instance=hub)
    hub.save_revision().publish()
    return hub


def paragraph(html):
    return ("paragraph", RichText(html))


def default_body():
    from core.models import ServiceType

    find_help = {
        "heading": "Где получить помощь",
        "text": "Найдите службу рядом.",
        "service": ServiceType.objects.get(slug="iprp"),
        "concern": None,
        "age_group": None,
        "link_text": "Найти",
    }
    return [paragraph("<p>Мы поможем малышу. Это бесплатно.</p>"), ("find_help", find_help)]


def make_guidance(hub, title="Что такое ранняя помощь", slug=None, points=("Помощь бесплатная.",), body=None, **fields):
    topics = fields.pop("topics", [])
    age_groups = fields.pop("age_groups", [])
    concerns = fields.pop("concerns", [])
    page = GuidancePage(
        title=title,
        slug=slug or f"g-{GuidancePage.objects.count() + 1}",
        summary=[("point", point) for point in points],
        body=body if body is not None else default_body(),
        **fields,
    )
    hub.add_child(instance=page)
    page.topics.set(topics)
    page.age_groups.set(age_groups)
    page.concerns.set(concerns)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
