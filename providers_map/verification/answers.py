"""The provider's answers: «Всё верно» records a verification; «Есть изменения» becomes a draft revision in the
moderation workflow; publishing it (by an operator) makes the confirmation public.

A confirmation writes no revision: it moves `verified_at` and `confirmed_on` on the row itself and adds a log
entry, so the entry's history shows who confirmed, when and through which message, and no content change.
Later revisions never take it back (`Organisation.with_content_json`).
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import WorkflowState

from providers_map.models import Organisation

from .models import Answer, Message

CONFIRM_ACTION = "providers_verification.confirm"
PROPOSE_ACTION = "providers_verification.propose"


class AlreadyUsed(Exception):
    """The link has already carried a proposal of changes."""


def _log_data(message, answer):
    return {"message": message.pk, "sent_to": message.email, "person": answer.person, "answer": answer.pk}


def mark_opened(message):
    if message.opened_at is None:
        Message.objects.filter(pk=message.pk, opened_at__isnull=True).update(opened_at=timezone.now())


@transaction.atomic
def confirm(organisation, message, person=""):
    """«Всё верно»: the verification date becomes today; nothing else of the entry changes."""
    now = timezone.now()
    today = timezone.localdate()
    answer = Answer.objects.create(
        organisation=organisation, message=message, kind=Answer.Kind.CONFIRMED, person=person
    )
    # updated_at moves too: the public records (HSDS last_modified, Last-Modified) changed with the date.
    Organisation.objects.filter(pk=organisation.pk).update(confirmed_on=today, verified_at=today, updated_at=now)
    organisation.confirmed_on = organisation.verified_at = today
    log(instance=organisation, action=CONFIRM_ACTION, data=_log_data(message, answer))
    mark_opened(message)
    return answer


@transaction.atomic
def propose(organisation, message, apply_changes, person="", comment=""):
    """«Есть изменения»: `apply_changes(draft)` edits a copy of the latest version; it is saved as a revision
    and submitted to moderation. A link carries one proposal only."""
    locked = Message.objects.select_for_update().get(pk=message.pk)
    if locked.changes_sent_at is not None:
        raise AlreadyUsed
    live = Organisation.objects.get(pk=organisation.pk)
    draft = live.with_content_json(live.get_latest_revision_as_object().serializable_data())
    apply_changes(draft)
    draft.verified_at = timezone.localdate()
    revision = draft.save_revision(user=None, log_action=False)
    answer = Answer.objects.create(
        organisation=live,
        message=locked,
        kind=Answer.Kind.PROPOSED,
        person=person,
        comment=comment,
        revision=revision,
        outcome=Answer.Outcome.PENDING,
    )
    log(instance=draft, action=PROPOSE_ACTION, data=_log_data(locked, answer), revision=revision)
    if not WorkflowState.objects.for_instance(live).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
        workflow = live.get_workflow()
        if workflow is not None:
            workflow.start(draft, user=None)
    locked.changes_sent_at = timezone.now()
    locked.save(update_fields=["changes_sent_at"])
    mark_opened(locked)
    return answer


def on_published(instance, revision):
    """A revision of an entry went live: the proposals it includes are published, and the organisation's
    confirmation is the date of the newest of them."""
    pending = Answer.objects.filter(
        organisation_id=instance.pk,
        outcome=Answer.Outcome.PENDING,
        revision__isnull=False,
        revision__created_at__lte=revision.created_at,
    )
    newest = pending.order_by("-created_at").first()
    if newest is None:
        return
    pending.update(outcome=Answer.Outcome.PUBLISHED, decided_at=timezone.now(), decided_by=revision.user)
    day = timezone.localtime(newest.created_at).date()
    Organisation.objects.filter(pk=instance.pk).update(confirmed_on=day)
    instance.confirmed_on = day


def on_workflow_rejected(workflow_state):
    """The moderator asked for changes: the proposals waiting in that entry's workflow are rejected."""
    Answer.objects.filter(
        organisation_id=workflow_state.object_id, outcome=Answer.Outcome.PENDING, revision__isnull=False
    ).update(outcome=Answer.Outcome.REJECTED, decided_at=timezone.now())
