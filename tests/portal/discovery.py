"""What the hostile-request generator (hostile.py) attacks, found from the application itself: the URLconf's
routes, the sitemap's pages and the forms on them, and the OpenAPI document's operations."""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.urls import URLResolver, get_resolver
from django.utils.regex_helper import normalize

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "CONNECT"]


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list  # [(name, value)]


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.current = {"action": attrs.get("action", ""), "method": attrs.get("method", "get"), "fields": []}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag in ("input", "textarea", "button") and attrs.get("name"):
            self.current["fields"].append((attrs["name"], attrs.get("value", "")))
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
        elif tag == "option" and self.select:
            self.current["fields"].append((self.select, attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def route_templates():
    """Every URL pattern as (format string, parameter names), from the URLconf itself."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            regex = pattern.pattern.regex.pattern.lstrip("^").removesuffix(r"\Z").removesuffix("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + regex)
                continue
            try:
                found.extend(normalize(prefix + regex)[:1])
            except (NotImplementedError, ValueError):
                continue

    walk(get_resolver().url_patterns, "")
    return found


def local_path(url):
    parts = urlsplit(url)
    return parts.path or "/"


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    return [local_path(url) for url in re.findall(r"<loc>(.*?)</loc>", response.content.decode())]


def openapi_operations(client):
    """[(method, path template, [parameter]), …] from the OpenAPI document."""
    response = client.get("/api/v1/openapi.json")
    if response.status_code != 200:
        return []
    document = json.loads(response.content)
    operations = []
    for template, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            if method.upper() in METHODS:
                operations.append((method.upper(), template, operation.get("parameters", [])))
    return operations


def page_forms(client, paths):
    forms = []
    for path in paths:
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _FormParser()
        parser.feed(response.content.decode("utf-8", "replace"))
        for form in parser.forms:
            action = local_path(form["action"]) if form["action"] else path
            forms.append(Form(path, action, form["method"].upper(), form["fields"]))
    return forms


def pages_per_shape(paths, per_shape=4):
    """A few pages of each URL shape (`/providers/*/report/`), spread over the sorted list: pages of one shape share
    their template, so the rest would only find the same forms again (each is a whole page render)."""
    shapes = {}
    for path in sorted(paths):
        parts = path.strip("/").split("/")
        shapes.setdefault((parts[0], len(parts), parts[-1] if len(parts) > 2 else ""), []).append(path)
    kept = []
    for group in shapes.values():
        step = max(1, len(group) // per_shape)
        kept += group[::step][:per_shape]
    return kept


def distinct_forms(forms, per_kind=2):
    """The same form on many pages (the report form of every provider, the feedback form of every guidance
    page) is attacked on two of them: the code behind it is the same."""
    kept, seen = [], {}
    for form in forms:
        kind = (form.method, tuple(sorted({name for name, _value in form.fields})))
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= per_kind:
            kept.append(form)
    return kept
