"""An operator's decision on a possible duplicate: merged (the registry keeps one entry: a local one if there is
one, else the one harvested first) or kept apart. The decision is stored with the pair, so later harvests follow
it (`harvest.known.decisions`)."""

from django.db import transaction
from django.utils import timezone

from providers_map.exchange.harvest.known import LOCAL
from providers_map.exchange.models import DuplicatePair, HarvestedEntry
from providers_map.models import Organisation


def _record(key):
    """("local", Organisation) or ("harvested", HarvestedEntry) for a pair's record key."""
    kind, _colon, rest = key.partition(":")
    if kind == LOCAL:
        return "local", Organisation.objects.filter(uuid=rest).first()
    return "harvested", HarvestedEntry.objects.filter(source_id=kind, feed_id=rest).first()


def decide(pair, decision, user):
    pair.decision, pair.decided_by, pair.decided_at = decision, user, timezone.now()
    pair.save()


@transaction.atomic
def merge(pair, user):
    records = [_record(pair.left), _record(pair.right)]
    records.sort(key=lambda item: (item[0] != "local", item[1].first_seen if item[0] == "harvested" and item[1] else 0))
    (winner_kind, winner), (loser_kind, loser) = records
    if winner is None or loser is None or loser_kind == "local":
        return decide(pair, DuplicatePair.Decision.SAME, user)  # two local entries: an editor merges by hand
    keeper = winner if winner_kind == "local" else winner.organisation
    if loser.organisation is not None and loser.organisation.live:
        loser.organisation.unpublish(user=user)
    loser.state = HarvestedEntry.State.LOCAL if winner_kind == "local" else HarvestedEntry.State.DUPLICATE
    loser.same_as = keeper
    loser.save()
    decide(pair, DuplicatePair.Decision.SAME, user)


def keep_apart(pair, user):
    decide(pair, DuplicatePair.Decision.APART, user)
