"""Admin: the milestone checklists and the warning signs, under «Проверка развития» in the menu.

Both are snippets with drafts, revisions, locking, preview and the moderation workflow; publishing warns the
editor when the text misses the plain-language targets (publishing is never blocked).
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from selfcheck.models import MilestoneChecklist, WarningSignList


class ChecklistViewSet(SnippetViewSet):
    model = MilestoneChecklist
    icon = "list-ul"
    menu_label = gettext_lazy("Milestone checklists")
    list_display = [
        "__str__",
        Column("reviewed_at", label=gettext_lazy("Reviewed on"), sort_key="reviewed_at"),
        LiveStatusTagColumn(label=gettext_lazy("Publication")),
    ]
    ordering = ["months"]
    search_backend_name = None
    search_fields = ["intro"]
    copy_view_enabled = False


class WarningSignsViewSet(SnippetViewSet):
    model = WarningSignList
    icon = "warning"
    menu_label = gettext_lazy("Warning signs")
    list_display = ["__str__", LiveStatusTagColumn(label=gettext_lazy("Publication"))]
    search_backend_name = None
    copy_view_enabled = False


class SelfCheckGroup(SnippetViewSetGroup):
    items = (ChecklistViewSet, WarningSignsViewSet)
    menu_icon = "tasks"
    menu_label = gettext_lazy("Development self-check")
    menu_name = "selfcheck"
    menu_order = 270


register_snippet(SelfCheckGroup)


@hooks.register("after_publish")
def warn_when_hard_to_read(request, instance):
    """As for guidance pages: the editor learns which plain-language targets the text misses."""
    if not isinstance(instance, MilestoneChecklist | WarningSignList):
        return
    problems = instance.readability().problems()
    if problems:
        messages.warning(
            request,
            _("“%(title)s” is published, but the text is harder to read than the plain-language targets: %(problems)s")
            % {"title": instance, "problems": " ".join(problems)},
        )
