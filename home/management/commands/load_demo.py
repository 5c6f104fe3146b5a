"""Deterministic demo content: `load_demo [--providers N] [--seed S] [--if-empty]`.

The command lives with the home app because it first sets up the site root (home.demo_site); then it runs each
app's `demo.build(ctx)` in `ORDER`, so apps own their demo content. It ends with a search rebuild (the database
fallback, and Elasticsearch when configured). The demo admin login (its password is in the README) is created
only under DEBUG, with PORTAL_DEMO_ADMIN=1 or with --create-admin, and never with production settings.
"""

import importlib
import random

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo_core
from home import demo_site
from search import indexing


class DemoContext:
    """What demo builders share: the seeded RNG, the home page, options and a log function."""

    def __init__(self, seed, providers, home, log):
        self.seed = seed
        self.random = random.Random(seed)
        self.providers = providers
        self.home = home
        self.log = log


def demo_modules():
    modules = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "build"):
            modules.append(module)
    return sorted(modules, key=lambda m: getattr(m, "ORDER", 100))


class Command(BaseCommand):
    help = "Load deterministic demo content (site, pages, library, registry) and rebuild search."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (same seed, same content).")
        parser.add_argument("--providers", type=int, default=0, help="Add N synthetic providers for scale work.")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the site already has content.")
        parser.add_argument(
            "--create-admin",
            action="store_true",
            help="Also create the local admin login without DEBUG (refused with production settings).",
        )

    def handle(self, *args, seed, providers, if_empty, create_admin, **options):
        if create_admin and settings.PORTAL_PRODUCTION:
            raise CommandError("The demo admin login is never created with production settings.")
        if if_empty and demo_site.site_has_content():
            self.stdout.write("The database already has content: demo not loaded.")
            return
        # The rebuilds below index everything at once: per-object updates on commit would index it all twice
        # (they were half the command's time); Wagtail's own indexes likewise.
        with indexing.paused(), demo_core.wagtail_indexes_rebuilt_after(), transaction.atomic():
            demo_core.ensure_taxonomies()
            home = demo_site.ensure_site()
            user_created = demo_core.demo_admin_allowed(create_admin) and demo_core.ensure_admin()
            ctx = DemoContext(seed, providers, home, self.stdout.write)
            for module in demo_modules():
                module.build(ctx)
        if user_created:
            self.stdout.write(
                f"Admin login for local use only: {demo_core.ADMIN_USERNAME} / {demo_core.ADMIN_PASSWORD}"
            )
        # Rebuilds the database fallback's records always, and the Elasticsearch indices when configured.
        call_command("search_index", "--rebuild", "--no-progress", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
