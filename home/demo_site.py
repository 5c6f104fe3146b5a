"""The demo site: one Wagtail site whose root is the portal's HomePage (load_demo starts here)."""

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage


def site_has_content():
    return HomePage.objects.exists()


def ensure_site():
    """Return the HomePage at the default site's root, replacing Wagtail's initial welcome page."""
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
