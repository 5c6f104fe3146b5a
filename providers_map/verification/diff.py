"""The field-by-field diff an operator reads before publishing a proposal: Wagtail's own revision comparison
over the organisation editor's panels (so every field and every branch and service appear as in the editor's
history), with opening hours shown as the familiar «Пн-Пт 09:00-18:00» rather than as stored data.
"""

from wagtail.admin.compare import FieldComparison, register_comparison_class

from providers_map import hours as hours_lib
from providers_map.editor.panels import organisation_edit_handler
from providers_map.models import Organisation
from providers_map.models.fields import OpeningHoursField

from .models import Answer


class OpeningHoursComparison(FieldComparison):
    def __init__(self, field, obj_a, obj_b):
        super().__init__(field, obj_a, obj_b)
        self.val_a = hours_lib.format_hours(self.val_a or {}) or "—"
        self.val_b = hours_lib.format_hours(self.val_b or {}) or "—"


def register():
    """Called from AppConfig.ready(): opening hours read as text in every comparison of the admin."""
    register_comparison_class(OpeningHoursField, comparison_class=OpeningHoursComparison)


def versions(answer):
    """(before, after) of a proposal: while it waits, the published entry and what «Опубликовать» would publish
    (the latest revision: the proposal, or an operator's edit of it); once decided, the proposal against the
    revision before it."""
    organisation = answer.organisation
    if answer.outcome == Answer.Outcome.PENDING and organisation.latest_revision_id:
        return organisation, organisation.latest_revision.as_object()
    revision = answer.revision
    if revision is None:
        return organisation, organisation
    before = organisation.revisions.filter(created_at__lt=revision.created_at).order_by("-created_at", "-pk").first()
    return (before.as_object() if before else organisation), revision.as_object()


def proposal_comparison(request, answer):
    before, after = versions(answer)
    handler = organisation_edit_handler().bind_to_model(Organisation)
    comparisons = handler.get_bound_panel(instance=before, request=request, form=None).get_comparison()
    return [diff for diff in (comparison(before, after) for comparison in comparisons) if diff.has_changed()]
