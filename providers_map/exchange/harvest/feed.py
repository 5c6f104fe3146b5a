"""Reading a feed: every organisation an HSDS 3.0 API publishes (fully nested, with its services and locations),
or the tables of an HSDS tabular data package.

An API is asked for `/organizations?full=true&full_service=true`, as a stream (`format=ndjson`) where it offers
one, else page by page. The first request is conditional (the ETag / Last-Modified the last complete harvest
got): 304 means nothing changed. Pagination is bounded (pages, records) and must make progress: a page that
brings only organisations already read, or more pages than the feed said it had, ends the harvest as failed.
"""

import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin

from django.utils.translation import gettext as _

from providers_map.exchange.importing.hsds_reader import DESCRIPTOR, package_error, read_package
from providers_map.exchange.importing.readers import UnusableInput

from .fetch import FetchError, retry_after
from .records import check_organization
from .unnest import Collector

NDJSON = "application/x-ndjson"


class FeedError(FetchError):
    """The feed answered, but not as an HSDS feed must."""


@dataclass
class FeedData:
    unchanged: bool = False
    tables: dict | None = None  # {table: [flat records]}
    terms: dict = field(default_factory=dict)  # term id -> the feed's nested taxonomy_term (API)
    errors: dict | None = None  # organisation id -> schema errors (API: checked as they came; package: later)
    validators: dict = field(default_factory=dict)  # what to send next time: {"etag", "last_modified"}
    streamed: bool = False


def _validators(answer):
    found = {}
    if answer.headers.get("etag"):
        found["etag"] = answer.headers["etag"]
    if answer.headers.get("last-modified"):
        found["last_modified"] = answer.headers["last-modified"]
    return found


def _conditional(validators):
    headers = {}
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    return headers


def _json(data, where):
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedError(_("The feed sent something that is not JSON (%(where)s): %(error)s") % {
            "where": where, "error": str(exc)[:200]}) from exc  # fmt: skip


def _status_error(answer):
    return FeedError(_("The feed answered %(status)s to %(url)s.") % {"status": answer.status, "url": answer.url[:200]})


class ApiReader:
    """Every organisation of an HSDS API, within the fetcher's limits."""

    def __init__(self, fetcher, base_url, validators=None, progress=None):
        self.collector = Collector(check_organization)
        self.fetcher = fetcher
        self.base = base_url.rstrip("/") + "/"
        self.validators = validators or {}
        self.progress = progress or (lambda count: None)
        self.seen = set()

    def url(self, **query):
        return urljoin(self.base, "organizations") + "?" + urlencode({"full": "true", "full_service": "true", **query})

    def _get(self, url, headers=None, stream=False):
        """A request; a 429/503 asking for a short wait is waited for and tried once more."""
        call = self.fetcher.stream if stream else self.fetcher.get
        result = call(url, headers)
        answer = result[0] if stream else result
        wait = retry_after(answer)
        if wait is not None:
            time.sleep(wait)
            result = call(url, headers)
        return result

    def add(self, data):
        if not isinstance(data, dict):
            raise FeedError(_("The feed sent an organisation that is not a JSON object."))
        self.collector.add(data)
        count = self.collector.count
        if count > self.fetcher.limits.max_records:
            raise FeedError(
                _("The feed has more than %(count)s organisations: raise the limit to read it.")
                % {"count": self.fetcher.limits.max_records}
            )
        if count % 200 == 0:
            self.progress(count)

    def data(self, validators, streamed=False):
        collector = self.collector
        return FeedData(tables=collector.unnester.tables, terms=collector.unnester.terms, errors=collector.errors,
                        validators=validators, streamed=streamed)  # fmt: skip

    def read(self):
        answer, lines = self._get(self.url(format="ndjson"), _conditional(self.validators), stream=True)
        if answer.status == 304:
            return FeedData(unchanged=True, validators=self.validators)
        if answer.status == 200 and answer.content_type == NDJSON:
            for number, line in enumerate(lines, start=1):
                self.add(_json(line, _("line %(number)s of the stream") % {"number": number}))
            return self.data(_validators(answer), streamed=True)
        if answer.status == 200:  # the stream's parameter ignored: this is page 1 already
            return self.pages(first=answer, validators=_validators(answer))
        if answer.status in (400, 404, 406, 422):  # no ndjson here: page through
            return self.pages()
        raise _status_error(answer)

    def pages(self, first=None, validators=None):
        limits = self.fetcher.limits
        page, answer = 1, first
        if answer is None:
            answer = self._get(self.url(page=1, per_page=limits.per_page), _conditional(self.validators))
            if answer.status == 304:
                return FeedData(unchanged=True, validators=self.validators)
            validators = _validators(answer)
        while True:
            if answer.status != 200:
                raise _status_error(answer)
            body = _json(answer.body, _("page %(page)s") % {"page": page})
            contents = body.get("contents") if isinstance(body, dict) else None
            if not isinstance(contents, list):
                raise FeedError(_("Page %(page)s of the feed is not an HSDS page (no contents list).") % {"page": page})
            fresh = [item for item in contents if not isinstance(item, dict) or item.get("id") not in self.seen]
            if contents and not fresh:
                raise FeedError(_("Page %(page)s repeats organisations already read: the feed pages in a loop.") % {
                    "page": page})  # fmt: skip
            for item in contents:
                self.add(item)
                self.seen.add(item.get("id"))
            total_pages = body.get("total_pages")
            if body.get("last_page") is True or not contents or (isinstance(total_pages, int) and page >= total_pages):
                return self.data(validators or {})
            page += 1
            if page > limits.max_pages:
                raise FeedError(
                    _("The feed has more than %(pages)s pages: not read further.") % {"pages": limits.max_pages}
                )
            answer = self._get(self.url(page=page, per_page=limits.per_page))


class RemoteSource:
    """A data package on the feed's host, read as the import reads a folder (`hsds_reader.Source`)."""

    def __init__(self, fetcher, base_url):
        self.fetcher = fetcher
        self.base = base_url if base_url.endswith(DESCRIPTOR) else base_url.rstrip("/") + "/" + DESCRIPTOR

    def read(self, name, limit):
        answer = self.fetcher.get(urljoin(self.base, name))
        if answer.status != 200:
            raise package_error(_("the file %(name)s is missing.") % {"name": name})
        if len(answer.body) > limit:
            raise package_error(_("%(name)s is too large.") % {"name": name})
        return answer.body


def read_feed(fetcher, source, progress=None):
    """FeedData of a source (its kind says API or package)."""
    if source.kind == source.Kind.PACKAGE:
        try:
            return FeedData(tables=read_package(RemoteSource(fetcher, source.base_url)))
        except UnusableInput as exc:
            raise FeedError(str(exc)) from exc
    return ApiReader(fetcher, source.base_url, source.validators, progress).read()
