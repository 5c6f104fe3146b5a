"""Listeners on the registry's publish lifecycle and the moderation workflow (connected in AppConfig.ready)."""

from wagtail.models import WorkflowState
from wagtail.signals import published, workflow_rejected

from providers_map.models import Organisation

from . import answers


def _published(sender, instance, revision=None, **kwargs):
    if revision is not None:
        answers.on_published(instance, revision)


def _rejected(sender, instance, **kwargs):
    if instance.base_content_type.model_class() is Organisation:
        answers.on_workflow_rejected(instance)


def connect():
    published.connect(_published, sender=Organisation, dispatch_uid="providers_verification.published")
    workflow_rejected.connect(_rejected, sender=WorkflowState, dispatch_uid="providers_verification.rejected")
