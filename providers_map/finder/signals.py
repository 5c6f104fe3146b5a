"""Keep the finder's index in step with publishing: publish, unpublish and delete re-index an organisation."""

from django.db import transaction
from django.db.models.signals import post_delete

from wagtail.signals import published, unpublished

from providers_map.models import Organisation

from .es_index import organisation_changed


def _after_commit(organisation_id):
    transaction.on_commit(lambda: organisation_changed(organisation_id))


def _on_publish_change(sender, instance, **kwargs):
    _after_commit(instance.pk)


def _on_delete(sender, instance, **kwargs):
    _after_commit(instance.pk)


def connect():
    published.connect(_on_publish_change, sender=Organisation, dispatch_uid="finder-published")
    unpublished.connect(_on_publish_change, sender=Organisation, dispatch_uid="finder-unpublished")
    post_delete.connect(_on_delete, sender=Organisation, dispatch_uid="finder-deleted")
