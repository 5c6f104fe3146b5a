"""Applying what a feed sent to the registry: validate, de-duplicate, write through the import pipeline, record
provenance, withdraw what has been missing for long enough, and count it all for the run's report.

Runs in one transaction: the registry changes together with the provenance that explains it. The writing is the
registry import's own (cleaning, checks, planning, the bulk writer with revisions), so a harvested entry obeys
every rule a spreadsheet import does, keeps the feed's identifiers as its own (`uuid`), and a harvest that brings
nothing new plans nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers_map.exchange.importing.hsds_reader import tables_table
from providers_map.exchange.importing.pipeline import SEARCH_LATER, run_table
from providers_map.exchange.importing.planning import CREATE, UNCHANGED, UPDATE
from providers_map.exchange.models import DuplicatePair, HarvestedEntry
from providers_map.models import Organisation

from . import known
from .crosswalk import Crosswalk
from .dedup import Matcher
from .records import COMPLETENESS, Summary, check_tables
from .unnest import empty_tables

MAX_LISTED = 500  # names per list in a run's report


@dataclass
class Outcome:
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0
    withdrawn: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # {"id", "name", "reasons"}
    duplicates: list = field(default_factory=list)  # {"id", "name", "same_as", "reasons", "local"}
    local: int = 0  # of the duplicates, those a local entry holds
    review: list = field(default_factory=list)
    partly: list = field(default_factory=list)  # {"name", "rows"}: published without some of their rows
    unknown_terms: list = field(default_factory=list)
    records: int = 0
    valid: int = 0
    services: int = 0
    completeness: dict = field(default_factory=dict)
    written: list = field(default_factory=list)

    def report(self):
        return {
            "added": self.added[:MAX_LISTED],
            "changed": self.changed[:MAX_LISTED],
            "withdrawn": self.withdrawn[:MAX_LISTED],
            "rejected": self.rejected[:MAX_LISTED],
            "duplicates": self.duplicates[:MAX_LISTED],
            "review": self.review[:MAX_LISTED],
            "partly": self.partly[:MAX_LISTED],
            "unknown_terms": self.unknown_terms[:MAX_LISTED],
            "completeness": self.completeness,
            "local": self.local,
        }


def subset(tables, organisation_ids):
    """The tables' records that belong to the given organisations."""
    keep = set(organisation_ids)
    result = empty_tables()
    result["organization"] = [r for r in tables["organization"] if r.get("id") in keep]
    owners = {}
    for table in ("location", "service"):
        result[table] = [r for r in tables[table] if r.get("organization_id") in keep]
        owners.update({r.get("id"): r.get("organization_id") for r in result[table]})
    owners.update({org_id: org_id for org_id in keep})
    for table, records in tables.items():
        if table in ("organization", "location", "service"):
            continue
        for record in records:
            owner = record.get("organization_id") or record.get("location_id") or record.get("service_id")
            owner = owner if owner in keep else owners.get(owner) or owners.get(record.get("link_id"))
            if owner in keep or owners.get(owner) in keep:
                result[table].append(record)
    # attributes of accessibility records hang on the accessibility record's id
    accessibility = {r.get("id") for r in result["accessibility"]}
    result["attribute"] += [r for r in tables["attribute"] if r.get("link_id") in accessibility]
    return result


class Applier:
    def __init__(self, source, now=None):
        self.source = source
        self.now = now or timezone.now()
        self.outcome = Outcome()
        self.entries = {entry.feed_id: entry for entry in source.entries.select_related("organisation", "same_as")}

    # --- the steps ---
    def apply(self, data):
        errors = check_tables(data.tables) if data.errors is None else data.errors
        with transaction.atomic():
            self.apply_tables(data.tables, data.terms, errors)
        return self.outcome

    def apply_tables(self, tables, terms, errors):
        outcome, summary = self.outcome, Summary(tables)
        organizations = tables["organization"]
        outcome.records = len(organizations)
        outcome.services = len(tables["service"])
        matcher = Matcher(known.known_identities(self.source), known.decisions())
        identities, to_write, met = {}, [], {name: 0 for name in COMPLETENESS}
        for organization in organizations:
            org_id = str(organization.get("id") or "")
            identity = identities[org_id] = summary.identity(organization, self.source.pk)
            if not org_id or org_id in errors:
                outcome.rejected.append({"id": org_id, "name": identity.name, "reasons": errors.get(org_id) or
                                         [_("The organisation has no id.")]})  # fmt: skip
                continue
            outcome.valid += 1
            for name, ok in summary.completeness(organization).items():
                met[name] += ok
            if not self.duplicate(identity, matcher):
                to_write.append(org_id)
        outcome.completeness = {
            name: round(count / outcome.valid, 3) if outcome.valid else 0 for name, count in met.items()
        }
        crosswalk = Crosswalk(self.source, terms)
        self.write(subset(tables, to_write), identities, to_write, crosswalk)
        outcome.unknown_terms = crosswalk.save()
        self.mark_seen({str(o.get("id") or "") for o in organizations})

    def duplicate(self, identity, matcher):
        """True when the organisation is already in the registry as a local entry or another feed's."""
        feed_id = identity.key.split(":", 1)[1]
        held = self.entries.get(feed_id)
        if held is not None and held.state == HarvestedEntry.State.LOCAL and held.same_as is not None:
            # a local entry holds this record (taken over, or merged by an operator): it wins, whatever the feed says
            self.mark_duplicate(feed_id, identity, held.same_as.name, {"local": "held"}, held.same_as_id, local=True)
            return True
        found = matcher.match(identity)
        if found is None:
            return False
        other_key, verdict, decision = found
        other = matcher.known[other_key]
        if not verdict.same:
            if decision is None:
                self.propose(identity, other, verdict)
            return False
        local = other_key.startswith(known.LOCAL)
        self.mark_duplicate(feed_id, identity, other.name, verdict.reasons, other.extra.get("organisation"), local)
        return True

    def mark_duplicate(self, feed_id, identity, same_as_name, reasons, same_as_id, local):
        entry = self.entry(feed_id, identity)
        if entry.organisation_id and entry.state == HarvestedEntry.State.ACTIVE:
            self.withdraw(entry)  # a local entry (or an earlier feed) has it now: ours goes
        entry.state = HarvestedEntry.State.LOCAL if local else HarvestedEntry.State.DUPLICATE
        entry.same_as_id = same_as_id
        entry.save()
        self.outcome.duplicates.append({"id": feed_id, "name": identity.name, "same_as": same_as_name,
                                        "reasons": reasons, "local": local})  # fmt: skip
        self.outcome.local += local

    def propose(self, identity, other, verdict):
        left, right = sorted((identity.key, other.key))
        names = {identity.key: identity.name, other.key: other.name}
        pair, created = DuplicatePair.objects.get_or_create(
            left=left,
            right=right,
            defaults={
                "left_name": names[left][:500],
                "right_name": names[right][:500],
                "score": verdict.score,
                "reasons": verdict.reasons,
            },  # fmt: skip
        )
        if created:
            self.outcome.review.append({"name": identity.name, "other": other.name, "score": verdict.score})

    def write(self, tables, identities, feed_ids, crosswalk):
        if not feed_ids:
            return
        result = run_table(
            tables_table(tables, crosswalk),
            self.source.name,
            search=SEARCH_LATER,
            data_source=_("harvested from %(source)s") % {"source": self.source.name[:150]},
        )
        self.outcome.written = list(result.written)
        by_key = {identities[feed_id].import_key: feed_id for feed_id in feed_ids if identities[feed_id].import_key}
        entries = dict(Organisation.objects.filter(import_key__in=by_key).values_list("import_key", "pk"))
        planned = set()
        for plan in result.plans:
            feed_id = by_key.get(plan.key)
            if feed_id is None:
                continue
            planned.add(feed_id)
            self.record(feed_id, identities[feed_id], entries.get(plan.key), plan.action)
            if plan.rejected:
                self.outcome.partly.append({"name": plan.name, "rows": [r.get("what") for r in plan.rejected]})
        problems = {}
        for rejected in result.rejected_organisations:
            problems[rejected.get("key")] = [p.get("message") or p.get("reason") or str(p)
                                             for p in rejected.get("problems", [])]  # fmt: skip
        for feed_id in feed_ids:
            if feed_id not in planned:
                identity = identities[feed_id]
                reasons = problems.get(identity.import_key) or [
                    _("The registry needs a valid INN or OGRN (organization_identifier RU-INN / RU-OGRN).")
                ]
                self.outcome.rejected.append({"id": feed_id, "name": identity.name, "reasons": reasons})

    def entry(self, feed_id, identity):
        entry = self.entries.get(feed_id)
        if entry is None:
            entry = self.entries[feed_id] = HarvestedEntry(source=self.source, feed_id=feed_id, first_seen=self.now)
        entry.name, entry.identity = identity.name[:500], identity.as_dict()
        entry.last_seen, entry.missing_runs = self.now, 0
        return entry

    def record(self, feed_id, identity, organisation_id, action):
        entry = self.entry(feed_id, identity)
        if organisation_id and entry.organisation_id != organisation_id:
            # the registry entry was another feed's (withdrawn there): it is this feed's from now on
            HarvestedEntry.objects.filter(organisation_id=organisation_id).exclude(pk=entry.pk).update(
                organisation=None, same_as_id=organisation_id, state=HarvestedEntry.State.DUPLICATE
            )
        entry.organisation_id, entry.state, entry.same_as_id = organisation_id, HarvestedEntry.State.ACTIVE, None
        if action in (CREATE, UPDATE) or entry.pk is None:
            entry.last_changed = self.now
        entry.save()
        if action == CREATE:
            self.outcome.added.append(identity.name)
        elif action == UPDATE:
            self.outcome.changed.append(identity.name)
        elif action == UNCHANGED:
            self.outcome.unchanged += 1

    def mark_seen(self, present):
        """Entries the feed still has were seen now; those it lacks count one more absence (withdrawn at N)."""
        seen = [entry.pk for feed_id, entry in self.entries.items() if feed_id in present and entry.pk]
        HarvestedEntry.objects.filter(pk__in=seen).update(last_seen=self.now, missing_runs=0)
        for feed_id, entry in self.entries.items():
            if feed_id in present or entry.pk is None:
                continue
            entry.missing_runs += 1
            if entry.state == HarvestedEntry.State.ACTIVE and entry.missing_runs >= self.source.withdraw_after:
                self.withdraw(entry)
                entry.state = HarvestedEntry.State.WITHDRAWN
                self.outcome.withdrawn.append(entry.name)
            entry.save(update_fields=["missing_runs", "state"])

    def withdraw(self, entry):
        organisation = entry.organisation
        if organisation is not None and organisation.live:
            organisation.unpublish()

    def unchanged(self):
        """The feed answered 304: it has what the last complete harvest read, no more, no less."""
        with transaction.atomic():
            self.mark_seen({feed_id for feed_id, entry in self.entries.items() if entry.missing_runs == 0})
        return self.outcome
