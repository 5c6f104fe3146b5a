"""What every app's demo builds on: seeded vocabularies, the «get or create a child page» step and the local admin
login. The site itself (a HomePage at the root) is set up by home.demo_site."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

from portal.taxonomy_seed import seed_taxonomies

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


def ensure_taxonomies():
    """Seeded vocabularies, re-created if a test flushed the tables the migration filled."""
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
