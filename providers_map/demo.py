"""Demo registry: Novosibirsk region providers (demo_novosibirsk*), plus synthetic ones on request.

Idempotent: an organisation whose import key is already in the database is left as it is, so running
`load_demo` twice changes nothing. Deterministic: identifiers derive from the entry number, dates from
the day the demo is first loaded (so "stale" entries stay stale relative to that day).
"""

import datetime as dt
import importlib
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.demo_novosibirsk import ERROR_REPORTS, STATE_AND_NONPROFIT
from providers_map.demo_novosibirsk_municipal import MUNICIPAL
from providers_map.editor.setup import set_up_registry_editing
from providers_map.hours import parse_hours
from providers_map.models import ErrorReport, Location, Organisation, Service

ORDER = 30
ORGANISATIONS = sorted(STATE_AND_NONPROFIT + MUNICIPAL, key=lambda spec: spec["n"])
REGION_CODE = "54"
DATA_SOURCE = "демонстрационные данные"
INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)

# The concerns a demo service names when its row lists none: what such a service typically addresses. Family
# counselling and psychological support stay open to any child, so the finder's «принимают любых детей» group
# has real members while a concern filter still narrows.
DEFAULT_CONCERNS = {
    "determining-need": ["developmental-delay", "risk", "prematurity"],
    "functional-assessment": ["developmental-delay", "risk", "prematurity", "genetic-syndromes"],
    "iprp": ["developmental-delay", "autism", "cerebral-palsy", "down-syndrome", "genetic-syndromes", "multiple"],
    "communication": ["speech", "hearing", "autism"],
    "mobility": ["cerebral-palsy", "motor"],
    "self-care": ["cerebral-palsy", "down-syndrome", "multiple"],
    "cognitive": ["developmental-delay", "down-syndrome", "genetic-syndromes"],
    "socialisation": ["autism", "down-syndrome"],
    "family-counselling": [],
    "psychological-support": [],
    "parent-groups": ["autism", "down-syndrome", "cerebral-palsy"],
    "assistive-devices": ["cerebral-palsy", "motor", "vision", "hearing", "multiple"],
    "respite": ["multiple", "cerebral-palsy"],
    "remote": ["speech", "developmental-delay", "autism"],
    "home-visits": ["cerebral-palsy", "multiple", "prematurity"],
}


def demo_inn(n):
    """A 10-digit ИНН of a Novosibirsk-region organisation with a valid check digit."""
    body = f"5499{n:05d}"
    return body + str(sum(int(d) * w for d, w in zip(body, INN_WEIGHTS, strict=True)) % 11 % 10)


def demo_ogrn(n):
    """A 13-digit ОГРН (registered in 2002 in region 54) with a valid check digit."""
    body = f"102540099{n:03d}"
    return body + str(int(body) % 11 % 10)


def build(ctx):
    set_up_registry_editing(apps.get_model)  # the workflow and operators' group, if a test flushed them
    region = Region.objects.get(code=REGION_CODE)
    today = timezone.localdate()
    created = 0
    by_number = {}
    for spec in ORGANISATIONS:
        org = Organisation.objects.filter(import_key=demo_ogrn(spec["n"])).first()
        if org is None:
            org = _create(spec, region, today)
            created += 1
        by_number[spec["n"]] = org
    if created:
        _create_reports(by_number)
    ctx.log(f"Provider registry: {created} Novosibirsk-region organisations added ({len(ORGANISATIONS)} in the demo).")

    if ctx.providers > 0:
        try:
            synthetic = importlib.import_module("providers_map.demo_synthetic")
        except ModuleNotFoundError as exc:
            if exc.name != "providers_map.demo_synthetic":
                raise
            ctx.log("Synthetic providers are not available in this version.")
        else:
            synthetic.build_synthetic(ctx, ctx.providers)


def _create(spec, region, today):
    n = spec["n"]
    verified = spec.get("verified_days")
    org = Organisation(
        name=spec["name"],
        short_name=spec["short"],
        ownership=spec["ownership"],
        sector=spec["sector"],
        inn=demo_inn(n),
        ogrn=demo_ogrn(n),
        website=f"https://provider-{n:02d}.example.org/",
        email=f"info@provider-{n:02d}.example.org",
        phones=f"+7383000{n:02d}01\n+7383000{n:02d}02" if n % 3 == 0 else f"+7383000{n:02d}01",
        description=spec["description"],
        how_to_get_help=spec["how"],
        referral_required=spec["referral"],
        documents=spec["documents"],
        cost=spec["cost"],
        cost_note=spec.get("cost_note", ""),
        in_official_registry=spec["ownership"] in ("state", "municipal") and not spec.get("draft"),
        verified_at=today - dt.timedelta(days=verified) if verified is not None else None,
        data_source=DATA_SOURCE,
        status=spec.get("status", Organisation.Status.ACTIVE),
        live=False,
    )
    org.locations = [_location(row, region) for row in spec["locations"]]
    org.services = [_service(row) for row in spec["services"]]
    org.full_clean()
    org.save()
    _save_service_tags(org, spec["services"])

    revision = org.save_revision(log_action=True)
    if not spec.get("draft"):
        revision.publish()
        org.refresh_from_db()
    for field, value in spec.get("pending_changes", {}).items():
        setattr(org, field, value)
        org.save_revision(log_action=True)  # a draft change waiting on top of the published entry
    return org


def _location(row, region):
    name, locality, address, postcode, lat, lon, hours, accessibility, modes = row
    return Location(
        name=name,
        region=region,
        locality=locality,
        address=address,
        postcode=postcode,
        latitude=Decimal(str(lat)),
        longitude=Decimal(str(lon)),
        coordinates_source=Location.CoordinatesSource.EDITOR,
        opening_hours=parse_hours(hours),
        accessibility=list(accessibility),
        delivery_modes=list(modes),
    )


def _service(row):
    slug, age_min, age_max, _concerns, _languages = row
    return Service(service_type=ServiceType.objects.get(slug=slug), age_min_months=age_min, age_max_months=age_max)


def _save_service_tags(org, rows):
    for service, (slug, _min, _max, concerns, languages) in zip(
        org.services.order_by("sort_order", "pk"), rows, strict=True
    ):
        slugs = concerns or DEFAULT_CONCERNS.get(slug, [])
        service.concerns.set(DevelopmentalConcern.objects.filter(slug__in=slugs))
        service.languages.set(Language.objects.filter(slug__in=languages))
        service.save()


def _create_reports(by_number):
    for n, topic, message, status in ERROR_REPORTS:
        org = by_number.get(n)
        if org is not None and not org.error_reports.filter(message=message).exists():
            ErrorReport.objects.create(organisation=org, topic=topic, message=message, status=status)
