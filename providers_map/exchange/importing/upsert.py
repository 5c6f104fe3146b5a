"""Write the plans in bulk: one revision per created or changed organisation, published at once.

What Wagtail does for a create + publish (or edit + publish) of a snippet is done here for all the
organisations of a run with a handful of bulk queries: the rows, the revision (its content is the object's
serialised data, children included), the "create"/"edit" and "publish" history entries, the reference index,
the admin search index, and the `published` signal per organisation (the instance carries `_bulk_import`),
plus `registry_imported` once with every id; the site's search is updated once per batch (one scheduled
update per search kind, `update_search`, after the import commits) instead of once per entry. Locations missing from
the file are kept (an import never deletes); an organisation's services are replaced only when the file
says what they are.

Speed (bench/bench_import.py): rows go in with COPY on PostgreSQL (bulk.py); the revision content, the reference
index rows and the admin search entries are made with per-model plans equal to Wagtail's own (revision_data.py,
references.py, admin_index.py, each pinned by a test); a new entry is written already pointing at its revision's
reserved key; the search lifecycle does no work while paused.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.signals import published

from core.db_copy import create_objects, insert_rows, reserve_ids
from core.models import DevelopmentalConcern, Language
from providers_map.models import Location, Organisation, Service
from providers_map.models.slugs import slug_from_name
from providers_map.signals import registry_imported
from search import indexing
from search import registry as search_registry

from .admin_index import add_to_admin_search
from .planning import CREATE, UPDATE
from .references import references
from .revision_data import serializable_data
from .snapshot import LOCATION_FIELDS, ORGANISATION_FIELDS, chunks

BATCH = 500
UPDATED_LOCATION_FIELDS = [name for name in LOCATION_FIELDS]


def taken_uuids(model, candidates):
    """The candidate identifiers already used by rows of `model` (as strings)."""
    candidates = [str(value) for value in candidates if value]
    taken = set()
    for part in chunks(candidates):
        taken.update(str(value) for value in model.objects.filter(uuid__in=part).values_list("uuid", flat=True))
    return taken


def update_search(organisation_ids):
    """Bring the site's search up to date for these entries: one update per search kind (run after the import
    has committed: at once by the command, as a background task after an admin import)."""
    organisations = []
    for part in chunks(sorted(set(organisation_ids))):
        organisations.extend(Organisation.objects.filter(pk__in=part))
    if not organisations:
        return 0
    # applied when this block commits; the batch asks Elasticsearch once for what it still holds of them all
    with transaction.atomic(), indexing.batched():
        for kind in search_registry.kinds_for(organisations[0]):
            indexing.schedule(kind, kind.keys_for_many(organisations))
    return len(organisations)


class SlugAllocator:
    """Unique slugs for many new entries with one query."""

    def __init__(self):
        self.taken = set(Organisation.objects.values_list("slug", flat=True))

    def allocate(self, name):
        base = slug_from_name(name, max_length=76)
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug


class Writer:
    """Applies plans in bulk; `write(plans)` must run inside a transaction."""

    def __init__(self, data_source, user=None, progress=None):
        self.data_source = data_source
        self.user = user
        self.progress = progress or (lambda done: None)
        self.concerns = DevelopmentalConcern.objects.in_bulk()
        self.languages = Language.objects.in_bulk()
        self.content_type = ContentType.objects.get_for_model(Organisation)
        self.written = []  # ids of the created or changed entries, for the search update after the commit
        self.reserved = {}  # new entry's id -> its revision's reserved key (PostgreSQL)
        self.now = timezone.now()

    def write(self, plans):
        plans = [plan for plan in plans if plan.action in (CREATE, UPDATE)]
        done = 0
        for part in chunks(plans, BATCH):
            self.write_batch(part)
            done += sum(len(plan.rows) for plan in part)
            self.progress(done)
        return plans

    def write_batch(self, plans):
        creates = [plan for plan in plans if plan.action == CREATE]
        updates = [plan for plan in plans if plan.action == UPDATE]
        organisations = self.create_organisations(creates) + self.update_organisations(updates)
        by_pk = {organisation.pk: organisation for organisation, _ in organisations}
        new_locations = self.write_locations(organisations)
        new_services = self.write_services(organisations)
        created = {o.pk for o, plan in organisations if plan.action == CREATE}
        for pk in created:  # a new entry's children are exactly the ones just written
            by_pk[pk].locations = new_locations.get(pk, [])
            by_pk[pk].services = new_services.get(pk, [])
        self.attach_children({pk: o for pk, o in by_pk.items() if pk not in created})
        revisions = self.create_revisions(organisations)
        for organisation, plan in organisations:
            plan.state_target = (organisation.pk, revisions[organisation.pk].pk)
        self.log(organisations, revisions)
        self.index(by_pk)
        with indexing.paused():  # the search update is scheduled once for the batch, below
            for organisation, _ in organisations:
                organisation._bulk_import = True
                published.send(sender=Organisation, instance=organisation, revision=revisions[organisation.pk])
        self.written.extend(by_pk)
        registry_imported.send(sender=Organisation, organisation_ids=list(by_pk))

    # --- organisations ---

    def apply_values(self, organisation, plan):
        for name in ORGANISATION_FIELDS:
            setattr(organisation, name, plan.values[name])
        organisation.data_source = self.data_source[:200]
        organisation.import_key = organisation.compute_import_key()
        organisation.live, organisation.has_unpublished_changes, organisation.expired = True, False, False
        organisation.last_published_at = self.now
        organisation.first_published_at = organisation.first_published_at or self.now

    def create_organisations(self, plans):
        if not plans:
            return []
        slugs = SlugAllocator()
        taken = taken_uuids(Organisation, [plan.extras.get("uuid") for plan in plans])
        organisations = []
        for plan in plans:
            slug = plan.extras.get("slug")
            if slug and slug not in slugs.taken:
                slugs.taken.add(slug)
            else:
                slug = slugs.allocate(plan.values["short_name"] or plan.values["name"])
            organisation = Organisation(slug=slug)
            if plan.extras.get("uuid") and plan.extras["uuid"] not in taken:
                organisation.uuid = plan.extras["uuid"]
                taken.add(plan.extras["uuid"])
            self.apply_values(organisation, plan)
            organisations.append(organisation)
        # PostgreSQL: each new entry is written pointing at its revision's reserved key (no UPDATE afterwards)
        revision_ids = reserve_ids(Revision, len(organisations))
        if revision_ids:
            for organisation, revision_id in zip(organisations, revision_ids, strict=True):
                organisation.latest_revision_id = organisation.live_revision_id = revision_id
        create_objects(Organisation, organisations)
        if revision_ids:
            self.reserved.update(zip((o.pk for o in organisations), revision_ids, strict=True))
        dated = []
        for organisation, plan in zip(organisations, plans, strict=True):
            if plan.extras.get("updated_at"):  # an HSDS package says when the entry last changed
                organisation.updated_at = plan.extras["updated_at"]
                dated.append(organisation)
        Organisation.objects.bulk_update(dated, ["updated_at"], batch_size=BATCH)
        return list(zip(organisations, plans, strict=True))

    def update_organisations(self, plans):
        if not plans:
            return []
        found = Organisation.objects.in_bulk([plan.existing.pk for plan in plans])
        pairs = []
        for plan in plans:
            organisation = found[plan.existing.pk]
            self.apply_values(organisation, plan)
            pairs.append((organisation, plan))
        fields = [
            *ORGANISATION_FIELDS,
            "data_source",
            "import_key",
            "live",
            "has_unpublished_changes",
            "expired",
            "last_published_at",
            "first_published_at",
            "updated_at",
        ]
        for organisation, _ in pairs:
            organisation.updated_at = self.now
        Organisation.objects.bulk_update([o for o, _ in pairs], fields, batch_size=BATCH)
        return pairs

    # --- children ---

    def write_locations(self, organisations):
        created, updated = [], []
        wanted = [values.get("uuid") for _, plan in organisations for values in plan.location_creates]
        taken = taken_uuids(Location, wanted)
        for organisation, plan in organisations:
            for values in plan.location_creates:
                values = dict(values)
                if values.get("uuid") in taken:
                    del values["uuid"]  # an identifier already in use stays with its owner
                elif values.get("uuid"):
                    taken.add(values["uuid"])
                created.append(Location(organisation_id=organisation.pk, **values))
            for pk, values in plan.location_updates.items():
                updated.append(Location(pk=pk, organisation_id=organisation.pk, **values))
        create_objects(Location, created)
        if updated:
            Location.objects.bulk_update(updated, UPDATED_LOCATION_FIELDS, batch_size=BATCH)
        by_organisation = {}
        for location in created:
            by_organisation.setdefault(location.organisation_id, []).append(location)
        return by_organisation

    def write_services(self, organisations):
        replaced = [(o, plan) for o, plan in organisations if plan.services is not None]
        if not replaced:
            return {}
        old = [o.pk for o, plan in replaced if plan.action == UPDATE]
        for part in chunks(old):
            Service.objects.filter(organisation_id__in=part).delete()
        services, links = [], {"concerns": [], "languages": []}
        taken = taken_uuids(Service, [spec.uuid for _, plan in replaced for spec in plan.services])
        for organisation, plan in replaced:
            previous = list(plan.existing.services) if plan.existing else []
            for order, spec in enumerate(plan.services):
                service = Service(
                    organisation_id=organisation.pk,
                    service_type_id=spec.service_type_id,
                    description=spec.description or "",
                    age_min_months=spec.age_min,
                    age_max_months=spec.age_max,
                    sort_order=order,
                )
                # keep the service's identifier: the package's, else the one it had (same type), else a new one
                same = next((old for old in previous if old.service_type_id == spec.service_type_id), None)
                if same is not None:
                    previous.remove(same)
                for candidate in (spec.uuid, same.uuid if same else None):
                    if candidate and candidate not in taken:
                        service.uuid = candidate
                        taken.add(candidate)
                        break
                services.append((service, spec))
        create_objects(Service, [service for service, _ in services])
        for name in links:
            field = Service._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            pairs = [(service.pk, pk) for service, spec in services for pk in getattr(spec, name)]
            insert_rows(through, (source, target), pairs)
        by_organisation = {}
        for service, spec in services:
            service.concerns = [self.concerns[pk] for pk in spec.concerns]
            service.languages = [self.languages[pk] for pk in spec.languages]
            by_organisation.setdefault(service.organisation_id, []).append(service)
        return by_organisation

    def attach_children(self, by_pk):
        """Give each changed organisation its saved locations and services in memory, for the revision's content."""
        if not by_pk:
            return
        locations, services = {pk: [] for pk in by_pk}, {pk: [] for pk in by_pk}
        for part in chunks(by_pk):
            for location in Location.objects.filter(organisation_id__in=part).order_by("sort_order", "pk"):
                locations[location.organisation_id].append(location)
            found = list(Service.objects.filter(organisation_id__in=part).order_by("sort_order", "pk"))
            terms = {"concerns": {}, "languages": {}}
            for name, links in terms.items():
                field = Service._meta.get_field(name)
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                rows = through.objects.filter(**{f"{source}_id__in": [s.pk for s in found]}).values_list(
                    f"{source}_id", f"{target}_id"
                )
                for service_id, term_id in rows:
                    links.setdefault(service_id, []).append(term_id)
            for service in found:
                service.concerns = [self.concerns[pk] for pk in sorted(terms["concerns"].get(service.pk, []))]
                service.languages = [self.languages[pk] for pk in sorted(terms["languages"].get(service.pk, []))]
                services[service.organisation_id].append(service)
        for pk, organisation in by_pk.items():
            organisation.locations = locations[pk]
            organisation.services = services[pk]

    # --- revisions, history, indexes ---

    def create_revisions(self, organisations):
        revisions = []
        for organisation, _ in organisations:
            content = serializable_data(organisation)
            reserved = self.reserved.pop(organisation.pk, None)
            if reserved is not None:  # as in Wagtail's save_revision: the content from before it points at it
                content["latest_revision"] = content["live_revision"] = None
            revision = Revision(
                pk=reserved,
                content_type=self.content_type,
                base_content_type=self.content_type,
                object_id=str(organisation.pk),
                user=self.user,
                content=content,
                object_str=str(organisation)[:1000],
                created_at=self.now,
            )
            revisions.append((revision, reserved is None))
        create_objects(Revision, [revision for revision, _ in revisions])
        by_pk, unlinked = {}, []
        for (organisation, _), (revision, to_link) in zip(organisations, revisions, strict=True):
            organisation.latest_revision = organisation.live_revision = revision
            by_pk[organisation.pk] = revision
            if to_link:
                unlinked.append(organisation.pk)
        if unlinked:  # one UPDATE per batch: each entry points at its newest revision (the one just created)
            newest = (
                Revision.objects.filter(
                    base_content_type=self.content_type, object_id=Cast(OuterRef("pk"), CharField(max_length=255))
                )
                .order_by("-pk")
                .values("pk")[:1]
            )
            Organisation.objects.filter(pk__in=unlinked).update(
                latest_revision=Subquery(newest), live_revision=Subquery(newest)
            )
        return by_pk

    def log(self, organisations, revisions):
        run = uuid.uuid4()
        user_id = self.user.pk if self.user is not None else None
        rows = []
        for organisation, plan in organisations:
            first = "wagtail.create" if plan.action == CREATE else "wagtail.edit"
            label, revision_id = str(organisation)[:1000], revisions[organisation.pk].pk
            for action in (first, "wagtail.publish"):
                rows.append(
                    (self.content_type.pk, label, action, self.now, {}, run, user_id, revision_id, True, False,
                     str(organisation.pk))
                )  # fmt: skip
        fields = ("content_type", "label", "action", "timestamp", "data", "uuid", "user", "revision",
                  "content_changed", "deleted", "object_id")  # fmt: skip
        insert_rows(ModelLogEntry, fields, rows)

    def index(self, by_pk):
        rows = []
        type_id = self.content_type.pk
        for organisation in by_pk.values():
            for to_type, to_id, model_path, content_path in references(organisation):
                rows.append(
                    (type_id, type_id, str(organisation.pk), to_type, to_id, model_path, content_path,
                     ReferenceIndex._get_content_path_hash(content_path))
                )  # fmt: skip
        for part in chunks([str(pk) for pk in by_pk]):
            ReferenceIndex.objects.filter(base_content_type=self.content_type, object_id__in=part).delete()
        fields = ("content_type", "base_content_type", "object_id", "to_content_type", "to_object_id", "model_path",
                  "content_path", "content_path_hash")  # fmt: skip
        insert_rows(ReferenceIndex, fields, rows)
        add_to_admin_search(Organisation, by_pk.values())
