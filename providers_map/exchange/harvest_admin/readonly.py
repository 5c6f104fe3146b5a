"""A harvested entry in the editor: read-only (the feed is its source, the next harvest would undo an edit), except
a local note, shown beside the harvested data on the provider page. Deleting or unpublishing it is refused:
withdraw it at the source, or mark it as a duplicate in the review queue. A registry editor may take it over
instead (`harvest.takeover`): it becomes an entry of our registry, and the feed no longer changes it."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from providers_map.exchange.harvest.takeover import can_take_over
from providers_map.exchange.models import HarvestedEntry

DELETE, UNPUBLISH = "delete", "unpublish"


class NoteForm(forms.ModelForm):
    class Meta:
        model = HarvestedEntry
        fields = ["local_note"]
        widgets = {"local_note": forms.Textarea(attrs={"rows": 4})}
        labels = {"local_note": gettext_lazy("Local note")}


def active_entry(instance):
    """The harvest provenance of a registry entry being edited, or None for a local entry."""
    organisation_id = getattr(instance, "pk", None)
    if organisation_id is None or getattr(instance, "_meta", None) is None:
        return None
    if instance._meta.label != "providers_map.Organisation":
        return None
    return (
        HarvestedEntry.objects.select_related("source")
        .filter(organisation_id=organisation_id, state=HarvestedEntry.State.ACTIVE)
        .first()
    )


def harvested_screen(request, entry, refused=None):
    """The read-only screen; `refused` (DELETE or UNPUBLISH) says which change was asked for and refused."""
    form = NoteForm(request.POST or None, instance=entry)
    if request.method == "POST" and not refused and form.is_valid():
        form.save()
        messages.success(request, _("The local note is saved."))
        return redirect(request.path)
    context = {
        "entry": entry,
        "organisation": entry.organisation,
        "form": form,
        "refused": refused,
        "can_take_over": can_take_over(request.user),
    }
    return render(request, "providers_map/exchange/harvest_readonly.html", context)


def clash_message(other):
    """The editor's message when a new or edited entry has the ИНН/ОГРН of a harvested entry: the way out."""
    entry = active_entry(other)
    if entry is None:
        return None
    return _(
        "Another registry entry already has this number: “%(name)s”, harvested from the feed “%(source)s”. To keep "
        "our own entry for this organisation, open that entry and choose “Make it an entry of our registry”."
    ) % {"name": other.name, "source": entry.source.name}


def kept_by_a_feed():
    """Organisations whose entry an active harvest keeps (providers_map.kept_elsewhere)."""
    return Q(harvested__state=HarvestedEntry.State.ACTIVE)


def feed_name(organisation):
    entry = active_entry(organisation)
    return entry.source.name if entry else None
