"""Taking over a harvested entry: a registry editor makes it an entry of our registry. It becomes editable (no
longer linked as harvested), its provenance stays (source, id in the feed, dates, note) in state LOCAL, and the
next harvests of the source find the feed's record held by this local entry: a local entry wins, so the feed no
longer changes, withdraws or republishes it (`apply.Applier.duplicate`)."""

from django.db import transaction

from wagtail.log_actions import log

from providers_map.exchange.models import HarvestedEntry

TAKE_OVER_ACTION = "providers_harvest.take_over"
CHANGE_PERMISSION = "providers_map.change_organisation"


def can_take_over(user):
    return user.is_active and user.has_perm(CHANGE_PERMISSION)


@transaction.atomic
def take_over(entry, user):
    """Make the harvested entry's organisation a local entry; returns the organisation, or None when the entry
    is no longer an active harvested one (taken over meanwhile, or withdrawn by a harvest)."""
    entry = (
        HarvestedEntry.objects.select_for_update(of=("self",)).select_related("source", "organisation").get(pk=entry.pk)
    )
    organisation = entry.organisation
    if organisation is None or entry.state != HarvestedEntry.State.ACTIVE:
        return None
    entry.organisation, entry.same_as, entry.state = None, organisation, HarvestedEntry.State.LOCAL
    entry.save(update_fields=["organisation", "same_as", "state"])
    log(
        instance=organisation,
        action=TAKE_OVER_ACTION,
        user=user,
        data={"source": entry.source.name, "feed_id": entry.feed_id},
    )
    return organisation
