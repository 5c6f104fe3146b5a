"""What makes coverage stale: an organisation published, unpublished or deleted, a registry import, a new share of
children. Each schedules one background recompute after its transaction commits (tasks.schedule debounces)."""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import published, unpublished

from providers_map.models import Organisation
from providers_map.signals import registry_imported

from . import tasks
from .models import ChildEstimate


def _schedule_after_commit():
    tasks.schedule()


def registry_changed(**kwargs):
    """Schedule a recompute once the current transaction commits: once per transaction, however many entries it
    changed (an import publishes thousands). A failure to queue it never fails the editor's save (robust)."""
    if connection.in_atomic_block and any(
        callback is _schedule_after_commit for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(_schedule_after_commit, robust=True)


def estimate_changed(created=False, **kwargs):
    """An operator changed the share of children (its first, default row is made by the recompute itself)."""
    if not created:
        registry_changed()


def connect():
    for name, signal in (("published", published), ("unpublished", unpublished), ("deleted", post_delete)):
        signal.connect(registry_changed, sender=Organisation, dispatch_uid=f"coverage.{name}")
    registry_imported.connect(registry_changed, dispatch_uid="coverage.imported")
    post_save.connect(estimate_changed, sender=ChildEstimate, dispatch_uid="coverage.estimate")
