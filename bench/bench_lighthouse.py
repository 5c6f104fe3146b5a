"""Lighthouse (npm, mobile emulation, Debian's Chromium) over every public page type of the portal.

    .venv/bin/python bench/bench_lighthouse.py                 # starts its own server on the demo database
    .venv/bin/python bench/bench_lighthouse.py --url https://portal.example.org   # audits a running site
    .venv/bin/python bench/bench_lighthouse.py --vision s3.cwb.l2.i0              # in the visually-impaired mode

Needs the demo content (`load_demo`) in the database behind DATABASE_URL when it starts its own server, and
Lighthouse from npm: `npm ci --prefix bench/lighthouse` (done on first use). Its own server runs the
production settings with the static files collected and served by the application as in production
(WhiteNoise, compressed), or the development settings when WhiteNoise is not installed. Prints the four
scores per page type and, for a category under its target, the audits that cost points. Targets:
accessibility, best practices and SEO at least 95, performance at least 90. Exits 1 when one is missed.
"""

import argparse
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

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}

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
    """manage.py runserver on a free port; production settings with collected static files when possible."""

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
        )
        self.settings = "production (static files collected and compressed, served by WhiteNoise)"
        return env

    def __enter__(self):
        env = self.environment()
        manage = [sys.executable, str(ROOT / "manage.py")]
        if env["DJANGO_SETTINGS_MODULE"].endswith("production"):
            subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [*manage, "runserver", "--noreload", f"127.0.0.1:{self.port}"],
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


def audit(url, vision=None):
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
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ]
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="audit this running site instead of starting a server")
    parser.add_argument("--vision", help="the visually-impaired mode's cookie value, e.g. s3.cwb.l2.i0")
    parser.add_argument("--only", nargs="*", help="page types to audit (default: all)")
    args = parser.parse_args()
    ensure_lighthouse()
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
