"""What every app's demo builds on: seeded vocabularies, the «get or create a child page» step and the local admin
login. The site itself (a HomePage at the root) is set up by home.demo_site."""

from contextlib import contextmanager
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test.utils import override_settings

from wagtail.signal_handlers import disable_reference_index_auto_update

from core.taxonomy_seed import seed_taxonomies

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin-local-only"


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


@contextmanager
def wagtail_indexes_rebuilt_after():
    """Write without updating Wagtail's admin search and reference index per save, then rebuild both once.

    Wagtail updates both on every save, and a demo page is saved three times (created, revised, published): that
    was almost half of `load_demo`'s time. The two rebuilds together take about 1.5 s for the demo.
    """
    backends = {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield
    for command in ("update_index", "rebuild_references_index"):
        call_command(command, verbosity=0, stdout=StringIO())


def ensure_taxonomies():
    """Seeded vocabularies, re-created if a test flushed the tables the migration filled."""
    seed_taxonomies(lambda name: apps.get_model("core", name))


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
