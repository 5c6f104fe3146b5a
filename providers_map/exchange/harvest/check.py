"""«Проверить»: a feed checked on the spot, nothing written. The first page (or the package's first
organisations) is read with the harvest's own fetcher and limits, validated, and shown as it would come in."""

from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin

from django.utils.translation import gettext as _

from providers_map.exchange.importing.hsds_reader import read_package

from .feed import FeedError, RemoteSource, _json, _status_error
from .fetch import Fetcher, FetchError, Limits
from .records import COMPLETENESS, LABELS, Summary, check_organization, check_tables
from .unnest import unnest

SAMPLE = 10
# A check runs inside an admin request: it waits less and reads less than a background harvest.
CHECK_LIMITS = {"response_seconds": 15.0, "read_timeout": 10.0, "max_bytes": 8 * 1024 * 1024}


@dataclass
class Preview:
    error: str = ""
    total: int | None = None
    items: list = field(default_factory=list)  # {"name", "services", "locations", "errors", "missing"}
    response_ms: int | None = None

    @property
    def valid(self):
        return sum(1 for item in self.items if not item["errors"])


def sample_api(fetcher, base_url):
    base = base_url.rstrip("/") + "/"
    url = urljoin(base, "organizations") + "?" + urlencode({"full": "true", "full_service": "true", "per_page": SAMPLE})
    answer = fetcher.get(url)
    if answer.status != 200:
        raise _status_error(answer)
    body = _json(answer.body, _("page %(page)s") % {"page": 1})
    contents = body.get("contents") if isinstance(body, dict) else None
    if not isinstance(contents, list):
        raise FeedError(_("Page %(page)s of the feed is not an HSDS page (no contents list).") % {"page": 1})
    organizations = [item for item in contents[:SAMPLE] if isinstance(item, dict)]
    errors = {item.get("id"): check_organization(item) for item in organizations}
    tables, _terms = unnest(organizations)
    return tables, errors, body.get("total_items")


def check_feed(source):
    """The Preview of a FeedSource (saved or not)."""
    preview = Preview()
    try:
        limits = Limits.from_settings()
        limits = Limits.from_settings(**{k: min(v, getattr(limits, k)) for k, v in CHECK_LIMITS.items()})
        fetcher = Fetcher(source.base_url, source.allow_private, limits)
        if source.kind == source.Kind.PACKAGE:
            tables = read_package(RemoteSource(fetcher, source.base_url))
            errors, total = check_tables(tables), len(tables["organization"])
            tables["organization"] = tables["organization"][:SAMPLE]
        else:
            tables, errors, total = sample_api(fetcher, source.base_url)
        preview.total, preview.response_ms = total, fetcher.stats.average_ms
    except (FetchError, ValueError) as exc:
        preview.error = str(exc)
        return preview
    summary = Summary(tables)
    for organization in tables["organization"]:
        met = summary.completeness(organization)
        preview.items.append(
            {
                "name": organization.get("name") or organization.get("id"),
                "services": len(summary.related("service", organization.get("id"))),
                "locations": len(summary.related("location", organization.get("id"))),
                "errors": [e for e in errors.get(organization.get("id")) or [] if e],
                "missing": [str(LABELS[name]) for name in COMPLETENESS if not met[name]],
            }
        )
    return preview
