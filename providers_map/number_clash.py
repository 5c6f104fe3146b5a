"""What the editor says when another registry entry already has an ИНН/ОГРН. The registry core knows only its own
entries; an app that brings entries of another kind (the data exchange: harvested ones) registers an explainer in
its AppConfig.ready() that names the clash and the way out. The first explainer with an answer wins."""

from django.utils.translation import gettext as _

_explainers = []


def register_explainer(explain):
    """`explain(other_organisation)` returns a message, or None when the clash is none of its business."""
    if explain not in _explainers:
        _explainers.append(explain)


def clash_message(other):
    for explain in _explainers:
        message = explain(other)
        if message:
            return message
    return _("Another registry entry already has this number.")
