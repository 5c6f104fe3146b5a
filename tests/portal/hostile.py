"""A bounded generator of hostile HTTP requests against the whole application (tests/portal/test_hostile_requests.py).

It discovers what to attack instead of listing it, so pages, forms and endpoints added later are covered:
- every route in the URLconf (parameters filled with real slugs and ids, and with hostile values),
- every page in /sitemap.xml and every form on those pages (fields, options, the CSRF token),
- every operation and parameter in the OpenAPI document at /api/v1/openapi.json (these three: discovery.py),
- the documents library (byte ranges on videos).
Then it builds requests that vary the method, the path, the query, the headers, the cookies and the body, in a
deterministic order from a seed, up to a fixed count.
"""

import json
import random
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from tests.portal.discovery import (
    METHODS,
    distinct_forms,
    openapi_operations,
    page_forms,
    pages_per_shape,
    route_templates,
    sitemap_paths,
)

MARK = "hx7"  # every markup payload carries this tag name or attribute: seen raw in HTML = reflected unescaped
MARKUP = [
    f"<{MARK}>",
    f'"><{MARK} a=1>',
    f"'><script>alert('{MARK}')</script>",
    f"</title></textarea></script><{MARK}>",
    f'x" on{MARK}="1',
    f"x' on{MARK}='1",
    f"<img src=x on{MARK}=1>",
    f"javascript:alert('{MARK}')",
    f"<svg/on{MARK}=1>",
]
RAW_MARKERS = [
    f"<{MARK}",
    f'" on{MARK}="',
    f"' on{MARK}='",
    f"<img src=x on{MARK}",
    f"<svg/on{MARK}",
    f"<script>alert('{MARK}')",
]
VALUES = [
    *MARKUP,
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "inf",
    "9" * 30,
    "9" * 4400,
    "-" + "9" * 25,
    "\x00",
    "%00",
    "%ZZ",
    "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
    "ёжик Ё",
    "\u202egnp.exe",
    "😀" * 20,
    "a" * 5000,
    "../../../../etc/passwd",
    "/%2e%2e/%2e%2e/",
    "//evil.example/",
    "https://evil.example/",
    "[]",
    "{}",
    "null",
    "true",
    "1,2",
    "55.75,37.61",
    "200,200",
    "-91,181",
    "1,2,3",
    "37.5,55.5,37.7,55.9",
    "1,2,3,4,5",
    "abc,def",
    "2026-02-30",
    "99999-01-01",
    "' OR 1=1 --",
    "${7*7}{{7*7}}",
]
HEADERS = [
    {"HTTP_RANGE": "bytes=" + "9" * 5000 + "-"},
    {"HTTP_RANGE": "bytes=0-" + "9" * 5000},
    {"HTTP_RANGE": "bytes=-" + "9" * 40},
    {"HTTP_RANGE": "bytes=5-2"},
    {"HTTP_RANGE": "bytes=0-1,3-4,abc"},
    {"HTTP_RANGE": "items=0-10"},
    {"CONTENT_LENGTH": "abc"},
    {"CONTENT_LENGTH": "-5"},
    {"CONTENT_LENGTH": "9" * 5000},
    {"CONTENT_TYPE": "application/x-www-form-urlencoded; charset=utf-16"},
    {"CONTENT_TYPE": "application/x-www-form-urlencoded; charset=no-such-charset"},
    {"CONTENT_TYPE": "multipart/form-data; boundary="},
    {"CONTENT_TYPE": "multipart/form-data"},
    {"CONTENT_TYPE": "text/plain; charset=utf-32"},
    {"HTTP_HOST": "evil.example"},
    {"HTTP_HOST": "testserver:99999999"},
    {"HTTP_HOST": f"<{MARK}>"},
    {"HTTP_ACCEPT_LANGUAGE": "x" * 500 + ";q=abc, ru;q=9" * 20},
    {"HTTP_ACCEPT_LANGUAGE": f"<{MARK}>"},
    {"HTTP_ACCEPT": "application/json;q=abc, */*;q=-1"},
    {"HTTP_ACCEPT_ENCODING": "gzip;q=abc, br, " + "x" * 300},
    {"HTTP_X_FORWARDED_FOR": f"<{MARK}>, 999.1.1.1, , ::::"},
    {"HTTP_X_FORWARDED_PROTO": "https, http"},
    {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
    {"HTTP_IF_MODIFIED_SINCE": "Sun, 99 Foo 99999 99:99:99 GMT"},
    {"HTTP_IF_NONE_MATCH": f'"{MARK}", W/, *, "' + "9" * 300},
    {"HTTP_IF_MATCH": "garbage"},
    {"HTTP_IF_UNMODIFIED_SINCE": "yesterday"},
    {"HTTP_REFERER": f"javascript:alert('{MARK}')"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_AUTHORIZATION": "Bearer " + "a" * 2000},
    {"HTTP_USER_AGENT": f"<{MARK}>" + "\x00"},
    {"HTTP_COOKIE": "sessionid=" + "a" * 5000},
    {"HTTP_COOKIE": f"csrftoken=<{MARK}>; low_vision=<{MARK}>"},
    {"HTTP_COOKIE": "low_vision=1; sessionid=garbage; messages=garbage"},
    {"HTTP_COOKIE": "=;;==; \x00=\x00"},
]


@dataclass
class Probe:
    method: str
    path: str
    query: str = ""
    body: bytes = b""
    content_type: str = ""
    extra: dict = field(default_factory=dict)
    label: str = ""

    def describe(self):
        query = f"?{self.query[:120]}" if self.query else ""
        return f"{self.label}: {self.method} {self.path[:160]}{query} {sorted(self.extra)[:4]}"


class HostileRequests:
    """Builds `count` probes from what the application shows (seeded, so a failure can be replayed)."""

    def __init__(self, client, seed, slugs, ids, documents, admin_sample=60):
        self.client, self.random = client, random.Random(seed)
        self.slugs, self.ids, self.documents = slugs, ids, documents
        self.admin_sample = admin_sample

    def discover(self):
        paths = set(sitemap_paths(self.client))
        routes = route_templates()
        admin = [r for r in routes if r[0].startswith("admin/")]
        routes = [r for r in routes if not r[0].startswith("admin/")]
        routes += self.random.sample(admin, min(self.admin_sample, len(admin)))
        for template, params in routes:
            paths.add("/" + template % {name: self.value_for(name) for name in params})
        self.paths = sorted(paths)
        self.operations = openapi_operations(self.client)
        for _method, template, _params in self.operations:
            self.paths.append(self.fill_api_path(template))
        html_pages = [p for p in self.paths if not p.startswith(("/api/", "/admin/", "/documents/"))]
        self.forms = distinct_forms(page_forms(self.client, pages_per_shape(html_pages)))
        self.params = sorted(
            {name for form in self.forms if form.method == "GET" for name, _v in form.fields}
            | {"page", "q", "next", "mode", "sort", "format", "feedback", "t"}
        )
        return self

    def value_for(self, name, hostile=False):
        if hostile:
            return self.random.choice(VALUES)
        if "slug" in name or name in ("_0", "path"):
            return self.random.choice(self.slugs)
        if "id" in name or name.startswith("_"):
            return str(self.random.choice(self.ids))
        return self.random.choice(["csv", "xlsx", "geojson", "x"])

    def fill_api_path(self, template, hostile=False):
        return re.sub(r"\{[^}]+\}", lambda m: self.value_for(m.group(0), hostile).replace("/", "%2F"), template)

    def probes(self, count):
        built = [*self.method_probes(), *self.form_probes(), *self.api_probes(), *self.document_probes()]
        while len(built) < count:
            built.append(self.random_probe())
        self.random.shuffle(built)
        return built[:count] if len(built) > count else built

    def method_probes(self):
        for path in self.paths:
            for method in METHODS:
                yield Probe(method, path, label="method")
            yield Probe("GET", path, self.hostile_query(), label="query")
            yield Probe("GET", path.rstrip("/") + "/" + self.quote_segment(self.random.choice(MARKUP)), label="path")

    def form_probes(self):
        for form in self.forms:
            names = list(dict.fromkeys(name for name, _value in form.fields if name != "csrfmiddlewaretoken"))
            if form.method == "GET":
                for name in names:
                    for value in (self.random.choice(MARKUP), self.random.choice(VALUES)):
                        yield Probe("GET", form.action, urlencode({name: value}), label=f"form-get {name}")
                continue
            token, cookie = self.csrf_for(form.page)
            for variant in range(6):
                fields = [(n, v) for n, v in form.fields if n != "csrfmiddlewaretoken"]
                fields = [(n, self.random.choice(VALUES) if variant % 2 else v) for n, v in fields]
                fields.append(("csrfmiddlewaretoken", token))
                yield Probe(
                    "POST",
                    form.action,
                    body=urlencode(fields).encode(),
                    content_type="application/x-www-form-urlencoded",
                    extra={"HTTP_COOKIE": cookie},
                    label=f"form-post {form.action}",
                )
            for body, content_type in self.hostile_bodies(names, token):
                yield Probe(
                    "POST",
                    form.action,
                    body=body,
                    content_type=content_type,
                    extra={"HTTP_COOKIE": cookie},
                    label="body",
                )
            for headers in HEADERS:
                yield Probe(
                    "POST",
                    form.action,
                    body=urlencode([(n, "x") for n in names] + [("csrfmiddlewaretoken", token)]).encode(),
                    content_type="application/x-www-form-urlencoded",
                    extra={"HTTP_COOKIE": cookie, **headers},
                    label="form-header",
                )

    def api_probes(self):
        for method, template, params in self.operations:
            names = [p["name"] for p in params if p.get("in") == "query"]
            for _ in range(8):
                query = {name: self.random.choice(VALUES) for name in self.random.sample(names, min(len(names), 3))}
                query[self.random.choice(["unknown", "x", f"<{MARK}>"])] = "1"
                yield Probe(method, self.fill_api_path(template), urlencode(query), label="api")
            yield Probe(method, self.fill_api_path(template, hostile=True), label="api-path")
            for headers in self.random.sample(HEADERS, 6):
                yield Probe(method, self.fill_api_path(template), extra=dict(headers), label="api-header")

    def document_probes(self):
        for url in self.documents:
            for headers in HEADERS[:6]:
                yield Probe("GET", url, extra=dict(headers), label="range")
            yield Probe("GET", re.sub(r"/documents/\d+/", "/documents/" + "9" * 4400 + "/", url), label="doc-id")
            yield Probe("GET", re.sub(r"/documents/\d+/", "/documents/" + "9" * 40 + "/", url), label="doc-id")

    def random_probe(self):
        """Any URL × any method × any hostile header, query and body: what the structured probes did not pair."""
        path, method = self.random.choice(self.paths), self.random.choice(METHODS)
        extra = dict(self.random.choice(HEADERS)) if self.random.random() < 0.7 else {}
        body, content_type = (b"", "")
        if method in ("POST", "PUT", "PATCH"):
            body, content_type = self.random.choice(self.hostile_bodies(self.params[:5], "x" * 32))
        return Probe(method, path, self.hostile_query(), body, content_type, extra, label="random")

    def hostile_query(self):
        pairs = [
            (self.random.choice(self.params), self.random.choice(VALUES)) for _ in range(self.random.randint(1, 3))
        ]
        return urlencode(pairs)

    def hostile_bodies(self, names, token):
        name = names[0] if names else "field"
        return [
            ("=".join([name, "x"]).encode("utf-16"), "application/x-www-form-urlencoded; charset=utf-16"),
            (f"{name}=x&csrfmiddlewaretoken={token}".encode(), "application/x-www-form-urlencoded; charset=utf-16"),
            (b"\xff\xfe\x00garbage=\xff", "application/x-www-form-urlencoded"),
            (("a=" + "x" * 3_000_000).encode(), "application/x-www-form-urlencoded"),
            ("&".join(f"f{i}=1" for i in range(12_000)).encode(), "application/x-www-form-urlencoded"),
            (b'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n', "multipart/form-data; boundary=b"),
            (b"--b\r\nbroken", "multipart/form-data; boundary=" + "b" * 300),
            (b"not multipart", "multipart/form-data; boundary=zz"),
            (b'{"a": [1, 2, {"b": ' * 50, "application/json"),
            (json.dumps({name: MARKUP[0]}).encode(), "application/json"),
            (b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY b SYSTEM 'file:///etc/passwd'>]><a>&b;</a>", "text/xml"),
        ]

    def csrf_for(self, page):
        response = self.client.get(page)
        token = response.cookies.get("csrftoken")
        cookie_value = token.value if token else ""
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.content)
        return (match.group(1).decode() if match else cookie_value), f"csrftoken={cookie_value}"

    @staticmethod
    def quote_segment(value):
        return "".join(c if c.isalnum() else f"%{ord(c):02X}" if ord(c) < 128 else c for c in value)


def send(client, probe):
    extra = dict(probe.extra)
    content_type = extra.pop("CONTENT_TYPE", probe.content_type)
    kwargs = {"QUERY_STRING": probe.query} if probe.query else {}
    if content_type:
        kwargs["content_type"] = content_type
    return client.generic(probe.method, probe.path, probe.body, **kwargs, **extra)


def problems_with(probe, response):
    """What a hostile reader would have got: a 5xx, unescaped markup, an off-site redirect, a bare error."""
    found = []
    if response.status_code >= 500:
        found.append(f"status {response.status_code}")
    content_type = response.get("Content-Type", "")
    body = b"" if response.streaming else response.content
    if "html" in content_type:
        text = body.decode("utf-8", "replace")
        found.extend(f"unescaped {marker!r}" for marker in RAW_MARKERS if marker in text)
    location = response.get("Location", "")
    if location and urlsplit(location).netloc not in ("", "testserver") or location.lower().startswith("javascript"):
        found.append(f"redirects off-site to {location[:80]!r}")
    if 400 <= response.status_code < 500 and probe.method != "HEAD" and not response.streaming:
        # The API, and a page's script that asked for JSON (Accept), get {"error", "details"}; readers get a page.
        wants_json = "application/json" in str(probe.extra.get("HTTP_ACCEPT", ""))
        if probe.path.startswith("/api/") or (wants_json and "json" in content_type):
            try:
                payload = json.loads(body)
                assert {"error", "details"} <= set(payload)
            except (ValueError, AssertionError, TypeError):
                found.append(f"API error {response.status_code} is not JSON {{error, details}}")
        elif "text/html" not in content_type or not re.search("[а-яА-Я]", body.decode("utf-8", "replace")):
            found.append(f"error {response.status_code} is not a Russian page ({content_type})")
    return found
