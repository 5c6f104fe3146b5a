"""Lighthouse (npm, mobile emulation, Debian's Chromium) over every public page type of the portal.

    .venv/bin/python bench/bench_lighthouse.py                 # starts its own server on the demo database
    .venv/bin/python bench/bench_lighthouse.py --url https://portal.example.org   # audits a running site
    .venv/bin/python bench/bench_lighthouse.py --vision s3.cwb.l2.i0              # in the visually-impaired mode
    .venv/bin/python bench/bench_lighthouse.py --weight        # bytes the map pages transfer before tiles

Needs the demo content (`load_demo`) in the database behind DATABASE_URL when it starts its own server, and
Lighthouse from npm: `npm ci --prefix bench/lighthouse` (done on first use). Its own server runs the
production settings with the static files collected (hashed, compressed) and served by the application
through WhiteNoise, in gunicorn when it is installed (else Django's runserver, the same application), or the
development settings when WhiteNoise is not installed. Prints the four scores per page type and, for a category
under its target, the audits that cost points. Targets: accessibility, best practices and SEO at least 95,
performance at least 90. Exits 1 when one is missed.

`--weight` prints what Lighthouse's mobile run counts as transferred (`total-byte-weight`: bodies and headers as
they came over the wire) on the finder and a provider page with map tiles blocked, and the heaviest resources.
Target: the finder at most 100 KB (102 400 bytes) before tiles.
"""

import argparse
import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
WEIGHT_LIMIT = 100 * 1024
WEIGHT_PAGES = {
    "finder": ("/providers/", WEIGHT_LIMIT),
    "finder near a place": ("/providers/?near=55.0302,82.9204", WEIGHT_LIMIT),
    "provider page": ("/providers/tsentr-raduga/", None),
}
TILE_URL = os.environ.get("PORTAL_MAP_TILE_URL") or "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

# Page types, as in tests/e2e/test_axe_matrix.py; paths in the demo content.
PAGES = {
    "home": "/",
    "guidance index": "/parents/",
    "guidance page": "/parents/what-is-early-care/",
    "library with filters": "/library/?type=video-lecture&type=webinar&audience=specialists",
    "material with video": "/library/functional-assessment-lecture/",
    "search results": "/search/?q=не+говорит+в+2+года",
    "finder": "/providers/",
    "finder near a place": "/providers/?near=55.0302,82.9204",
    "provider page": "/providers/tsentr-raduga/",
    "report form": "/providers/tsentr-raduga/report/",
    "accessibility statement": "/accessibility/",
    "mode settings": "/low-vision/",
    "404": "/no-such-page/",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {seconds} s")


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        print("installing Lighthouse from npm (bench/lighthouse/package-lock.json)", file=sys.stderr)
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE_DIR, check=True)


class Server:
    """The application on a free port: production settings with collected static files, in gunicorn when it is
    installed (else runserver), when WhiteNoise is there to serve them."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = Path(tempfile.mkdtemp(prefix="lighthouse-"))
        self.process = None
        self.log = self.tmp / "server.log"

    @staticmethod
    def serves_static_files():
        """True when the application itself serves collected static files (WhiteNoise in MIDDLEWARE)."""
        sys.path.insert(0, str(ROOT))
        from portal.settings import base

        return any("whitenoise" in middleware.lower() for middleware in base.MIDDLEWARE)

    def environment(self):
        env = dict(os.environ)
        if not self.serves_static_files():
            env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
            self.settings = "development (DEBUG; static files uncompressed: the application has no WhiteNoise)"
            return env
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secrets.token_urlsafe(40),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            STATIC_ROOT=str(self.tmp / "static"),
            WAGTAILADMIN_BASE_URL=self.url,
            SECURE_SSL_REDIRECT="0",  # plain HTTP on the loopback, as behind a TLS-terminating proxy
        )
        server = "gunicorn, 2 workers" if self.has_gunicorn() else "runserver"
        self.settings = f"production, {server} (static files collected, hashed and compressed; WhiteNoise)"
        return env

    @staticmethod
    def has_gunicorn():
        return importlib.util.find_spec("gunicorn") is not None

    def command(self, env):
        if env["DJANGO_SETTINGS_MODULE"].endswith("production") and self.has_gunicorn():
            gunicorn = ["--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--chdir", str(ROOT)]
            return [sys.executable, "-m", "gunicorn", "portal.wsgi", *gunicorn]
        return [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{self.port}"]

    def __enter__(self):
        env = self.environment()
        manage = [sys.executable, str(ROOT / "manage.py")]
        if env["DJANGO_SETTINGS_MODULE"].endswith("production"):
            subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                self.command(env),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_for(self.url + "/healthz")
        except SystemExit:
            self.__exit__()
            raise SystemExit(f"the server did not start; see {self.log}") from None
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        if not exc or exc[0] is None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def audit(url, vision=None, categories=CATEGORIES, blocked=()):
    """Lighthouse's report (dict) for one URL, mobile emulation with its default throttling."""
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "report.json"
        command = [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ]
        command += [f"--blocked-url-patterns={pattern}" for pattern in blocked]
        if vision:
            command.append("--extra-headers=" + json.dumps({"Cookie": f"vision={vision}"}))
        subprocess.run(command, check=True, timeout=300, cwd=LIGHTHOUSE_DIR)
        return json.loads(output.read_text(encoding="utf-8"))


def losses(report, category):
    """Audits of a category that did not get full marks, heaviest first."""
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        result = report["audits"][ref["id"]]
        if ref["weight"] and result.get("score") is not None and result["score"] < 1:
            lost.append((ref["weight"] * (1 - result["score"]), ref["id"], result.get("displayValue", "")))
    return [f"{audit_id} {value}".strip() for _cost, audit_id, value in sorted(lost, reverse=True)]


def tile_patterns():
    """Lighthouse's blocked-URL patterns for the map tiles' host (PORTAL_MAP_TILE_URL, or OpenStreetMap's)."""
    host = urlsplit(TILE_URL).netloc.replace("{s}", "*")
    return [f"*://{host}/*"]


def weigh(base, settings):
    """Transferred bytes of the map pages before tiles; 1 when the finder weighs more than its limit."""
    print(f"Lighthouse (mobile), transferred bytes with map tiles blocked, at {base}, settings: {settings}")
    missed = []
    for name, (path, limit) in WEIGHT_PAGES.items():
        report = audit(base + path, categories=["performance"], blocked=tile_patterns())
        weight = report["audits"]["total-byte-weight"]
        total = weight["numericValue"]
        requests = report["audits"]["network-requests"]["details"]["items"]
        served = [item for item in requests if (item.get("statusCode") or 0) > 0]
        aim = f"(aim: at most {limit / 1024:.0f} KB)" if limit else ""
        blocked = len(requests) - len(served)
        print(f"\n{name} {path}: {total / 1024:.1f} KB in {len(served)} requests ({blocked} blocked) {aim}")
        for item in weight["details"]["items"][:8]:
            print(f"  {item['totalBytes'] / 1024:7.1f} KB  {urlsplit(item['url']).path[:90]}")
        if limit and total > limit:
            missed.append(f"{name}: {total / 1024:.1f} KB > {limit / 1024:.0f} KB")
    for line in missed:
        print("  missed " + line)
    return 1 if missed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="audit this running site instead of starting a server")
    parser.add_argument("--vision", help="the visually-impaired mode's cookie value, e.g. s3.cwb.l2.i0")
    parser.add_argument("--only", nargs="*", help="page types to audit (default: all)")
    parser.add_argument("--weight", action="store_true", help="transferred bytes of the map pages before tiles")
    args = parser.parse_args()
    ensure_lighthouse()
    if args.weight:
        if args.url:
            return weigh(args.url.rstrip("/"), "as deployed")
        with Server() as server:
            return weigh(server.url, server.settings)
    pages = {name: path for name, path in PAGES.items() if not args.only or name in args.only}

    def run(base, settings):
        print(f"Lighthouse (mobile) at {base}, settings: {settings}" + (f", mode {args.vision}" if args.vision else ""))
        print(f"{'page type':<26}" + "".join(f"{name:>16}" for name in CATEGORIES) + f"{'seconds':>9}")
        missed = []
        for name, path in pages.items():
            started = time.monotonic()
            report = audit(base + path, args.vision)
            scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
            cells = "".join(f"{scores[key]:>16}" for key in CATEGORIES)
            print(f"{name:<26}{cells}{time.monotonic() - started:>9.0f}", flush=True)
            for key, target in CATEGORIES.items():
                if scores[key] < target:
                    missed.append(f"{name}: {key} {scores[key]} < {target}: {', '.join(losses(report, key)[:6])}")
        for line in missed:
            print("  missed " + line)
        return 1 if missed else 0

    if args.url:
        return run(args.url.rstrip("/"), "as deployed")
    with Server() as server:
        return run(server.url, server.settings)


if __name__ == "__main__":
    sys.exit(main())
