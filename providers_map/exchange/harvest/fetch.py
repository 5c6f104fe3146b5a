"""HTTP for the harvester: only the feed's own host, by http(s), no redirect elsewhere, no private address unless
the operator allowed it, bounded in time and size, one request at a time with a pause between requests.

The host name is resolved once per request and the address is checked before anything is sent; the connection
then goes to that very address (the name is kept for the Host header, TLS's SNI and certificate check), so a
name that resolves differently a moment later cannot steer a request inside the network. Every answer is read in
chunks against a byte limit and a deadline for the whole answer (a trickling server cannot hold a harvest for
longer than that); compressed answers are counted after decompression.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

import urllib3

USER_AGENT = "early-care-portal-harvester/1.0 (Open Referral HSDS 3.0)"
CHUNK = 64 * 1024
MAX_REDIRECTS = 3
MAX_RETRY_AFTER = 30  # seconds; a feed that asks for more is tried at the next harvest


@dataclass(frozen=True)
class Limits:
    """What one harvest may spend; settings HARVEST_* override the defaults (tests make them small)."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    response_seconds: float = 120.0  # the whole answer, however slowly it trickles
    max_bytes: int = 64 * 1024 * 1024  # one answer (a page, a file), or one line of a stream; decompressed
    stream_bytes: int = 2 * 1024 * 1024 * 1024  # a whole ndjson stream
    stream_seconds: float = 1800.0
    max_records: int = 50_000  # organisations in one feed
    max_pages: int = 2_000
    per_page: int = 100
    request_interval: float = 0.2  # pause between two requests to the same feed

    @classmethod
    def from_settings(cls, **overrides):
        values = {name: getattr(settings, f"HARVEST_{name.upper()}", default) for name, default in _DEFAULTS.items()}
        return cls(**{**values, **overrides})


_DEFAULTS = {name: value.default for name, value in Limits.__dataclass_fields__.items()}


class FetchError(Exception):
    """The feed could not be read as it must be; the message says why, for the operator (Russian)."""


@dataclass
class Answer:
    url: str
    status: int
    headers: dict
    body: bytes = b""
    elapsed_ms: int = 0

    @property
    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class Stats:
    requests: int = 0
    bytes_read: int = 0
    response_ms: list = field(default_factory=list)

    @property
    def average_ms(self):
        return round(sum(self.response_ms) / len(self.response_ms)) if self.response_ms else None


def _blocked(address):
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified


class Fetcher:
    """GETs for one feed source: `get(url, headers)` → Answer; `lines(url)` → the lines of a stream."""

    def __init__(self, base_url, allow_private=False, limits=None):
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(_("The feed address must start with http:// or https:// and name a host."))
        self.scheme, self.hostname = parts.scheme, parts.hostname
        self.port = parts.port or (443 if self.scheme == "https" else 80)
        self.allow_private = allow_private
        self.limits = limits or Limits.from_settings()
        self.stats = Stats()
        self._last_request = 0.0

    # Where a request may go
    def check_url(self, url):
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if parts.scheme != self.scheme or parts.hostname != self.hostname or port != self.port:
            raise FetchError(
                _("The feed sent us to another address (%(url)s): only its own host is read.") % {"url": url[:200]}
            )
        return parts

    def address(self):
        """The address to connect to: the first the name resolves to, refused if private (unless allowed)."""
        try:
            found = socket.getaddrinfo(self.hostname, self.port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(_("The feed's host name cannot be resolved: %(error)s") % {"error": exc}) from exc
        address = found[0][4][0]
        if not self.allow_private and _blocked(address):
            raise FetchError(
                _("The feed's host resolves to a private or loopback address (%(address)s); an operator must allow it.")
                % {"address": address}
            )
        return address

    def _pool(self, address):
        timeout = urllib3.Timeout(connect=self.limits.connect_timeout, read=self.limits.read_timeout)
        common = {"timeout": timeout, "retries": False, "maxsize": 1, "block": False}
        if self.scheme == "https":
            return urllib3.HTTPSConnectionPool(
                address, self.port, server_hostname=self.hostname, assert_hostname=self.hostname, **common
            )
        return urllib3.HTTPConnectionPool(address, self.port, **common)

    def _pause(self):
        wait = self._last_request + self.limits.request_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()

    def _open(self, url, headers):
        """The response (headers read, body not yet), following same-host redirects only."""
        for _hop in range(MAX_REDIRECTS + 1):
            parts = self.check_url(url)
            self._pause()
            host_header = self.hostname if parts.port is None else f"{self.hostname}:{parts.port}"
            request_headers = {
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": "application/json, application/x-ndjson;q=0.9, text/csv;q=0.8, */*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
                **(headers or {}),
            }
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            started = time.monotonic()
            try:
                response = self._pool(self.address()).urlopen(
                    "GET", path, headers=request_headers, redirect=False, preload_content=False
                )
            except urllib3.exceptions.HTTPError as exc:
                raise FetchError(_("The feed did not answer: %(error)s") % {"error": str(exc)[:300]}) from exc
            self.stats.requests += 1
            self.stats.response_ms.append(round((time.monotonic() - started) * 1000))
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location", "")
                response.release_conn()
                url = urljoin(url, location)
                continue
            return url, response, started
        raise FetchError(_("The feed redirects too many times."))

    def _chunks(self, response, started, max_bytes=None, seconds=None):
        deadline = started + (seconds or self.limits.response_seconds)
        max_bytes = max_bytes or self.limits.max_bytes
        size = 0
        try:
            while chunk := response.read1(CHUNK, decode_content=True):  # what has come, not a full chunk
                size += len(chunk)
                self.stats.bytes_read += len(chunk)
                if size > max_bytes:
                    raise FetchError(
                        _("The feed's answer is larger than %(mb)s MB: not read further.")
                        % {"mb": round(max_bytes / 1024 / 1024, 1)}
                    )
                if time.monotonic() > deadline:
                    raise FetchError(
                        _("The feed answers too slowly: no complete answer in %(seconds)s s.")
                        % {"seconds": seconds or self.limits.response_seconds}
                    )
                yield chunk
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(_("The feed's answer broke off: %(error)s") % {"error": str(exc)[:300]}) from exc
        finally:
            response.release_conn()

    def get(self, url, headers=None):
        """The whole answer (any status), read within the limits."""
        url, response, started = self._open(url, headers)
        body = b"".join(self._chunks(response, started))
        headers = {key.lower(): value for key, value in response.headers.items()}
        return Answer(url, response.status, headers, body, self.stats.response_ms[-1])

    def stream(self, url, headers=None):
        """(Answer without body, iterator of its lines): for format=ndjson, read as it comes."""
        url, response, started = self._open(url, headers)
        headers = {key.lower(): value for key, value in response.headers.items()}
        answer = Answer(url, response.status, headers, b"", self.stats.response_ms[-1])

        def lines():
            """The stream's lines; the whole stream and each line have their own limits."""
            pending = b""
            limits = self.limits
            for chunk in self._chunks(response, started, limits.stream_bytes, limits.stream_seconds):
                pending += chunk
                *complete, pending = pending.split(b"\n")
                yield from (line for line in complete if line.strip())
                if len(pending) > limits.max_bytes:
                    raise FetchError(
                        _("The feed's answer is larger than %(mb)s MB: not read further.")
                        % {"mb": round(limits.max_bytes / 1024 / 1024, 1)}
                    )
            if pending.strip():
                yield pending

        if response.status != 200:
            body = b"".join(self._chunks(response, started))
            answer.body = body
            return answer, iter(())
        return answer, lines()


def retry_after(answer):
    """Seconds a 429/503 answer asks us to wait, if it is a wait we can afford now."""
    if answer.status not in (429, 503):
        return None
    try:
        seconds = int(answer.headers.get("retry-after", ""))
    except ValueError:
        return None
    return seconds if 0 <= seconds <= MAX_RETRY_AFTER else None
