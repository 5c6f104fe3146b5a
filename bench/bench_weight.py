"""Transferred weight of the home page and a provider page, with and without HTTP compression.

    DATABASE_URL=postgres://… DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=… \
        ALLOWED_HOSTS=testserver WAGTAILADMIN_BASE_URL=https://example.org .venv/bin/python bench/bench_weight.py

Needs the demo content in the database behind DATABASE_URL (`load_demo`) and, for compressed static
files, `collectstatic` into STATIC_ROOT under the settings given. Each page is requested in-process through
the whole middleware stack, twice: as a browser does (`Accept-Encoding: gzip, br`) and without compression
(`identity`). Every stylesheet, script and image the page's HTML references is then fetched the same way.
Prints, per page, the bytes of response bodies transferred (HTTP headers not counted) and what the
largest resources weigh. A resource the application does not serve (404) is reported, never guessed.
"""

import argparse
import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from providers_map.models import Organisation  # noqa: E402

ENCODINGS = {"compressed": "gzip, deflate, br", "uncompressed": "identity"}


class Subresources(HTMLParser):
    """URLs a browser loads while rendering the page: stylesheets, scripts, images, icons, posters."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and ({"stylesheet", "icon", "apple-touch-icon", "preload"} & set(rel)) and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "video" and attrs.get("poster"):
            self.urls.append(attrs["poster"])


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def fetch(client, url, accept_encoding):
    response = client.get(url, HTTP_ACCEPT_ENCODING=accept_encoding, secure=True)
    return response.status_code, body(response), response.get("Content-Encoding", "")


def weigh(client, url, accept_encoding):
    status, html, encoding = fetch(client, url, accept_encoding)
    if status != 200:
        raise SystemExit(f"{url} answered {status}")
    rows = [(len(html), url, encoding, status)]
    plain = html
    if encoding:
        _status, plain, _encoding = fetch(client, url, "identity")
    parser = Subresources()
    parser.feed(plain.decode("utf-8", "replace"))
    for ref in dict.fromkeys(parser.urls):
        target = urljoin(url, ref)
        if urlsplit(target).netloc not in ("", client.defaults["HTTP_HOST"]):
            continue  # another origin (tiles, embeds): not this application's weight
        status, data, encoding = fetch(client, urlsplit(target).path, accept_encoding)
        rows.append((len(data) if status == 200 else 0, urlsplit(target).path, encoding, status))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provider", help="slug of the provider page (default: the first public organisation)")
    parser.add_argument("--detail", action="store_true", help="list every resource")
    args = parser.parse_args()
    organisation = Organisation.objects.public().filter(**({"slug": args.provider} if args.provider else {}))
    organisation = organisation.order_by("name").first()
    if organisation is None:
        raise SystemExit("No public organisation: load the demo first (manage.py load_demo).")
    pages = {"home page": "/", "provider page": f"/providers/{organisation.slug}/"}
    hosts = [host for host in settings.ALLOWED_HOSTS if not host.startswith((".", "*"))]
    client = Client(HTTP_HOST=hosts[0] if hosts else "testserver")
    print(f"settings: {os.environ['DJANGO_SETTINGS_MODULE']}")
    for label, url in pages.items():
        for mode, accept in ENCODINGS.items():
            rows = weigh(client, url, accept)
            total = sum(row[0] for row in rows)
            missing = [row[1] for row in rows if row[3] != 200]
            print(f"{label} {url}: {total / 1024:.1f} KB {mode} ({len(rows)} responses)")
            if missing:
                print(f"    not served by the application: {', '.join(missing)}")
            if args.detail or mode == "compressed":
                for size, path, encoding, status in sorted(rows, reverse=True)[: None if args.detail else 4]:
                    print(f"    {size / 1024:7.1f} KB  {status} {encoding or '-':5} {path}")


if __name__ == "__main__":
    main()
