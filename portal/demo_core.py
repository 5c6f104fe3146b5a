"""The demo's foundation: one Wagtail site whose root is a HomePage, plus a local admin login."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin-local-only"


def site_has_content():
    from home.models import HomePage

    return HomePage.objects.exists()


def ensure_site():
    """Return the HomePage at the default site's root, replacing Wagtail's initial welcome page."""
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is not None:
        return home
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    welcome = Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore")
    home = HomePage(
        title="Ранняя помощь детям и семьям",
        slug="early-care",
        lead=(
            "Здесь родители узнают, как помочь малышу с особенностями развития, "
            "а специалисты находят методические материалы. Помощь бесплатная."
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "Ранняя помощь", home
    site.save()
    welcome.delete()  # Wagtail's placeholder "Welcome" page, now unreachable
    return home


def child_page(parent, model, slug, *, publish=True, **fields):
    """The `model` page `slug` under `parent`; created from `fields` (and published) only when it is missing.

    Every demo module finds or makes its pages this way, so running `load_demo` again changes nothing and never
    overwrites what an editor has changed since.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
    return page


def ensure_taxonomies():
    """Seeded vocabularies, re-created if a test flushed the tables the migration filled."""
    from portal.taxonomy_seed import seed_taxonomies

    seed_taxonomies(lambda name: apps.get_model("portal", name))


def demo_admin_allowed(requested=False):
    """The published demo login exists only for local use: DEBUG, PORTAL_DEMO_ADMIN or an explicit request,
    and never under production settings."""
    if settings.PORTAL_PRODUCTION:
        return False
    return bool(settings.DEBUG or settings.PORTAL_DEMO_ADMIN or requested)


def ensure_admin():
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return False
    User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
    return True
